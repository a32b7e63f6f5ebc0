/**
 * Emulator at EMULATOR_SCALE=large: does the time for one page grow with the total count?
 * Compares the first page (and a deep page) of a 10,000-item listing with a ~100-item one,
 * for ListPipelineExecutions, Search over executions and trial components, and ListModelPackages.
 * Search keeps sorted hits of recent queries until the next write, so it is timed twice: "cold" (each call
 * made unique by a no-op filter, so every call scans) and warm (the same query again, as paging does).
 *
 *   npx tsx bench/emulator-scale.ts
 */
import { call, fmt, spawnEmulator, time, type Timing } from "./lib";
import { figure } from "./report";

interface Row {
  what: string;
  small: Timing;
  large: Timing;
}

async function firstMetric(endpoint: string, experiment: string): Promise<string | undefined> {
  const out = await call<{ Results?: { TrialComponent?: { Metrics?: { MetricName?: string }[] } }[] }>(
    endpoint,
    "Search",
    {
      Resource: "ExperimentTrialComponent",
      SearchExpression: {
        Filters: [{ Name: "Parents.ExperimentName", Operator: "Equals", Value: experiment }],
      },
      MaxResults: 1,
    },
  );
  return out.Results?.[0]?.TrialComponent?.Metrics?.[0]?.MetricName;
}

async function deepToken(
  endpoint: string,
  op: string,
  input: object,
  pages: number,
): Promise<string | undefined> {
  let token: string | undefined;
  for (let i = 0; i < pages; i++) {
    const out = await call<{ NextToken?: string }>(endpoint, op, { ...input, NextToken: token });
    token = out.NextToken;
    if (!token) break;
  }
  return token;
}

async function main(): Promise<void> {
  const em = await spawnEmulator({ EMULATOR_SCALE: "large" });
  console.log(`emulator (large scale) ready in ${fmt(em.startupMs)}, RSS ${em.rssMb() ?? "?"} MB`);
  const rows: Row[] = [];
  try {
    const e = em.endpoint;
    const execs = (p: string) => ({
      PipelineName: p,
      MaxResults: 100,
      SortBy: "CreationTime",
      SortOrder: "Descending",
    });
    rows.push({
      what: "ListPipelineExecutions first page (100)",
      small: await time(() => call(e, "ListPipelineExecutions", execs("churn-train"))),
      large: await time(() => call(e, "ListPipelineExecutions", execs("bench-10k-executions"))),
    });
    const deep = await deepToken(e, "ListPipelineExecutions", execs("bench-10k-executions"), 50);
    rows.push({
      what: "ListPipelineExecutions page 51 of 100 (small: first page)",
      small: rows[0]!.small,
      large: await time(() =>
        call(e, "ListPipelineExecutions", { ...execs("bench-10k-executions"), NextToken: deep }),
      ),
    });

    let nonce = 0;
    const noop = (cold: boolean) =>
      cold ? [{ Name: "DisplayName", Operator: "NotEquals", Value: `cold-${++nonce}` }] : [];
    const pipeSearch = (p: string, cold = false) => ({
      Resource: "PipelineExecution",
      SearchExpression: {
        Filters: [
          {
            Name: "PipelineArn",
            Operator: "Equals",
            Value: `arn:aws:sagemaker:us-east-1:123456789012:pipeline/${p}`,
          },
          ...noop(cold),
        ],
      },
      SortBy: "CreationTime",
      SortOrder: "Descending",
      MaxResults: 50,
    });
    rows.push({
      what: "Search executions of one pipeline, newest first (50), cold",
      small: await time(() => call(e, "Search", pipeSearch("churn-train", true))),
      large: await time(() => call(e, "Search", pipeSearch("bench-10k-executions", true))),
    });
    rows.push({
      what: "Search executions of one pipeline, newest first (50), warm",
      small: await time(() => call(e, "Search", pipeSearch("churn-train"))),
      large: await time(() => call(e, "Search", pipeSearch("bench-10k-executions"))),
    });

    const metric = (await firstMetric(e, "bench-10k-runs")) ?? "validation:auc";
    const search = (exp: string, cold = false) => ({
      Resource: "ExperimentTrialComponent",
      SearchExpression: {
        Filters: [
          { Name: "Parents.ExperimentName", Operator: "Equals", Value: exp },
          { Name: `Metrics.${metric}.Max`, Operator: "GreaterThan", Value: "0" },
          ...noop(cold),
        ],
      },
      SortBy: `Metrics.${metric}.Max`,
      SortOrder: "Descending",
      MaxResults: 100,
    });
    rows.push({
      what: `Search runs, filter+sort on ${metric} (100), cold`,
      small: await time(() => call(e, "Search", search("bench-100-runs", true))),
      large: await time(() => call(e, "Search", search("bench-10k-runs", true))),
    });
    rows.push({
      what: `Search runs, filter+sort on ${metric} (100), warm`,
      small: await time(() => call(e, "Search", search("bench-100-runs"))),
      large: await time(() => call(e, "Search", search("bench-10k-runs"))),
    });

    const versions = (g: string) => ({
      ModelPackageGroupName: g,
      MaxResults: 100,
      SortBy: "CreationTime",
      SortOrder: "Descending",
    });
    rows.push({
      what: "ListModelPackages first page (100; large = 2,000 versions)",
      small: await time(() => call(e, "ListModelPackages", versions("fraud-xgboost"))),
      large: await time(() => call(e, "ListModelPackages", versions("bench-2k-versions"))),
    });

    console.log(
      "\n| listing | ~100 items p50 / p95 | large (10,000 unless noted) p50 / p95 | ratio of p50 |",
    );
    console.log("|---|---|---|---|");
    for (const r of rows) {
      figure({
        bench: "emulator-scale",
        name: `${r.what}: large / small p50`,
        value: r.large.p50 / r.small.p50,
        unit: "×",
      });
      console.log(
        `| ${r.what} | ${fmt(r.small.p50)} / ${fmt(r.small.p95)} | ${fmt(r.large.p50)} / ${fmt(r.large.p95)} | ${(r.large.p50 / r.small.p50).toFixed(2)}× |`,
      );
    }
    console.log(`\nemulator RSS after the runs: ${em.rssMb() ?? "?"} MB`);
  } finally {
    await em.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
