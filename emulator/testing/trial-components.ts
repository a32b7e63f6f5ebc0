/** Shared by the trial component conformance tests (emulator/ops/experiments/trialComponents*.test.ts). */
import {
  AssociateTrialComponentCommand,
  CreateExperimentCommand,
  CreateTrialCommand,
  CreateTrialComponentCommand,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";

/** Experiment tc-exp with trials tc-trial-1 (odd runs) and tc-trial-2 (even runs): tc-run-01…12, lr i/100. */
export async function seedTrialComponents(sm: SageMakerClient): Promise<void> {
  await sm.send(new CreateExperimentCommand({ ExperimentName: "tc-exp" }));
  await sm.send(new CreateTrialCommand({ TrialName: "tc-trial-1", ExperimentName: "tc-exp" }));
  await sm.send(new CreateTrialCommand({ TrialName: "tc-trial-2", ExperimentName: "tc-exp" }));
  for (let i = 1; i <= 12; i++) {
    await sm.send(
      new CreateTrialComponentCommand({
        TrialComponentName: `tc-run-${String(i).padStart(2, "0")}`,
        Parameters: { lr: { NumberValue: i / 100 } },
      }),
    );
    await sm.send(
      new AssociateTrialComponentCommand({
        TrialComponentName: `tc-run-${String(i).padStart(2, "0")}`,
        TrialName: i % 2 ? "tc-trial-1" : "tc-trial-2",
      }),
    );
  }
}
