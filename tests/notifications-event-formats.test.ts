/**
 * The new events (issue 21) as Slack, Teams and e-mail render them: title, summary and the link to the page; Teams
 * colours a phase going down amber and a failure red.
 */
import { describe, expect, it } from "vitest";
import type { NotificationOutboxRow } from "@/lib/db/schema";
import { emailParts, slackBody, teamsBody } from "@/lib/notifications/format";
import type { NotificationEvent } from "@/lib/notifications/events";
import { phaseChangeEvent, type PhasePoint } from "@/lib/notifications/maturity-events";

const point = (id: number, phase: string | null, score: number): PhasePoint => ({
  id,
  takenAt: new Date(Date.UTC(2026, 10, id)),
  solutionKey: "risk",
  solutionName: "Credit risk",
  phase,
  provisional: false,
  score,
  checks: { monitoring: { status: phase === "Reliable" ? "pass" : "fail" } },
});

const rowOf = (event: NotificationEvent | undefined): NotificationOutboxRow => {
  if (!event) throw new Error("no event");
  const now = new Date();
  return {
    id: "d-1",
    eventId: event.id,
    eventType: event.type,
    payload: event as unknown as Record<string, unknown>,
    channelId: null,
    destination: "channel:c",
    recipient: null,
    status: "pending",
    attempts: 0,
    nextAttemptAt: now,
    claimToken: null,
    lastResponseCode: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    sentAt: null,
  };
};

describe("event formats", () => {
  it("a maturity phase change in Slack, Teams and e-mail", () => {
    process.env.SAGEDECK_PUBLIC_URL = "https://sagedeck.example.test";
    const down = rowOf(phaseChangeEvent(point(1, "Reliable", 72), point(2, "Repeatable", 55)));
    expect(phaseChangeEvent(point(1, "Reliable", 72), point(2, "Reliable", 70))).toBeUndefined();
    const title = "Credit risk moved down to Repeatable (from Reliable)";
    const url = "https://sagedeck.example.test/maturity/risk";
    const slack = slackBody(down) as { text: string; blocks: { text?: { text: string } }[] };
    expect(slack.text).toBe(`${title} — ${url}`);
    expect(slack.blocks[0]?.text?.text).toMatch(/Score 55 \(was 72\)\. Changed: monitoring pass → fail\./);
    expect(teamsBody(down)).toMatchObject({ title, themeColor: "B45309" });
    const mail = emailParts(down);
    expect(mail.subject).toBe(`[SageDeck] ${title}`);
    expect(mail.text).toContain(`Open in SageDeck: ${url}`);
    const up = rowOf(phaseChangeEvent(point(2, null, 10), point(3, "Initial", 30)));
    expect(teamsBody(up)).toMatchObject({
      title: "Credit risk moved up to Initial (from no phase)",
      themeColor: "0369A1",
    });
    delete process.env.SAGEDECK_PUBLIC_URL;
  });
});
