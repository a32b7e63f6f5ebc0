/** DescribeModelPackage, BatchDescribeModelPackage, ListModelPackages, UpdateModelPackage; Search over ModelPackage. */
import { defineOperation, defineSearchable } from "../../core/registry";
import { Validator } from "../../core/validate";
import { validation, conflict } from "../../core/errors";
import { getTags } from "../../core/tags";
import { idempotent } from "../../core/idempotency";
import { isObject, type JsonObject, copy } from "../../core/json";
import { parseCustomerMetadata } from "./common";
import { listPage } from "../../core/list";
import {
  groups,
  groupKey,
  packages,
  findPackage,
  packageKey,
  groupVersions,
  type PackageRecord,
} from "./store";
import { APPROVAL, REGISTRATION, packageNotFound } from "./packages";
import { groupNotFound } from "./groups";
import { resolvePackage } from "./policy";
import { checkLifeCycle, checkInferenceSpecification } from "./validate-package";

defineOperation("DescribeModelPackage", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ModelPackageName", { required: true, min: 1, max: 176 });
  const included = v.string("IncludedData", { enum: ["AllData", "MetadataOnly"] });
  v.done();
  const p = resolvePackage(ctx, name ?? "");
  if (!p) throw packageNotFound(name ?? "");
  const out = copy(p);
  if (included === "MetadataOnly") delete out.ModelCard;
  return out;
});

defineOperation("BatchDescribeModelPackage", (input, ctx) => {
  const v = new Validator(input);
  const list = v.array("ModelPackageArnList", { required: true, min: 1, max: 100 });
  v.done();
  const summaries: JsonObject = {};
  const errors: JsonObject = {};
  for (const a of list ?? []) {
    if (typeof a !== "string") continue;
    const p = findPackage(ctx.state, a);
    if (!p || p.ModelPackageGroupName === undefined) {
      errors[a] = { ErrorCode: "ValidationException", ErrorResponse: `ModelPackage ${a} does not exist.` };
      continue;
    }
    summaries[a] = {
      ModelPackageGroupName: p.ModelPackageGroupName,
      ModelPackageVersion: p.ModelPackageVersion,
      ModelPackageArn: p.ModelPackageArn,
      ModelPackageDescription: p.ModelPackageDescription,
      CreationTime: p.CreationTime,
      InferenceSpecification: p.InferenceSpecification ?? { Containers: [] },
      ModelPackageStatus: p.ModelPackageStatus,
      ModelApprovalStatus: p.ModelApprovalStatus,
      ModelPackageRegistrationType: p.ModelPackageRegistrationType,
    };
  }
  return { ModelPackageSummaries: summaries, BatchDescribeModelPackageErrorMap: errors };
});

const pad = (n: number | undefined) => String(n ?? 0).padStart(10, "0");

defineOperation("ListModelPackages", (input, ctx) => {
  const v = new Validator(input);
  const approval = v.string("ModelApprovalStatus", { enum: APPROVAL });
  const group = v.string("ModelPackageGroupName", { min: 1, max: 170 });
  const type = v.string("ModelPackageType", { enum: ["Versioned", "Unversioned", "Both"] });
  let source: Iterable<PackageRecord>;
  if (group !== undefined) {
    const g = groups(ctx.state).get(groupKey(group));
    source = g ? groupVersions(ctx.state, g.ModelPackageGroupName) : [];
  } else source = packages(ctx.state).values();
  const effectiveType = type ?? (group !== undefined ? "Versioned" : "Unversioned");
  const page = listPage<PackageRecord>(input, source, {
    validator: v,
    sortKeys: { Name: (p) => p.ModelPackageName, CreationTime: (p) => p.CreationTime },
    defaultSortBy: "CreationTime",
    defaultOrder: "Ascending",
    name: (p) => p.ModelPackageName,
    tiebreak: (p) => `${p.ModelPackageName}/${pad(p.ModelPackageVersion)}`,
    creationTime: (p) => p.CreationTime,
    filter: (p) => {
      if (approval !== undefined && p.ModelApprovalStatus !== approval) return false;
      const versioned = p.ModelPackageGroupName !== undefined;
      if (effectiveType === "Versioned" && !versioned) return false;
      if (effectiveType === "Unversioned" && versioned) return false;
      return true;
    },
    query: { approval, group: group?.toLowerCase(), effectiveType },
  });
  return {
    ModelPackageSummaryList: page.items.map((p) => ({
      ModelPackageName: p.ModelPackageName,
      ModelPackageGroupName: p.ModelPackageGroupName,
      ModelPackageVersion: p.ModelPackageVersion,
      ModelPackageArn: p.ModelPackageArn,
      ModelPackageDescription: p.ModelPackageDescription,
      CreationTime: p.CreationTime,
      ModelPackageStatus: p.ModelPackageStatus,
      ModelApprovalStatus: p.ModelApprovalStatus,
      ModelLifeCycle: p.ModelLifeCycle,
      ModelPackageRegistrationType: p.ModelPackageRegistrationType,
    })),
    NextToken: page.nextToken,
  };
});

defineOperation("UpdateModelPackage", async (input, ctx) => {
  const v = new Validator(input);
  const pkgArn = v.string("ModelPackageArn", { required: true, min: 1, max: 2048 });
  const approval = v.string("ModelApprovalStatus", { enum: APPROVAL });
  const approvalDescription = v.string("ApprovalDescription", { max: 1024 });
  const toRemove = v.array("CustomerMetadataPropertiesToRemove", { max: 50 });
  const token = v.string("ClientToken", { min: 1, max: 36, pattern: /^[a-zA-Z0-9-]+$/ });
  v.string("SourceUri", { max: 1024 });
  v.string("ModelPackageRegistrationType", { enum: REGISTRATION });
  v.array("AdditionalInferenceSpecificationsToAdd", { min: 1, max: 15 });
  const lifeCycle = checkLifeCycle(v, input);
  checkInferenceSpecification(v, input);
  v.done();
  const customer = parseCustomerMetadata(input.CustomerMetadataProperties);
  const { ClientToken: _t, ...rest } = input;
  return idempotent(ctx, "UpdateModelPackage", token, rest, () => {
    const p = findPackage(ctx.state, pkgArn ?? "");
    if (!p) throw packageNotFound(pkgArn ?? "");
    if (p.ModelPackageStatus === "Deleting")
      throw conflict(`Cannot update model package ${p.ModelPackageArn} while it is being deleted.`);
    if (approval !== undefined && p.ModelPackageGroupName === undefined)
      throw validation("ModelApprovalStatus can only be updated for versioned model packages.");
    const next = copy(p);
    if (approval !== undefined) next.ModelApprovalStatus = approval;
    if (approvalDescription !== undefined) next.ApprovalDescription = approvalDescription;
    if (lifeCycle) next.ModelLifeCycle = copy(lifeCycle);
    const meta: Record<string, string> = {};
    if (isObject(next.CustomerMetadataProperties))
      for (const [k, val] of Object.entries(next.CustomerMetadataProperties))
        if (typeof val === "string") meta[k] = val;
    if (customer) Object.assign(meta, customer);
    for (const k of toRemove ?? []) if (typeof k === "string") delete meta[k];
    if (Object.keys(meta).length > 50)
      throw validation("CustomerMetadataProperties cannot hold more than 50 entries.");
    if (Object.keys(meta).length > 0) next.CustomerMetadataProperties = meta;
    else delete next.CustomerMetadataProperties;
    for (const k of ["SourceUri", "ModelPackageRegistrationType", "InferenceSpecification", "ModelCard"])
      if (input[k] !== undefined) next[k] = copy(input[k]);
    if (Array.isArray(input.AdditionalInferenceSpecificationsToAdd)) {
      const existing = Array.isArray(next.AdditionalInferenceSpecifications)
        ? next.AdditionalInferenceSpecifications
        : [];
      next.AdditionalInferenceSpecifications = [
        ...existing,
        ...copy(input.AdditionalInferenceSpecificationsToAdd),
      ];
    }
    next.LastModifiedTime = ctx.now();
    next.LastModifiedBy = ctx.identity;
    packages(ctx.state).set(packageKey(p.ModelPackageArn), next);
    return { ModelPackageArn: p.ModelPackageArn };
  });
});

/** For callers that need a group's existence check with the registry's error. */
export function requireGroup(state: Parameters<typeof groups>[0], name: string) {
  const g = groups(state).get(groupKey(name));
  if (!g) throw groupNotFound(name);
  return g;
}

defineSearchable({
  resource: "ModelPackage",
  recordKey: "ModelPackage",
  *records(state) {
    for (const p of packages(state).values()) {
      const rec: JsonObject = { ...p, Tags: getTags(state, p.ModelPackageArn) };
      yield rec;
    }
  },
  indexed(state, property, value) {
    if (property !== "ModelPackageGroupName") return undefined;
    return groupVersions(state, value).map((p) => ({ ...p, Tags: getTags(state, p.ModelPackageArn) }));
  },
});
