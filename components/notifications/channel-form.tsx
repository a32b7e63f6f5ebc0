"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EVENT_LABELS, EVENT_TYPES } from "@/lib/notifications/events";
import { CHANNEL_KINDS, type ChannelKind } from "@/lib/notifications/kinds";
import type { ChannelBody } from "./api";

const KIND_LABELS: Record<ChannelKind, string> = {
  webhook: "Webhook (signed JSON)",
  slack: "Slack incoming webhook",
  teams: "Microsoft Teams incoming webhook",
  email: "E-mail",
};

const input = "rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/** Add a channel, or edit one (`initial`; its kind stays). */
export function ChannelForm({
  initial,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: ChannelBody;
  pending: boolean;
  error: string | null;
  onSubmit: (body: ChannelBody) => void;
  onCancel?: () => void;
}) {
  const [kind, setKind] = useState<ChannelKind>(initial?.kind ?? "webhook");
  const [name, setName] = useState(initial?.name ?? "");
  const [target, setTarget] = useState(initial?.target ?? "");
  const [events, setEvents] = useState<string[]>(initial?.eventTypes ?? ["version.waiting"]);
  const [group, setGroup] = useState(initial?.groupFilter ?? "");
  const toggle = (t: string) => setEvents((e) => (e.includes(t) ? e.filter((x) => x !== t) : [...e, t]));
  return (
    <form
      aria-label={initial ? `Edit ${initial.name}` : "Add a channel"}
      className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          kind,
          name,
          target,
          eventTypes: events,
          groupFilter: group || null,
          solutionFilter: null,
        });
      }}
    >
      <h3 className="font-medium">{initial ? `Edit “${initial.name}”` : "Add a channel"}</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          Kind
          <select
            className={input}
            value={kind}
            disabled={Boolean(initial)}
            onChange={(e) => setKind(e.target.value as ChannelKind)}
          >
            {CHANNEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Name
          <input className={input} value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label className="flex flex-col gap-1 text-sm sm:col-span-2">
          {kind === "email" ? "E-mail address" : "URL"}
          <input
            className={input}
            value={target}
            type={kind === "email" ? "email" : "url"}
            onChange={(e) => setTarget(e.target.value)}
            required
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Only model group (optional)
          <input className={input} value={group} onChange={(e) => setGroup(e.target.value)} />
        </label>
      </div>
      <fieldset className="text-sm">
        <legend className="mb-1">Events</legend>
        {EVENT_TYPES.map((t) => (
          <label key={t} className="mr-4 inline-flex items-center gap-1">
            <input type="checkbox" checked={events.includes(t)} onChange={() => toggle(t)} />
            {EVENT_LABELS[t]}
          </label>
        ))}
      </fieldset>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" pending={pending}>
          {initial ? "Save" : "Add channel"}
        </Button>
        {onCancel ? (
          <Button type="button" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
