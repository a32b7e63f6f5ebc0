import type { NotificationOutboxRow } from "@/lib/db/schema";
import type { NotificationEvent } from "./events";

/** The dashboard's public address for links: SAGEDECK_PUBLIC_URL, else NEXTAUTH_URL, else the local default. */
export function publicUrl(): string {
  const url =
    process.env.SAGEDECK_PUBLIC_URL ??
    process.env.NEXTAUTH_URL ??
    `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  return url.replace(/\/+$/, "");
}

/** The event as it was enqueued, with its link made absolute. */
export function eventOf(row: NotificationOutboxRow): NotificationEvent & { url: string } {
  const event = row.payload as unknown as NotificationEvent;
  return { ...event, url: `${publicUrl()}${event.path}` };
}

/** The generic webhook body (signed): the event, its link and the delivery id. */
export function webhookBody(row: NotificationOutboxRow): Record<string, unknown> {
  const e = eventOf(row);
  return {
    id: e.id,
    delivery: row.id,
    type: e.type,
    occurredAt: e.occurredAt,
    title: e.title,
    summary: e.summary,
    url: e.url,
    ...(e.group ? { group: e.group } : {}),
    ...(e.solution ? { solution: e.solution } : {}),
    data: e.data,
  };
}

/** Slack's incoming-webhook format: `text` (notifications, fallbacks) and blocks with a button to the page. */
export function slackBody(row: NotificationOutboxRow): Record<string, unknown> {
  const e = eventOf(row);
  return {
    text: `${e.title} — ${e.url}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${e.title}*\n${e.summary}` } },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: "Open in SageDeck" }, url: e.url }],
      },
    ],
  };
}

/** Red for failures and missed service levels, amber for a maturity phase going down, else blue. */
function themeColor(e: NotificationEvent): string {
  if (e.type.endsWith("failed") || e.type.endsWith("missed")) return "B91C1C";
  if (e.type === "maturity.phase_changed" && e.data.direction === "down") return "B45309";
  return "0369A1";
}

/** Microsoft Teams' incoming-webhook format: a MessageCard with an "Open in SageDeck" action. */
export function teamsBody(row: NotificationOutboxRow): Record<string, unknown> {
  const e = eventOf(row);
  return {
    "@type": "MessageCard",
    "@context": "https://schema.org/extensions",
    summary: e.title,
    themeColor: themeColor(e),
    title: e.title,
    text: e.summary,
    potentialAction: [
      { "@type": "OpenUri", name: "Open in SageDeck", targets: [{ os: "default", uri: e.url }] },
    ],
  };
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** An e-mail: subject, plain text and HTML, each with the link to the page. */
export function emailParts(row: NotificationOutboxRow): { subject: string; text: string; html: string } {
  const e = eventOf(row);
  return {
    subject: `[SageDeck] ${e.title}`,
    text: `${e.title}\n\n${e.summary}\n\nOpen in SageDeck: ${e.url}\n`,
    html:
      `<p><strong>${escapeHtml(e.title)}</strong></p><p>${escapeHtml(e.summary)}</p>` +
      `<p><a href="${escapeHtml(e.url)}">Open in SageDeck</a></p>`,
  };
}
