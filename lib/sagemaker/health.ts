import { ListExperimentsCommand } from "@aws-sdk/client-sagemaker";
import { getConfig, type Config } from "@/lib/config";
import { getSageMakerClient } from "./client";
import { translateSageMakerError } from "./errors";

export interface SageMakerHealth {
  ok: boolean;
  latencyMs: number;
  /** Safe to show: the typed error's message, no credentials or stack. */
  message?: string;
}

/** One cheap, uncached call to tell whether SageMaker answers. Authorization failures still count as "reachable". */
export async function pingSageMaker(): Promise<SageMakerHealth> {
  const started = Date.now();
  try {
    await getSageMakerClient().send(new ListExperimentsCommand({ MaxResults: 1 }), {
      abortSignal: AbortSignal.timeout(5_000),
    });
    return { ok: true, latencyMs: Date.now() - started };
  } catch (err) {
    const typed = translateSageMakerError(err, { operation: "ListExperiments" });
    const reachable = typed.code === "forbidden" || typed.code === "rate_limited";
    return { ok: reachable, latencyMs: Date.now() - started, message: typed.message };
  }
}

export type DataSource =
  | { kind: "local"; label: string }
  | { kind: "aws"; label: string; region: string | null; accountId: string | null }
  | { kind: "custom"; label: string; endpoint: string };

/** Where the data comes from, for the shell's badge. Never includes credentials. */
export function describeDataSource(
  config: Config = getConfig(),
  discoveredAccountId: string | null = null,
): DataSource {
  const t = config.sagemaker;
  switch (t.kind) {
    case "local":
      return { kind: "local", label: "Local emulator" };
    case "custom":
      return {
        kind: "custom",
        label: `Custom endpoint ${new URL(t.endpoint).host}`,
        endpoint: new URL(t.endpoint).origin,
      };
    case "aws": {
      const region = t.region ?? null;
      const accountId = t.accountId ?? discoveredAccountId;
      const parts = ["AWS", region ?? "default region", accountId].filter(Boolean);
      return { kind: "aws", label: parts.join(" · "), region, accountId };
    }
  }
}
