/** Model registry records: groups and packages (stored in their Describe shape), version counters. */
import { defineCollection, type State } from "../../core/state";
import { nameFromArn } from "../../core/arn";
import type { JsonObject } from "../../core/json";
import type { UserContext } from "../../core/context";

export interface GroupRecord extends JsonObject {
  ModelPackageGroupName: string;
  ModelPackageGroupArn: string;
  ModelPackageGroupDescription?: string;
  CreationTime: number;
  CreatedBy: UserContext;
  ModelPackageGroupStatus: string;
}

export interface PackageRecord extends JsonObject {
  ModelPackageName: string;
  ModelPackageGroupName?: string;
  ModelPackageVersion?: number;
  ModelPackageArn: string;
  CreationTime: number;
  ModelPackageStatus: string;
  ModelApprovalStatus?: string;
}

/** keyed by lower-cased group name */
export const groups = defineCollection<GroupRecord>("registry.groups");
/** keyed by `<group-lower>/<version>` (versioned) or `<name-lower>` (unversioned) */
export const packages = defineCollection<PackageRecord>("registry.packages");
/** last version number issued per group (lower-cased name); never reused, even after deletes */
export const versionCounters = defineCollection<number>("registry.versionCounters");

/** Group name from a name or ARN argument (lower-cased key). */
export function groupKey(nameOrArn: string): string {
  return (nameFromArn(nameOrArn, "model-package-group") ?? nameOrArn).toLowerCase();
}

/** Package key from an ARN, `name/version` or an unversioned name. */
export function packageKey(nameOrArn: string): string {
  const marker = ":model-package/";
  const i = nameOrArn.indexOf(marker);
  const tail = nameOrArn.startsWith("arn:") && i >= 0 ? nameOrArn.slice(i + marker.length) : nameOrArn;
  return tail.toLowerCase();
}

export function findPackage(state: State, nameOrArn: string): PackageRecord | undefined {
  return packages(state).get(packageKey(nameOrArn));
}

/** Versions of one group (scan; the collection holds a few thousand at most). */
export function groupVersions(state: State, group: string): PackageRecord[] {
  const g = group.toLowerCase();
  const out: PackageRecord[] = [];
  for (const p of packages(state).values())
    if (p.ModelPackageGroupName !== undefined && p.ModelPackageGroupName.toLowerCase() === g) out.push(p);
  return out;
}
