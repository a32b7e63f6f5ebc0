/** Validation of the structured members of CreateModelPackage / UpdateModelPackage. */
import { NAME_PATTERN, type Validator } from "../../core/validate";
import { isObject, type JsonObject } from "../../core/json";

const S3_URI = {
  required: true,
  max: 1024,
  pattern: /^(https|s3):\/\/([^/]+)\/?(.*)$/,
  patternText: "^(https|s3)://([^/]+)/?(.*)$",
};

function metricsSource(v: Validator, parent: JsonObject, member: string, path: string): void {
  const src = v.object(member, {}, parent, `${path}.${member}`);
  if (!src) return;
  v.string("ContentType", { required: true, max: 256 }, src, `${path}.${member}.ContentType`);
  v.string(
    "ContentDigest",
    {
      max: 72,
      pattern: /^[Ss][Hh][Aa]256:[0-9a-fA-F]{64}$/,
      patternText: "^[Ss][Hh][Aa]256:[0-9a-fA-F]{64}$",
    },
    src,
    `${path}.${member}.ContentDigest`,
  );
  v.string("S3Uri", S3_URI, src, `${path}.${member}.S3Uri`);
}

export function checkModelMetrics(v: Validator, input: JsonObject): void {
  const mm = v.object("ModelMetrics", {}, input);
  if (!mm) return;
  const parts: [string, string[]][] = [
    ["ModelQuality", ["Statistics", "Constraints"]],
    ["ModelDataQuality", ["Statistics", "Constraints"]],
    ["Bias", ["Report", "PreTrainingReport", "PostTrainingReport"]],
    ["Explainability", ["Report"]],
  ];
  for (const [part, leaves] of parts) {
    const o = v.object(part, {}, mm, `ModelMetrics.${part}`);
    if (o) for (const leaf of leaves) metricsSource(v, o, leaf, `ModelMetrics.${part}`);
  }
}

export function checkDriftBaselines(v: Validator, input: JsonObject): void {
  const d = v.object("DriftCheckBaselines", {}, input);
  if (!d) return;
  for (const [part, leaves] of [
    ["Bias", ["ConfigFile", "PreTrainingConstraints", "PostTrainingConstraints"]],
    ["Explainability", ["Constraints", "ConfigFile"]],
    ["ModelQuality", ["Statistics", "Constraints"]],
    ["ModelDataQuality", ["Statistics", "Constraints"]],
  ] as const) {
    const o = v.object(part, {}, d, `DriftCheckBaselines.${part}`);
    if (o) for (const leaf of leaves) metricsSource(v, o, leaf, `DriftCheckBaselines.${part}`);
  }
}

export function checkMetadataProperties(v: Validator, input: JsonObject): void {
  const m = v.object("MetadataProperties", {}, input);
  if (!m) return;
  for (const k of ["CommitId", "Repository", "GeneratedBy", "ProjectId"])
    v.string(k, { max: 1024 }, m, `MetadataProperties.${k}`);
}

export function checkLifeCycle(v: Validator, input: JsonObject): JsonObject | undefined {
  const lc = v.object("ModelLifeCycle", {}, input);
  if (!lc) return undefined;
  const rule = {
    required: true,
    min: 1,
    max: 63,
    pattern: NAME_PATTERN.resource,
    patternText: "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
  };
  v.string("Stage", rule, lc, "ModelLifeCycle.Stage");
  v.string("StageStatus", rule, lc, "ModelLifeCycle.StageStatus");
  v.string("StageDescription", { max: 1024 }, lc, "ModelLifeCycle.StageDescription");
  return lc;
}

export function checkInferenceSpecification(v: Validator, input: JsonObject): void {
  const spec = v.object("InferenceSpecification", {}, input);
  if (!spec) return;
  const containers = v.array(
    "Containers",
    { required: true, min: 1, max: 15 },
    spec,
    "InferenceSpecification.Containers",
  );
  containers?.forEach((c, i) => {
    const path = `InferenceSpecification.Containers.${i + 1}.member`;
    if (!isObject(c)) {
      v.fail(`Value at '${path}' failed to satisfy constraint: Member must be a structure`);
      return;
    }
    v.string("Image", { max: 255 }, c, `${path}.Image`);
    v.string("ModelDataUrl", { max: 1024 }, c, `${path}.ModelDataUrl`);
  });
}
