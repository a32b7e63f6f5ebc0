/**
 * Issue 18 for the lists: the models list and the pipelines list cost at most three SageMaker calls when their
 * cache expired and none warm, counted by the real emulator — their versions and executions come from sets kept
 * in sync with Search (lib/sagemaker/synced-search.ts: one call for what changed since the last read). The
 * synced answer must be the one a from-scratch read gives, also after changes made outside SageDeck: a version
 * registered, approved or deleted in Studio, a run started there. And the overview's sections.
 */
import "@/tests/helpers/scratch-data-dir";
import {
  DeleteModelPackageCommand,
  StartPipelineExecutionCommand,
  UpdateModelPackageCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { listModelOverview } from "@/lib/models/groups";
import { getPipelineList } from "@/lib/pipelines/read-models";
import { startRun } from "@/lib/pipelines/runs";
import { getWaitingForDecision } from "@/lib/overview/approvals";
import { getMyPipelineRuns, getNewestExperimentRuns } from "@/lib/overview/runs";
import { getOverviewSummary } from "@/lib/sagemaker/overview";
import { coldAndWarm as coldAndWarmAt, coldRead, fromScratch } from "@/tests/helpers/cold-calls";
import { clientAs, registerVersion, user } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";

const emu = emulatorFixture();
const coldAndWarm = (load: () => Promise<unknown>) => coldAndWarmAt(emu.url(), load);

const cold = <T>(load: () => Promise<T>) => coldRead(emu.url(), load);

describe("cold lists cost at most three SageMaker calls", () => {
  it("the models list, also after versions are registered, approved and deleted outside SageDeck", async () => {
    const db = await getDb();
    const list = () => listModelOverview(db, {});
    const group = (items: Awaited<ReturnType<typeof list>>["items"], name: string) =>
      items.find((g) => g.name === name);

    const first = await coldAndWarm(list);
    expect(first.cold.total, JSON.stringify(first.cold.byOp)).toBeLessThanOrEqual(3);
    expect(first.warm.total, JSON.stringify(first.warm.byOp)).toBe(0);
    const before = group((await list()).items, "fraud-xgboost");
    expect(before?.latestVersion).toBeGreaterThan(1);

    // registered in Studio: counted as waiting, and the newest, on the next cold load
    const arn = await registerVersion(emu.url(), "fraud-xgboost", "ben", { auc: 0.91 });
    const added = await cold(list);
    expect(added.calls, added.byOp).toBeLessThanOrEqual(3);
    const afterAdd = group(added.value.items, "fraud-xgboost");
    expect(afterAdd?.latestVersion).toBe((before?.latestVersion ?? 0) + 1);
    expect(afterAdd?.counts.PendingManualApproval).toBe((before?.counts.PendingManualApproval ?? 0) + 1);

    // approved in Studio: moves from waiting to approved
    await clientAs(emu.url(), "studio-user").send(
      new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: "Approved" }),
    );
    const approved = await cold(list);
    expect(approved.calls, approved.byOp).toBeLessThanOrEqual(3);
    expect(group(approved.value.items, "fraud-xgboost")?.counts).toEqual({
      ...before?.counts,
      Approved: (before?.counts.Approved ?? 0) + 1,
    });
    expect(approved.value).toEqual(await fromScratch(list));

    // deleted in Studio: gone from the counts (the set's size no longer matches SageMaker's: read again)
    await clientAs(emu.url(), "studio-user").send(new DeleteModelPackageCommand({ ModelPackageName: arn }));
    const deleted = await cold(list);
    expect(group(deleted.value.items, "fraud-xgboost")).toEqual(before);
    expect(deleted.value).toEqual(await fromScratch(list));
    const again = await coldAndWarm(list);
    expect(again.cold.total, JSON.stringify(again.cold.byOp)).toBeLessThanOrEqual(3);
  }, 240_000);

  it("the pipelines list, also after a run is started outside SageDeck", async () => {
    const list = () => getPipelineList({});
    const first = await coldAndWarm(list);
    expect(first.cold.total, JSON.stringify(first.cold.byOp)).toBeLessThanOrEqual(3);
    expect(first.warm.total, JSON.stringify(first.warm.byOp)).toBe(0);
    const before = (await list()).items.find((p) => p.name === "churn-train");
    if (!before || "error" in before.stats) throw new Error("churn-train has no stats");
    expect(before.stats.runs).toBeGreaterThan(0);

    const r = await clientAs(emu.url(), "studio-user").send(
      new StartPipelineExecutionCommand({ PipelineName: "churn-train" }),
    );
    const started = await cold(list);
    expect(started.calls, started.byOp).toBeLessThanOrEqual(3);
    const after = started.value.items.find((p) => p.name === "churn-train");
    expect(after?.stats).toMatchObject({ runs: before.stats.runs + 1, latestStatus: "Executing" });
    expect(r.PipelineExecutionArn).toBeTruthy();
    expect(started.value).toEqual(await fromScratch(list));
  }, 240_000);

  it("the overview's sections: the counts, waiting for a decision, my runs and the newest experiment runs", async () => {
    const db = await getDb();
    const sam = user("sam", "scientist");
    for (let i = 0; i < 5; i++)
      await startRun({ db, user: sam, idempotencyKey: `cold-calls-${Date.now()}-${i}` }, "churn-train", {
        parameters: {},
      });
    const sections: [string, () => Promise<unknown>][] = [
      ["summary", () => getOverviewSummary()],
      ["waiting for a decision", () => getWaitingForDecision(db)],
      ["my runs", () => getMyPipelineRuns(db, "sam")],
      ["newest experiment runs", () => getNewestExperimentRuns()],
    ];
    for (const [name, load] of sections) {
      const { cold, warm } = await coldAndWarm(load);
      expect(cold.total, `${name}: ${JSON.stringify(cold.byOp)}`).toBeLessThanOrEqual(3);
      expect(warm.total, `${name}: ${JSON.stringify(warm.byOp)}`).toBe(0);
    }
    const mine = await getMyPipelineRuns(db, "sam");
    expect(mine.items).toHaveLength(5);
    for (const r of mine.items) {
      expect(r.statusError).toBeUndefined();
      expect(["Executing", "Succeeded"]).toContain(r.status);
    }
    // the count and the oldest from the Search's TotalHits and first record: what every page of the inbox holds
    const waiting = await getWaitingForDecision(db);
    const all = await fromScratch(async () => {
      const { searchModelVersions } = await import("@/lib/sagemaker/registry/search-versions");
      const out: { createdAt?: number }[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchModelVersions({ status: "PendingManualApproval", cursor, limit: 100 });
        out.push(...page.items);
        cursor = page.cursor;
      } while (cursor);
      return out;
    });
    expect(waiting.total).toBe(all.length);
    expect(waiting.totalCapped).toBe(false);
    expect(waiting.oldestAt).toBe(Math.min(...all.map((v) => v.createdAt ?? Infinity)));
  }, 240_000);
});
