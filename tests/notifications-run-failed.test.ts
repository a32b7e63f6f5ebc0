/**
 * run.failed (issue 21) end to end: a run started in SageDeck fails in the real emulator, the watcher notices it
 * and the worker delivers it once to a webhook channel (real HTTP receiver, signatures checked) and once to the
 * starter's own e-mail (real SMTP server) — however many passes run. SageMaker is read only while someone listens
 * and only for runs the watcher has not seen finished.
 */
import type { AddressInfo } from "node:net";
import { StartPipelineExecutionCommand } from "@aws-sdk/client-sagemaker";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { watchForNotifications } from "@/lib/notifications/watch";
import { setPreferences } from "@/lib/notifications/preferences";
import { deliverDue } from "@/lib/notifications/worker";
import { retryRun, startRun, type RunContext } from "@/lib/pipelines/runs";
import { clientAs } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { outboxRows, webhookChannel } from "@/tests/helpers/notification-fixtures";
import { startReceiver, type Receiver } from "@/tests/helpers/notification-receiver";
import { finished } from "@/tests/helpers/pipeline-runs";
import { sessionUser } from "@/tests/helpers/session-user";
import { emulatorCalls } from "@/tests/helpers/wait";

const emu = emulatorFixture({ speed: 200, dataDir: "sagedeck-notify-runs-", noCache: true });
const PIPELINE = "churn-train";
const sam = sessionUser("sam", "scientist", "Sam Scientist");
const sid = sessionUser("sid", "scientist", "Sid Scientist");

describe("run.failed", () => {
  let handle: DbHandle;
  let receiver: Receiver;
  let smtp: SMTPServer;
  const mails: { to: string[]; raw: string }[] = [];
  let n = 0;
  const ctx = (user = sam): RunContext => ({ db: handle.db, user, idempotencyKey: `run-failed-${n++}` });
  const describes = async () => (await emulatorCalls(emu.url())).DescribePipelineExecution ?? 0;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, cb) {
        let raw = "";
        stream.on("data", (c: Buffer) => (raw += c.toString()));
        stream.on("end", () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    handle = await openDb({ kind: "pglite", dir: null });
    await migrateDb(handle);
    receiver = await startReceiver(null);
  }, 60_000);
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await receiver?.close();
    await handle?.close();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  it("a failed run started in SageDeck reaches its starter's channel and e-mail once, after several passes", async () => {
    const failing = await startRun(ctx(), PIPELINE, { parameters: { MaxDepth: 40 } });
    const passing = await startRun(ctx(), PIPELINE, { parameters: {} });
    // a run started outside SageDeck (Studio, CLI) that fails too: SageDeck does not know who started it
    const outside = await clientAs(emu.url(), "admin").send(
      new StartPipelineExecutionCommand({
        PipelineName: PIPELINE,
        PipelineParameters: [{ Name: "MaxDepth", Value: "40" }],
        ClientRequestToken: `outside-${Date.now()}-${"x".repeat(24)}`.slice(0, 64),
      }),
    );
    expect((await finished(failing.executionArn)).status).toBe("Failed");
    expect((await finished(passing.executionArn)).status).toBe("Succeeded");
    expect((await finished(outside.PipelineExecutionArn ?? "")).status).toBe("Failed");

    // nobody listens: SageMaker is not read
    let before = await describes();
    expect((await watchForNotifications(handle.db)).runFailed).toBe(0);
    expect(await describes()).toBe(before);

    const { channel, secret } = await webhookChannel(handle.db, receiver.url, { eventTypes: ["run.failed"] });
    receiver.secret = secret;
    await setPreferences(
      { db: handle.db, user: sam },
      { email: "sam@example.test", eventTypes: ["run.failed"] },
    );
    // someone else who wants their own failed runs: this one is not theirs
    await setPreferences(
      { db: handle.db, user: sid },
      { email: "sid@example.test", eventTypes: ["run.failed"] },
    );

    expect((await watchForNotifications(handle.db)).runFailed).toBe(1);
    before = await describes();
    expect((await watchForNotifications(handle.db)).runFailed).toBe(0); // seen finished: not read again
    expect(await describes()).toBe(before);

    const rows = await outboxRows(handle.db);
    expect(rows.map((r) => [r.eventId, r.destination, r.recipient]).sort()).toEqual([
      [`run-failed:${failing.executionArn}`, `channel:${channel.id}`, null],
      [`run-failed:${failing.executionArn}`, "user:sam", "sam@example.test"],
    ]);

    expect(await deliverDue(handle.db)).toMatchObject({ sent: 2 });
    expect((await watchForNotifications(handle.db)).runFailed).toBe(0);
    expect(await deliverDue(handle.db)).toMatchObject({ sent: 0 });

    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0];
    expect(got?.signatureValid).toBe(true);
    expect(got?.event).toBe("run.failed");
    expect(got?.body).toMatchObject({
      id: `run-failed:${failing.executionArn}`,
      type: "run.failed",
      data: { executionArn: failing.executionArn, startedBy: "sam", failedStep: { name: "Train" } },
    });
    expect(String(got?.body.title)).toMatch(new RegExp(`^${PIPELINE} run .+ failed at step Train$`));
    expect(String(got?.body.summary)).toMatch(/Started by Sam Scientist in SageDeck.*max_depth/i);
    expect(String(got?.body.url)).toMatch(
      new RegExp(`/pipelines/${PIPELINE}/executions/${failing.executionId}$`),
    );

    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual(["sam@example.test"]);
    expect(mails[0]?.raw).toMatch(new RegExp(`failed at step Train`));
  });

  it("a run retried in SageDeck that fails again is a new event, to its starter and whoever retried it", async () => {
    const r = await startRun(ctx(), PIPELINE, { parameters: { MaxDepth: 40 } });
    await finished(r.executionArn);
    await watchForNotifications(handle.db);
    const first = await outboxRows(handle.db, `run-failed:${r.executionArn}`);
    expect(first.map((x) => x.destination).sort()).toEqual([`channel:${first[0]?.channelId}`, "user:sam"]);

    const failedAt = (await finished(r.executionArn)).lastModifiedAt ?? 0;
    await retryRun(ctx(sid), r.executionArn);
    const again = await finished(r.executionArn);
    expect(again.lastModifiedAt).toBeGreaterThan(failedAt);
    expect(again.status).toBe("Failed");

    expect((await watchForNotifications(handle.db)).runFailed).toBe(1);
    expect((await watchForNotifications(handle.db)).runFailed).toBe(0);
    const rows = (await outboxRows(handle.db)).filter((x) =>
      x.eventId.startsWith(`run-failed:${r.executionArn}:retry:`),
    );
    expect(rows.map((x) => x.destination).sort()).toEqual([
      `channel:${first[0]?.channelId}`,
      "user:sam",
      "user:sid",
    ]);
    expect(rows[0]?.payload).toMatchObject({ data: { retriedBy: "sid", startedBy: "sam" } });
  });
});
