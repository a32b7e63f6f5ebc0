/**
 * Loaded by the emulator process when `EMULATOR_VALIDATE_MODEL` names a service model: checks every answer it
 * sends (success and error) and keeps the violations for `GET /_emulator/violations`.
 */
import type { ResponseObserver } from "../../core/observer";
import { loadServiceModel } from "./model";
import { ShapeValidator } from "./validate";
import { StsChecker, stsModelBeside } from "./sts-check";
import { modelBeside } from "./beside";

/** JSON services other than SageMaker: operation prefix → botocore model beside SageMaker's. */
const BESIDE: { prefix: string; service: string; version: string }[] = [
  { prefix: "codepipeline:", service: "codepipeline", version: "2015-07-09" },
  { prefix: "application-autoscaling:", service: "application-autoscaling", version: "2016-02-06" },
  { prefix: "logs:", service: "logs", version: "2014-03-28" },
];

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
  const others = BESIDE.map((b) => {
    const file = modelBeside(modelPath, b.service, b.version);
    return { ...b, validator: file ? new ShapeValidator(loadServiceModel(file)) : undefined };
  });
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
      } else {
        const other = others.find((o) => operation.startsWith(o.prefix));
        const v = other ? other.validator : validator;
        const op = other ? operation.slice(other.prefix.length) : operation;
        found = !v
          ? [`${operation}: botocore's ${other?.service ?? ""} model was not found beside ${modelPath}`]
          : status < 300
            ? v.output(op, body).map((m) => (other ? `${other.prefix}${m}` : m))
            : v.error(op, status, body).map((m) => (other ? `${other.prefix}${m}` : m));
      }
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
