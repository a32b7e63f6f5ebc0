/**
 * botocore models beside the SageMaker one (`…/data/sagemaker/<v>/…` → `…/data/<service>/<version>/…`): the
 * CodePipeline and Application Auto Scaling answers are checked against these (emulator/codepipeline/,
 * emulator/autoscaling/). `<SERVICE>_SERVICE_MODEL` (e.g. CODEPIPELINE_SERVICE_MODEL) overrides.
 */
import fs from "node:fs";
import path from "node:path";

export function modelBeside(sageMakerModel: string, service: string, version: string): string | undefined {
  const override = process.env[`${service.replace(/-/g, "_").toUpperCase()}_SERVICE_MODEL`];
  if (override) return override;
  const dataDir = path.resolve(path.dirname(sageMakerModel), "..", "..");
  const p = path.join(dataDir, service, version, "service-2.json.gz");
  return fs.existsSync(p) ? p : undefined;
}
