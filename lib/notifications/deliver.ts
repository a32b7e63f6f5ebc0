import type { NotificationChannelRow, NotificationOutboxRow } from "@/lib/db/schema";
import { sendEmail } from "./email";
import { emailParts, slackBody, teamsBody, webhookBody } from "./format";
import { signBody } from "./sign";

export interface DeliveryResult {
  ok: boolean;
  /** the HTTP status, or the SMTP reply code; null when nothing answered */
  code: number | null;
  error?: string;
}

function headersOf(row: NotificationOutboxRow, timestamp: string): Record<string, string> {
  return {
    "X-SageDeck-Event": row.eventType,
    "X-SageDeck-Delivery": row.id,
    "X-SageDeck-Timestamp": timestamp,
  };
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<DeliveryResult> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "SageDeck-Notifications/1", ...headers },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text().catch(() => "");
    if (res.status >= 200 && res.status < 300) return { ok: true, code: res.status };
    return {
      ok: false,
      code: res.status,
      error: `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ""}`,
    };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why =
      e.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (e.cause?.message ?? e.message);
    return { ok: false, code: null, error: `Could not reach ${new URL(url).host}: ${why}` };
  }
}

/**
 * Sends one outbox row to its destination: a channel (webhook, Slack, Teams, e-mail) or a person's e-mail
 * address. Webhooks carry X-SageDeck-Event, X-SageDeck-Delivery (the idempotency id), X-SageDeck-Timestamp and,
 * with a secret, X-SageDeck-Signature (sign.ts). Success is a 2xx answer (SMTP: the message accepted).
 */
export async function deliverRow(
  row: NotificationOutboxRow,
  channel: NotificationChannelRow | undefined,
  opts: { timeoutMs: number; now?: number },
): Promise<DeliveryResult> {
  const timestamp = String(Math.floor((opts.now ?? Date.now()) / 1000));
  const headers = headersOf(row, timestamp);
  if (!row.channelId) {
    if (!row.recipient)
      return { ok: false, code: null, error: "The person no longer has an e-mail address." };
    return sendEmail(row.recipient, emailParts(row), headers);
  }
  if (!channel) return { ok: false, code: null, error: "The channel was deleted." };
  if (channel.kind === "email") return sendEmail(channel.target, emailParts(row), headers);
  const payload =
    channel.kind === "slack" ? slackBody(row) : channel.kind === "teams" ? teamsBody(row) : webhookBody(row);
  const body = JSON.stringify(payload);
  const signed = channel.secret
    ? { ...headers, "X-SageDeck-Signature": signBody(channel.secret, timestamp, body) }
    : headers;
  return post(channel.target, body, signed, opts.timeoutMs);
}
