/** Shared by the Search conformance tests (emulator/ops/search/*.test.ts): helpers and the sx-exp runs. */
import {
  AssociateTrialComponentCommand,
  CreateExperimentCommand,
  CreateTrialCommand,
  CreateTrialComponentCommand,
  paginateSearch,
  type SageMakerClient,
  type SearchCommandInput,
  type TrialComponent,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorFixture } from "./fixture";

/** The seeded demo experiment with 50 manual runs. */
export const SEEDED = "churn-xgb-tuning";

/** `searchAll(input, pageSize)`: every TrialComponent a search on this emulator returns, across all pages. */
export function searcher(emu: EmulatorFixture) {
  return async (input: Omit<SearchCommandInput, "Resource">, pageSize = 100): Promise<TrialComponent[]> => {
    const out: TrialComponent[] = [];
    for await (const p of paginateSearch(
      { client: emu.client(), pageSize },
      { Resource: "ExperimentTrialComponent", ...input },
    ))
      for (const r of p.Results ?? []) out.push(r.TrialComponent!);
    return out;
  };
}

export const inExp = (name: string) => ({
  Name: "Parents.ExperimentName",
  Operator: "Equals" as const,
  Value: name,
});
export const auc = (tc: TrialComponent) => tc.Metrics?.find((m) => m.MetricName === "validation:auc")?.Last;

export const OPTIMIZERS = ["adam", "sgd", "adagrad"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Experiment sx-exp (tag team=sx) with trials sx-trial-a (runs 0-9) and sx-trial-b (runs 10-14): 15 runs
 * sx-run-NN created 5 ms apart, lr (i % 5) / 100, optimizer adam/sgd/adagrad, warmup i on the first five,
 * Failed every fourth, tag parity odd/even.
 */
export async function seedSearchRuns(sm: SageMakerClient): Promise<void> {
  await sm.send(
    new CreateExperimentCommand({ ExperimentName: "sx-exp", Tags: [{ Key: "team", Value: "sx" }] }),
  );
  await sm.send(new CreateTrialCommand({ TrialName: "sx-trial-a", ExperimentName: "sx-exp" }));
  await sm.send(new CreateTrialCommand({ TrialName: "sx-trial-b", ExperimentName: "sx-exp" }));
  for (let i = 0; i < 15; i++) {
    const name = `sx-run-${String(i).padStart(2, "0")}`;
    await sm.send(
      new CreateTrialComponentCommand({
        TrialComponentName: name,
        DisplayName: `run-${i}`,
        Parameters: {
          lr: { NumberValue: (i % 5) / 100 },
          optimizer: { StringValue: OPTIMIZERS[i % 3]! },
          ...(i < 5 ? { warmup: { NumberValue: i } } : {}),
        },
        Status: { PrimaryStatus: i % 4 === 0 ? "Failed" : "Completed" },
        Tags: [{ Key: "parity", Value: i % 2 ? "odd" : "even" }],
      }),
    );
    await sm.send(
      new AssociateTrialComponentCommand({
        TrialComponentName: name,
        TrialName: i < 10 ? "sx-trial-a" : "sx-trial-b",
      }),
    );
    await sleep(5);
  }
}
