/**
 * The official SageMaker service model (botocore's `service-2.json.gz`), located through the machine's python3 so
 * that the conformance suite checks the emulator against the same file boto3 uses. Nothing is vendored.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import zlib from "node:zlib";

export interface ShapeRef {
  shape: string;
  jsonvalue?: boolean;
}

export interface Shape {
  type: string;
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  pattern?: string;
  min?: number;
  max?: number;
  union?: boolean;
  exception?: boolean;
}

export interface Operation {
  name: string;
  input?: ShapeRef;
  output?: ShapeRef;
  errors?: ShapeRef[];
}

export interface ServiceModel {
  metadata: { apiVersion: string; targetPrefix?: string };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

const LOCATE = [
  "import botocore, os",
  "p = os.path.join(os.path.dirname(botocore.__file__), 'data', 'sagemaker', '2017-07-24', 'service-2.json.gz')",
  "print(p if os.path.exists(p) else '')",
].join("\n");

/** Path of botocore's SageMaker model, or an explanation of why there is none. */
export function locateSageMakerModel(): { path: string } | { missing: string } {
  if (process.env.SAGEMAKER_SERVICE_MODEL) return { path: process.env.SAGEMAKER_SERVICE_MODEL };
  try {
    const out = execFileSync("python3", ["-c", LOCATE], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const p = out.trim();
    return p ? { path: p } : { missing: "botocore is installed but has no sagemaker/2017-07-24 model" };
  } catch (err) {
    return {
      missing: `python3 with botocore is not available (${(err as Error).message.split("\n")[0]}); install it with 'pip install boto3' or set SAGEMAKER_SERVICE_MODEL to a service-2.json(.gz)`,
    };
  }
}

export function loadServiceModel(file: string): ServiceModel {
  const raw = fs.readFileSync(file);
  const text = file.endsWith(".gz") ? zlib.gunzipSync(raw).toString("utf8") : raw.toString("utf8");
  return JSON.parse(text) as ServiceModel;
}
