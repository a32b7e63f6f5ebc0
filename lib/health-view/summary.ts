/**
 * What the shell's data-source badge says about health, from `GET /api/health`'s body (200 or 503 alike).
 * Pure, so the badge and its test agree on the wording.
 */
export interface HealthBody {
  status?: "ok" | "degraded";
  database?: { ok: boolean; message?: string };
  sagemaker?: { ok: boolean; message?: string };
  accounts?: { name: string; status: "reachable" | "degraded"; message?: string }[];
}

export type HealthState = "ok" | "degraded" | "unknown";

export interface HealthSummary {
  state: HealthState;
  /** a few words beside the source's label; empty when healthy */
  suffix: string;
  /** the hover text: what is wrong and what it means for the screen */
  detail: string;
}

export function summarizeHealth(body: HealthBody | null | undefined, fetchFailed = false): HealthSummary {
  if (fetchFailed) {
    return {
      state: "unknown",
      suffix: "status unknown",
      detail: "SageDeck's server did not answer the health check; the data on screen may be out of date.",
    };
  }
  if (!body?.status) return { state: "unknown", suffix: "", detail: "Checking SageMaker and the database…" };
  if (body.status === "ok") {
    const accountsDown = (body.accounts ?? []).filter((a) => a.status === "degraded");
    if (accountsDown.length === 0)
      return { state: "ok", suffix: "", detail: "SageMaker and the database answer." };
    return {
      state: "degraded",
      suffix: `${accountsDown.length} account${accountsDown.length === 1 ? "" : "s"} unreachable`,
      detail: accountsDown.map((a) => `${a.name}: ${a.message ?? "not reachable"}`).join("\n"),
    };
  }
  const parts: string[] = [];
  if (body.sagemaker && !body.sagemaker.ok) {
    parts.push(
      `SageMaker: ${body.sagemaker.message ?? "not reachable"} Pages show cached data where they have it.`,
    );
  }
  if (body.database && !body.database.ok) {
    parts.push(`Database: ${body.database.message ?? "not reachable"} Decisions cannot be recorded now.`);
  }
  const which =
    body.sagemaker && !body.sagemaker.ok && body.database && !body.database.ok
      ? "SageMaker and database unreachable"
      : body.database && !body.database.ok
        ? "database unreachable"
        : body.sagemaker && !body.sagemaker.ok
          ? "SageMaker unreachable"
          : "degraded";
  return {
    state: "degraded",
    suffix: which,
    detail:
      parts.length > 0
        ? parts.join("\n")
        : "Something SageDeck depends on is not answering; try again shortly.",
  };
}
