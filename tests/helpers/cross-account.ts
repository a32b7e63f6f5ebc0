/** Three emulator accounts as SageDeck sees them, and the emulator's view of what happened in each. */
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { THREE_ACCOUNTS as DEMO_ACCOUNTS } from "./demo-accounts";

export const STAGING = "222222222222";
export const PRODUCTION = "333333333333";

/** SAGEDECK_ACCOUNTS (as the env var's JSON) for the emulator's demo accounts (./demo-accounts.ts). */
export const THREE_ACCOUNTS = JSON.stringify(DEMO_ACCOUNTS);

export interface TrailEvent {
  eventName: string;
  recipientAccountId: string;
  userIdentity: { arn: string; sessionContext?: { sourceIdentity: string } };
}

/** The emulator's CloudTrail stand-in: the write calls made in one account, oldest first. */
export async function trail(emulatorUrl: string, account: string): Promise<TrailEvent[]> {
  const res = await fetch(`${emulatorUrl}/_emulator/trail?account=${account}`);
  return ((await res.json()) as { events: TrailEvent[] }).events;
}

/** A client of an account's own long-term key (an operator's view, not SageDeck's role). */
export function accountClient(emulatorUrl: string, accessKeyId: string): SageMakerClient {
  return new SageMakerClient({
    region: "us-east-1",
    endpoint: emulatorUrl,
    credentials: { accessKeyId, secretAccessKey: "x" },
  });
}

/** The package ARN an endpoint serves (endpoint → config → model → ModelPackageName). */
export async function servedPackage(sm: SageMakerClient, endpoint: string): Promise<string | undefined> {
  const e = await sm.send(new DescribeEndpointCommand({ EndpointName: endpoint }));
  const cfg = await sm.send(new DescribeEndpointConfigCommand({ EndpointConfigName: e.EndpointConfigName }));
  const model = await sm.send(
    new DescribeModelCommand({ ModelName: cfg.ProductionVariants?.[0]?.ModelName ?? "" }),
  );
  return model.PrimaryContainer?.ModelPackageName;
}
