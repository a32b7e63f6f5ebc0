import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { notificationOutbox } from "@/lib/db/schema";
import { enqueueNotifications } from "@/lib/notifications/enqueue";
import { setPreferences } from "@/lib/notifications/preferences";
import { deliverDue } from "@/lib/notifications/worker";
import { createChannel } from "@/lib/notifications/channels";
import { ada } from "@/tests/helpers/notification-fixtures";
import { sessionUser } from "@/tests/helpers/session-user";

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

// E-mail over SMTP to a real SMTP server (smtp-server) started by the test: plain text + HTML with the link.
describe("e-mail notifications", () => {
  let handle: DbHandle;
  let server: SMTPServer;
  const mails: Mail[] = [];
  const refuse = new Set<string>();

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onRcptTo(address, _session, cb) {
        if (refuse.has(address.address))
          cb(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
        else cb();
      },
      onData(stream, session, cb) {
        let raw = "";
        stream.on("data", (c: Buffer) => (raw += c.toString()));
        stream.on("end", () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    process.env.SMTP_FROM = "SageDeck <sagedeck@example.test>";
    handle = await openDb({ kind: "pglite", dir: null });
    await migrateDb(handle);
  }, 60_000);
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await handle?.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("sends to an e-mail channel and to a person who asked for their approvals; a refused mailbox is retried with its reply code", async () => {
    await createChannel(
      { db: handle.db, user: ada },
      { kind: "email", name: "ml-team", target: "ml-team@example.test", eventTypes: ["version.waiting"] },
    );
    await setPreferences(
      { db: handle.db, user: sessionUser("alex", "approver") },
      {
        email: "alex@example.test",
        eventTypes: ["version.waiting"],
      },
    );
    await setPreferences(
      { db: handle.db, user: sessionUser("sam", "scientist") },
      {
        email: "sam@example.test",
        eventTypes: ["run.failed"], // did not ask for approval requests
      },
    );
    refuse.add("ml-team@example.test");
    const written = await handle.db.transaction((tx) =>
      enqueueNotifications(tx, {
        id: "version-waiting:arn:mail/7",
        type: "version.waiting",
        occurredAt: new Date().toISOString(),
        title: "fraud-xgboost v7 is waiting for approval",
        summary: "Registered by sam. Metrics: auc 0.912.",
        path: "/models/fraud-xgboost/7",
        group: "fraud-xgboost",
        recipients: ["alex", "sam"],
        data: {},
      }),
    );
    expect(written).toBe(2); // the channel and alex; not sam

    expect(await deliverDue(handle.db, { rounds: 1 })).toEqual({ sent: 1, retried: 1, dead: 0 });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual(["alex@example.test"]);
    expect(mail.from).toBe("sagedeck@example.test");
    expect(mail.raw).toMatch(/Subject: \[SageDeck\] fraud-xgboost v7 is waiting for approval/);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    expect(mail.raw).toContain("/models/fraud-xgboost/7");
    expect(mail.raw).toMatch(/X-SageDeck-Delivery: [0-9a-f-]{36}/i);

    const rows = await handle.db.select().from(notificationOutbox);
    const team = rows.find((r) => r.destination.startsWith("channel:"));
    expect(team).toMatchObject({ status: "pending", attempts: 1, lastResponseCode: 550 });
    expect(team?.lastError).toMatch(/SMTP: .*mailbox unavailable/);
    expect(rows.find((r) => r.destination === "user:alex")).toMatchObject({
      status: "sent",
      lastResponseCode: 250,
    });
  });
});
