/** A finished Processing step's property files, written to the emulated S3 (documents from property-files.ts). */
import { isObject, type JsonObject } from "../../../core/json";
import { putObject } from "../../jobs/s3";
import type { StepState } from "../records";
import type { StepDef } from "./definition";
import { evaluationReport } from "./metrics";
import { propertyDocuments } from "./property-files";
import { scopeFor, stepState, upstream, type Run } from "./run";

/** The training metrics nearest upstream of a step (for evaluation reports). */
function upstreamTrainingMetrics(run: Run, step: StepDef): Record<string, number> {
  const candidates = [
    ...upstream(run, step).filter((s) => s.Type === "Training"),
    ...run.def.steps.filter((s) => s.Type === "Training"),
  ];
  for (const s of candidates) {
    const st = stepState(run, s.Name);
    const list = st?.StepStatus === "Succeeded" ? st.xProps?.FinalMetricDataList : undefined;
    if (Array.isArray(list)) {
      const out: Record<string, number> = {};
      for (const m of list)
        if (isObject(m) && typeof m.MetricName === "string") out[m.MetricName] = Number(m.Value);
      return out;
    }
  }
  return {};
}

function outputUri(args: JsonObject, outputName: string): string | undefined {
  const cfg = isObject(args.ProcessingOutputConfig) ? args.ProcessingOutputConfig : {};
  const outputs = Array.isArray(cfg.Outputs) ? cfg.Outputs.filter(isObject) : [];
  const o = outputs.find((x) => x.OutputName === outputName);
  const s3 = o && isObject(o.S3Output) ? o.S3Output.S3Uri : undefined;
  return typeof s3 === "string" ? s3 : undefined;
}

function outputUris(args: JsonObject): string[] {
  const cfg = isObject(args.ProcessingOutputConfig) ? args.ProcessingOutputConfig : {};
  const outputs = Array.isArray(cfg.Outputs) ? cfg.Outputs.filter(isObject) : [];
  return outputs.flatMap((o) =>
    isObject(o.S3Output) && typeof o.S3Output.S3Uri === "string" ? [o.S3Output.S3Uri] : [],
  );
}

/** Writes the step's property files (and the documents JsonGets read under its outputs) to the emulated S3. */
export function writePropertyFiles(run: Run, step: StepDef, st: StepState, props: JsonObject): void {
  const files: Record<string, string> = {};
  for (const pf of step.PropertyFiles) {
    const base = outputUri(props, pf.OutputName);
    if (!base) continue;
    files[pf.PropertyFileName] = `${base.replace(/\/+$/, "")}/${pf.FilePath.replace(/^\/+/, "")}`;
  }
  const scope = scopeFor(run);
  const training = upstreamTrainingMetrics(run, step);
  const seed = `${run.exec.ExecutionId}/${step.Name}`;
  const docs = propertyDocuments({
    def: run.def,
    step,
    scope: { ...scope, stepProps: (n) => (n === step.Name ? props : scope.stepProps(n)) },
    outputs: outputUris(props),
    files,
    base: evaluationReport(training, seed),
    training,
    seed,
    environment: props.Environment,
  });
  for (const [uri, doc] of docs) {
    try {
      putObject(run.ctx.state, uri, JSON.stringify(doc), "application/json", run.ctx.now());
    } catch {
      const name = Object.keys(files).find((n) => files[n] === uri) ?? uri;
      st.xFail = `ClientError: Cannot write property file '${name}' to '${uri}': not an S3 URI.`;
      return;
    }
  }
  st.xPropertyFiles = files;
}
