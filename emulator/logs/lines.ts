/** What each kind of job prints when its container starts, while it works, and when it ends (or fails). */
import { hash32, rng } from "../core/clock";
import type { JobSource } from "./sources";
import { trainingBody, type BodyPlan } from "./training-lines";

const stamp = (t: number) => new Date(t * 1000).toISOString().replace("T", " ").replace("Z", "");

export function header(src: JobSource, host: string, at: number): string[] {
  const r = rng(hash32(`${src.name}|rows`));
  const rows = 2000 + Math.floor(r() * 40000);
  const cols = 8 + Math.floor(r() * 40);
  const pre = `[${stamp(at)} ${host}:7 INFO`;
  if (src.kind === "training")
    return [
      `${pre} utils.py:28] RULE_JOB_STOP_SIGNAL_FILENAME: None`,
      `${pre} profiler_config_parser.py:111] User has disabled profiler.`,
      `INFO:sagemaker-containers:Imported framework from image ${src.image}`,
      "INFO:sagemaker-containers:No GPUs detected (normal if no gpus installed)",
      `INFO:sagemaker-containers:Training on ${src.instances} instance(s) of ${src.instanceType} (${host})`,
      ...src.inputs.map((i) => `INFO:root:Channel ${i.replace("=", ": ")}`),
      "INFO:root:Determined delimiter of CSV input is ','",
      `INFO:root:Train matrix has ${rows} rows and ${cols} columns`,
      `INFO:root:Validation matrix has ${Math.round(rows / 5)} rows`,
      `INFO:root:Hyperparameters: ${JSON.stringify(src.hyperParameters)}`,
    ];
  if (src.kind === "processing")
    return [
      `${pre} processing.py:52] Starting processing job ${src.name} on ${host} (${src.instanceType})`,
      `INFO:root:Container image ${src.image}`,
      ...src.inputs.map((i) => `INFO:root:Downloading input ${i} to /opt/ml/processing/input`),
      `INFO:root:Loading data: ${rows} rows, ${cols} columns`,
    ];
  return [
    `${pre} serving.py:40] Starting the inference server for model ${src.image}`,
    "INFO:root:Loading the model from /opt/ml/model",
    `INFO:root:Batch transform job ${src.name} started on ${host}`,
  ];
}

export function body(src: JobSource, evaluation: string[]): BodyPlan {
  if (src.kind === "training") return trainingBody(src);
  if (src.kind === "transform")
    return {
      count: 40,
      line: (i) =>
        `${host0()} - - "POST /invocations HTTP/1.1" 200 ${1200 + ((i * 131) % 900)} "-" "Go-http-client/1.1"`,
    };
  const steps = 10;
  const lines = [
    ...Array.from({ length: steps }, (_, i) => `INFO:root:Processed chunk ${i + 1}/${steps}`),
    ...evaluation,
  ];
  return { count: lines.length, line: (i) => lines[i] ?? "" };
}

const host0 = () => "169.254.255.130";

/** The exception a failure reason names (`ClientError: …` stays as is; anything else is raised as a RuntimeError). */
function exceptionLine(failure: string): string {
  return /^[A-Z][A-Za-z]+(Error|Exception): /.test(failure) ? failure : `RuntimeError: ${failure}`;
}

function traceback(src: JobSource, failure: string): string[] {
  if (src.kind === "training" && failure.startsWith("ClientError: Hyperparameter"))
    return [
      "Traceback (most recent call last):",
      '  File "/miniconda3/lib/python3.8/site-packages/sagemaker_xgboost_container/algorithm_mode/train.py", line 105, in sagemaker_train',
      "    validated_train_config = hyperparameters.validate(train_config)",
      '  File "/miniconda3/lib/python3.8/site-packages/sagemaker_algorithm_toolkit/hyperparameter_validation.py", line 270, in validate',
      '    raise exc.UserError("Hyperparameter {}: {}".format(hp, e))',
      exceptionLine(failure),
    ];
  const script =
    src.kind === "processing" ? "/opt/ml/processing/input/code/script.py" : "/opt/ml/code/train.py";
  return [
    "Traceback (most recent call last):",
    `  File "${script}", line 87, in <module>`,
    "    main()",
    `  File "${script}", line 64, in main`,
    "    result = run(args)",
    exceptionLine(failure),
  ];
}

export function tail(src: JobSource): string[] {
  const what = src.kind === "training" ? "training" : src.kind === "processing" ? "processing" : "transform";
  if (src.status === "Failed") {
    const failure = src.failure ?? "AlgorithmError: the job failed";
    return [...traceback(src, failure), `ERROR:sagemaker-containers:Reporting ${what} FAILURE`];
  }
  if (src.status === "Stopped")
    return [
      "INFO:sagemaker-containers:Received SIGTERM, stopping the job",
      `INFO:sagemaker-containers:Reporting ${what} STOPPED`,
    ];
  const out: string[] = [];
  if (src.kind === "training") {
    out.push("INFO:root:Saving the model to /opt/ml/model/xgboost-model");
    if (src.metrics.length > 0)
      out.push(`INFO:root:Final metrics: ${src.metrics.map((m) => `${m.name}=${m.value}`).join(", ")}`);
  }
  for (const o of src.outputs) out.push(`INFO:root:Uploading output to ${o}`);
  out.push(`INFO:sagemaker-containers:Reporting ${what} SUCCESS`);
  return out;
}
