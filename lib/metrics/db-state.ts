import { sql } from "drizzle-orm";
import { Gauge } from "prom-client";
import { getDb } from "@/lib/db";
import { decisions, pipelineRunActions } from "@/lib/db/schema";
import { metrics } from "./registry";

type Table = typeof decisions | typeof pipelineRunActions;

/** One small GROUP BY per table and scrape. */
async function countByState(t: Table): Promise<{ action: string; state: string; n: number }[]> {
  const db = await getDb();
  return db
    .select({ action: t.action, state: t.state, n: sql<number>`count(*)::int` })
    .from(t)
    .groupBy(t.action, t.state);
}

function stateGauge(name: string, help: string, table: Table, label: string): Gauge {
  return new Gauge({
    name,
    help,
    labelNames: ["action", "state"] as const,
    registers: [metrics().registry],
    async collect() {
      this.reset();
      try {
        for (const r of await countByState(table))
          this.set({ action: r.action, state: r.state }, Number(r.n));
      } catch (err) {
        console.error(`[metrics] ${label} counts: ${(err as Error).message}`);
      }
    },
  });
}

const g = globalThis as unknown as { sagedeckDbGauges?: true };

/** Registers the gauges read from the database on each scrape (once per process). */
export function ensureDbGauges(): void {
  if (g.sagedeckDbGauges) return;
  g.sagedeckDbGauges = true;
  stateGauge(
    "sagedeck_decisions",
    "Decisions (approve, reject, promote, rollback, gate answers) by action and state: pending, deploying, applied, failed",
    decisions,
    "decisions",
  );
  stateGauge(
    "sagedeck_pipeline_run_actions",
    "Pipeline run starts, stops and retries (intents the run reconciler finishes) by action and state",
    pipelineRunActions,
    "pipeline run actions",
  );
}
