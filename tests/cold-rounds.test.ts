/**
 * Issue 18, "under 100 ms upstream latency a cold page takes ≤ 3 × 100 ms": the calls of a cold page that do not
 * depend on each other go out together. Counted, not timed: the app reaches the real emulator through a recording
 * proxy (tests/helpers/upstream-rounds.ts) and every call takes ≥ 150 ms (a latency fault), so a call that waits
 * for another's answer is sent after it and counts as one more round, while calls sent together overlap.
 */
import "@/tests/helpers/scratch-data-dir";
import { StartPipelineExecutionCommand } from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getInbox } from "@/lib/approvals/inbox";
import { expireCache } from "@/tests/helpers/cold-calls";
import { clientAs, registerVersion, user } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { startRoundsProxy, type RoundsProxy } from "@/tests/helpers/upstream-rounds";

const emu = emulatorFixture();
let proxy: RoundsProxy;

beforeAll(async () => {
  proxy = await startRoundsProxy(emu.url());
  process.env.SAGEMAKER_ENDPOINT = proxy.url; // before the app's first SageMaker call
});
afterAll(async () => {
  await proxy.close();
});

const slow = (latencyMs: number) =>
  fetch(`${emu.url()}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ operation: "*", latencyMs }),
  });
const fast = () => fetch(`${emu.url()}/_emulator/faults`, { method: "DELETE" });

describe("a cold page's calls that can run in parallel do", () => {
  it("the approvals inbox: new versions' lineage is read alongside the Production baselines, in two rounds", async () => {
    const db = await getDb();
    const alex = user("alex");
    // a group whose Production endpoint serves one of its versions: its inbox reads a baseline
    const everything = await getInbox(db, alex, { limit: 100 });
    const group = everything.items.find((i) => i.production)?.version.group;
    expect(group, "the demo has a waiting version of a group live in Production").toBeDefined();
    if (!group) return;

    // registered by a run that just started (in Studio): its lineage was never read
    const run = await clientAs(emu.url(), "studio-user").send(
      new StartPipelineExecutionCommand({ PipelineName: "churn-train" }),
    );
    const execution = run.PipelineExecutionArn ?? "";
    const arn = await registerVersion(emu.url(), group, "ben", { generatedBy: execution });

    await slow(150);
    try {
      await expireCache();
      proxy.reset();
      const inbox = await getInbox(db, alex, { group, limit: 100 });
      const calls = proxy.calls().map((c) => c.operation);

      const added = inbox.items.find((i) => i.version.arn === arn);
      expect(added?.lineage?.executionArn).toBe(execution);
      expect(added?.production?.version).toBeGreaterThan(0);
      // the page and the stage endpoints, then the baselines' Search with the new version's lineage (before:
      // the lineage waited for the baselines — a third round)
      expect(calls).toContain("SageMaker.DescribePipelineExecution");
      expect(calls.filter((c) => c === "SageMaker.Search").length).toBe(3);
      expect(proxy.rounds(), JSON.stringify(proxy.calls())).toBe(2);
    } finally {
      await fast();
    }
  });
});
