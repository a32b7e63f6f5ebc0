/** Shared by the governance tests (PGlite and PostgreSQL): users, a real assessment, and a report lookup. */
import type { SessionUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { assessSolution } from "@/lib/maturity/assess";
import type { SolutionReport } from "@/lib/maturity-report/report";
import { reliableSolution } from "@/lib/maturity/fixtures.test-helpers";
import { sessionUser } from "@/tests/helpers/session-user";

export const as = (username: string, role: SessionUser["role"]): SessionUser =>
  sessionUser(username, role, username[0]?.toUpperCase() + username.slice(1));
export const maya = as("maya", "manager");
export const ada = as("ada", "admin");
export const sam = as("sam", "scientist");

/** The engine's real assessment of the Reliable fixture ("fraud"): some checks pass, some do not. */
export const assessment = assessSolution(reliableSolution());
export const failing = assessment.checks.find((c) => c.status === "fail" || c.status === "partial");
export const passing = assessment.checks.find((c) => c.status === "pass");

/** The report lookup the services use to validate a solution and a check: here, the fixture only. */
export function fixtureReport(key: string): Promise<SolutionReport> {
  if (key !== assessment.key) return Promise.reject(new NotFoundError(`No ML solution "${key}".`));
  return Promise.resolve({
    generatedAt: assessment.checks.length,
    refreshMinutes: 5,
    assessment,
    kpis: [],
    targets: { approvalSlaHours: null, leadTimeTargetHours: null },
    warnings: [],
  });
}
