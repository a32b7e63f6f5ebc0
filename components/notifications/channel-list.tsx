"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import type { ChannelItem } from "@/lib/notifications/channels";
import { createChannel, notificationQueries, testChannel, updateChannel } from "./api";
import { ChannelForm } from "./channel-form";

const th = "px-2 py-1 text-left font-medium";
const td = "px-2 py-1 align-top";

/** The channels: add, edit, enable/disable, send a test; a new webhook's signing secret is shown once. */
export function ChannelList() {
  const client = useQueryClient();
  const list = useQuery(notificationQueries.channels());
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [editing, setEditing] = useState<ChannelItem | null>(null);
  const [tested, setTested] = useState<Record<string, string>>({});
  const refresh = () => client.invalidateQueries({ queryKey: notificationQueries.all });
  const create = useMutation({
    mutationFn: createChannel,
    onSuccess: async (c) => {
      if (c.secret) setSecret({ name: c.channel.name, secret: c.secret });
      await refresh();
    },
  });
  const update = useMutation({
    mutationFn: (v: { id: string; body: Parameters<typeof updateChannel>[1] }) => updateChannel(v.id, v.body),
    onSuccess: async () => {
      setEditing(null);
      await refresh();
    },
  });
  const test = useMutation({
    mutationFn: testChannel,
    onSuccess: async ({ delivery }, id) => {
      setTested((t) => ({
        ...t,
        [id]:
          delivery.status === "sent"
            ? `Sent (${delivery.lastResponseCode ?? "ok"})`
            : `Not sent: ${delivery.lastError ?? delivery.status}`,
      }));
      await refresh();
    },
  });
  if (list.isPending) return <LoadingBlock rows={2} label="Loading channels" />;
  if (list.error) return <ErrorState message={list.error.message} retry={() => void list.refetch()} />;
  const channels = list.data.channels;
  return (
    <div className="space-y-4">
      {secret ? (
        <div
          role="status"
          className="rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:bg-amber-950"
        >
          <p>
            Signing secret of “{secret.name}” — copy it now, it is not shown again. Receivers verify
            X-SageDeck-Signature with it.
          </p>
          <code data-testid="channel-secret" className="font-mono break-all">
            {secret.secret}
          </code>
          <div>
            <Button size="sm" onClick={() => setSecret(null)}>
              Done
            </Button>
          </div>
        </div>
      ) : null}
      {channels.length === 0 ? (
        <EmptyState title="No channels yet">Add a webhook, Slack, Teams or e-mail channel below.</EmptyState>
      ) : (
        <table className="w-full text-sm" aria-label="Channels">
          <thead className="border-b border-slate-200 dark:border-slate-800">
            <tr>
              <th className={th}>Name</th>
              <th className={th}>Kind</th>
              <th className={th}>Sends to</th>
              <th className={th}>Events</th>
              <th className={th}>Status</th>
              <th className={th}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c) => (
              <tr
                key={c.id}
                data-testid={`channel-${c.name}`}
                className="border-b border-slate-100 dark:border-slate-900"
              >
                <td className={td}>{c.name}</td>
                <td className={td}>{c.kind}</td>
                <td className={`${td} font-mono text-xs break-all`}>{c.target}</td>
                <td className={`${td} text-xs`}>
                  {c.eventTypes.join(", ")}
                  {c.groupFilter ? ` (group ${c.groupFilter})` : ""}
                </td>
                <td className={td}>{c.enabled ? "enabled" : "disabled"}</td>
                <td className={`${td} space-x-1 whitespace-nowrap`}>
                  <Button
                    size="sm"
                    pending={test.isPending && test.variables === c.id}
                    onClick={() => test.mutate(c.id)}
                  >
                    Send test
                  </Button>
                  <Button size="sm" onClick={() => setEditing(c)}>
                    Edit
                  </Button>
                  <Button
                    size="sm"
                    pending={update.isPending && update.variables?.id === c.id}
                    onClick={() => update.mutate({ id: c.id, body: { enabled: !c.enabled } })}
                  >
                    {c.enabled ? "Disable" : "Enable"}
                  </Button>
                  {tested[c.id] ? <span className="ml-1 text-xs">{tested[c.id]}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {test.error ? (
        <p role="alert" className="text-sm text-red-700">
          {test.error.message}
        </p>
      ) : null}
      {editing ? (
        <ChannelForm
          key={editing.id}
          initial={editing}
          pending={update.isPending}
          error={update.error?.message ?? null}
          onCancel={() => setEditing(null)}
          onSubmit={(b) =>
            update.mutate({
              id: editing.id,
              body: { name: b.name, target: b.target, eventTypes: b.eventTypes, groupFilter: b.groupFilter },
            })
          }
        />
      ) : (
        <ChannelForm
          pending={create.isPending}
          error={create.error?.message ?? null}
          onSubmit={(b) => create.mutate(b)}
        />
      )}
    </div>
  );
}
