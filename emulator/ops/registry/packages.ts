/** CreateModelPackage (versioned and unversioned) and DeleteModelPackage (reference §1.3). */
import { defineOperation } from "../../core/registry";
import { Validator, NAME_PATTERN } from "../../core/validate";
import { validation } from "../../core/errors";
import { arn, currentAccount, REGION } from "../../core/arn";
import { parseTags, addTags, tagStore } from "../../core/tags";
import { idempotent } from "../../core/idempotency";
import type { JsonObject } from "../../core/json";
import { parseCustomerMetadata } from "./common";
import { copy, str } from "../../core/json";
import {
  groups,
  groupKey,
  packages,
  versionCounters,
  findPackage,
  packageKey,
  type PackageRecord,
} from "./store";
import { groupNotFound } from "./groups";
import {
  checkDriftBaselines,
  checkInferenceSpecification,
  checkLifeCycle,
  checkMetadataProperties,
  checkModelMetrics,
} from "./validate-package";

export const APPROVAL = ["Approved", "Rejected", "PendingManualApproval"] as const;
export const REGISTRATION = ["Logged", "Registered"] as const;

export function packageNotFound(nameOrArn: string): Error {
  return validation(`ModelPackage ${nameOrArn} does not exist.`);
}

defineOperation("CreateModelPackage", async (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ModelPackageName", {
    min: 1,
    max: 63,
    pattern: NAME_PATTERN.resource,
    patternText: "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
  });
  const group = v.string("ModelPackageGroupName", {
    min: 1,
    max: 170,
    pattern:
      /^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]{9,16}:[0-9]{12}:[a-z-]*\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)$/,
    patternText:
      "(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)$",
  });
  v.string("ModelPackageDescription", { max: 1024 });
  const approval = v.string("ModelApprovalStatus", { enum: APPROVAL });
  const token = v.string("ClientToken", { min: 1, max: 36, pattern: /^[a-zA-Z0-9-]+$/ });
  v.string("SourceUri", { max: 1024 });
  v.string("Domain");
  v.string("Task");
  v.string("SamplePayloadUrl", { max: 1024 });
  v.string("SkipModelValidation", { enum: ["All", "None"] });
  v.string("ModelPackageRegistrationType", { enum: REGISTRATION });
  v.boolean("CertifyForMarketplace");
  checkInferenceSpecification(v, input);
  checkModelMetrics(v, input);
  checkDriftBaselines(v, input);
  checkMetadataProperties(v, input);
  checkLifeCycle(v, input);
  v.done();
  const customer = parseCustomerMetadata(input.CustomerMetadataProperties);
  const tags = parseTags(input.Tags);
  if (name !== undefined && group !== undefined)
    throw validation(
      "Both ModelPackageName and ModelPackageGroupName are provided in the input. Cannot determine which one to use.",
    );
  if (name === undefined && group === undefined)
    throw validation("Either ModelPackageName or ModelPackageGroupName must be provided in the input.");

  const { ClientToken: _token, ...rest } = input;
  return idempotent(ctx, "CreateModelPackage", token, rest, () => {
    const now = ctx.now();
    const common: JsonObject = {};
    for (const k of [
      "ModelPackageDescription",
      "InferenceSpecification",
      "SourceAlgorithmSpecification",
      "ValidationSpecification",
      "CertifyForMarketplace",
      "MetadataProperties",
      "ModelMetrics",
      "Domain",
      "Task",
      "SamplePayloadUrl",
      "DriftCheckBaselines",
      "AdditionalInferenceSpecifications",
      "SkipModelValidation",
      "SourceUri",
      "SecurityConfig",
      "ModelCard",
      "ModelLifeCycle",
    ])
      if (input[k] !== undefined) common[k] = copy(input[k]);
    let record: PackageRecord;
    let key: string;
    if (group !== undefined) {
      const g = groups(ctx.state).get(groupKey(group));
      if (!g) throw groupNotFound(group);
      const gk = groupKey(g.ModelPackageGroupName);
      const version = (versionCounters(ctx.state).get(gk) ?? 0) + 1;
      versionCounters(ctx.state).set(gk, version);
      key = `${gk}/${version}`;
      record = {
        ModelPackageName: g.ModelPackageGroupName,
        ModelPackageGroupName: g.ModelPackageGroupName,
        ModelPackageVersion: version,
        ModelPackageArn: arn("model-package", g.ModelPackageGroupName, version),
        ModelPackageRegistrationType: str(input.ModelPackageRegistrationType) ?? "Registered",
        CreationTime: now,
        ModelPackageStatus: "Completed",
        ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
        ModelApprovalStatus: approval ?? "PendingManualApproval",
        CreatedBy: ctx.identity,
        LastModifiedTime: now,
        LastModifiedBy: ctx.identity,
        ...common,
      };
    } else {
      key = packageKey(name ?? "");
      if (packages(ctx.state).has(key))
        throw validation(
          `Cannot create already existing model package "arn:aws:sagemaker:${REGION}:${currentAccount()}:model-package/${key}".`,
        );
      record = {
        ModelPackageName: name ?? "",
        ModelPackageArn: arn("model-package", name ?? ""),
        CreationTime: now,
        ModelPackageStatus: "Completed",
        ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
        CreatedBy: ctx.identity,
        LastModifiedTime: now,
        LastModifiedBy: ctx.identity,
        ...common,
      };
      if (approval !== undefined) record.ModelApprovalStatus = approval;
    }
    if (customer) record.CustomerMetadataProperties = customer;
    packages(ctx.state).set(key, record);
    addTags(ctx.state, record.ModelPackageArn, tags);
    return { ModelPackageArn: record.ModelPackageArn };
  });
});

defineOperation("DeleteModelPackage", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ModelPackageName", { required: true, min: 1, max: 176 });
  v.done();
  const p = findPackage(ctx.state, name ?? "");
  if (!p) throw packageNotFound(name ?? "");
  packages(ctx.state).delete(packageKey(p.ModelPackageArn));
  tagStore(ctx.state).delete(p.ModelPackageArn);
  return {};
});
