/**
 * Whether the emulators the tests start check their answers against the official model, and with which file.
 * Without python3/botocore the check is off with a warning — and under CI=true that is an error.
 */
import { locateSageMakerModel } from "./model";

export interface ModelCheck {
  enabled: boolean;
  reason?: string;
  checked: Record<string, { ok: number; error: number }>;
  violations: { message: string; count: number }[];
}

let cached: { enabled: boolean; reason?: string; env: Record<string, string> } | undefined;

export function modelCheckEnv(): { enabled: boolean; reason?: string; env: Record<string, string> } {
  if (cached) return cached;
  const found = locateSageMakerModel();
  if ("path" in found) {
    cached = { enabled: true, env: { EMULATOR_VALIDATE_MODEL: found.path } };
    return cached;
  }
  const reason = `The SageMaker service model is missing, so emulator answers are NOT checked against it: ${found.missing}`;
  if (process.env.CI === "true") throw new Error(reason);
  console.warn(reason);
  cached = { enabled: false, reason, env: {} };
  return cached;
}

/** A readable failure listing the violations, or undefined when there are none. */
export function describeViolations(check: ModelCheck): string | undefined {
  if (check.violations.length === 0) return undefined;
  const lines = check.violations.map((v) => `  ${v.message}${v.count > 1 ? ` (×${v.count})` : ""}`);
  return `${check.violations.length} emulator answer(s) do not match the SageMaker service model:\n${lines.join("\n")}`;
}
