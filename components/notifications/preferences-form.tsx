"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState, LoadingBlock } from "@/components/ui/states";
import { EVENT_LABELS, PERSONAL_EVENT_TYPES } from "@/lib/notifications/events";
import type { Preferences } from "@/lib/notifications/preferences";
import { notificationQueries, savePreferences } from "./api";

/** What the signed-in person receives by e-mail: their approvals and their runs. */
export function PreferencesForm() {
  const q = useQuery(notificationQueries.preferences());
  if (q.isPending) return <LoadingBlock rows={2} label="Loading your notifications" />;
  if (q.error) return <ErrorState message={q.error.message} retry={() => void q.refetch()} />;
  return <Form initial={q.data.preferences} />;
}

function Form({ initial }: { initial: Preferences }) {
  const client = useQueryClient();
  const [email, setEmail] = useState(initial.email ?? "");
  const [events, setEvents] = useState(initial.eventTypes);
  const save = useMutation({
    mutationFn: savePreferences,
    onSuccess: () => client.invalidateQueries({ queryKey: notificationQueries.all }),
  });
  return (
    <form
      aria-label="Your notifications"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ email: email || null, eventTypes: events });
      }}
    >
      <label className="flex max-w-md flex-col gap-1 text-sm">
        E-mail address
        <input
          type="email"
          className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <fieldset className="text-sm">
        <legend className="mb-1">Send me</legend>
        {PERSONAL_EVENT_TYPES.map((t) => (
          <label key={t} className="block">
            <input
              type="checkbox"
              className="mr-1"
              checked={events.includes(t)}
              onChange={() => setEvents((e) => (e.includes(t) ? e.filter((x) => x !== t) : [...e, t]))}
            />
            {EVENT_LABELS[t]}
          </label>
        ))}
      </fieldset>
      {save.error ? (
        <p role="alert" className="text-sm text-red-700">
          {save.error.message}
        </p>
      ) : save.isSuccess ? (
        <p role="status" className="text-sm text-green-700">
          Saved.
        </p>
      ) : null}
      <Button type="submit" variant="primary" pending={save.isPending}>
        Save
      </Button>
    </form>
  );
}
