/**
 * Loaded by the emulator process when `EMULATOR_VALIDATE_MODEL` names a service model: checks every answer it
 * sends (success and error) and keeps the violations for `GET /_emulator/violations`.
 */
import type { ResponseObserver } from "../../core/observer";
import { loadServiceModel } from "./model";
import { ShapeValidator } from "./validate";
import { StsChecker, stsModelBeside } from "./sts-check";

const MAX_DISTINCT = 500;

export interface ViolationReport {
  enabled: true;
  model: string;
  /** answers checked per operation (successes and errors) */
  checked: Record<string, { ok: number; error: number }>;
  /** distinct violations, each with how often it occurred */
  violations: { message: string; count: number }[];
}

export function createResponseChecker(modelPath: string): ResponseObserver {
  const validator = new ShapeValidator(loadServiceModel(modelPath));
  // STS answers (operations named `sts:<Action>`, XML) are checked against botocore's STS model
  const stsPath = stsModelBeside(modelPath);
  const sts = stsPath ? new StsChecker(stsPath) : undefined;
  const checked: ViolationReport["checked"] = {};
  const violations = new Map<string, number>();
  return {
    observe(operation, status, body) {
      if (!operation) return;
      const c = (checked[operation] ??= { ok: 0, error: 0 });
      if (status < 300) c.ok++;
      else c.error++;
      let found: string[];
      if (operation.startsWith("sts:")) {
        const action = operation.slice(4);
        const xml = String(body);
        found = !sts
          ? [`${operation}: botocore's STS model was not found beside ${modelPath} (set STS_SERVICE_MODEL)`]
          : status < 300
            ? sts.output(action, xml)
            : sts.error(action, status, xml);
      } else
        found = status < 300 ? validator.output(operation, body) : validator.error(operation, status, body);
      for (const v of found) {
        const n = violations.get(v);
        if (n !== undefined || violations.size < MAX_DISTINCT) violations.set(v, (n ?? 0) + 1);
      }
    },
    report(): ViolationReport {
      return {
        enabled: true,
        model: modelPath,
        checked,
        violations: [...violations].map(([message, count]) => ({ message, count })),
      };
    },
  };
}
