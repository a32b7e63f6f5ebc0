/**
 * Model package group resource policies (Put/Get/DeleteModelPackageGroupPolicy) and the cross-account access they
 * grant: a package ARN in another account is readable (DescribeModelPackage) and deployable (CreateModel's
 * ModelPackageName) when that account's group policy allows the caller's account `sagemaker:DescribeModelPackage`.
 */
import { defineOperation } from "../../core/registry";
import { Validator, NAME_PATTERN } from "../../core/validate";
import { AwsError, validation } from "../../core/errors";
import { accountOfArn } from "../../core/arn";
import type { Ctx } from "../../core/context";
import { defineCollection } from "../../core/state";
import { groups, groupKey, findPackage, type PackageRecord } from "./store";
import { groupNotFound } from "./groups";
import { parsePolicy, policyAllows } from "./policy-eval";

/** keyed by lower-cased group name: the policy document as given */
export const groupPolicies = defineCollection<string>("registry.groupPolicies");

const GROUP_NAME = {
  required: true,
  min: 1,
  max: 63,
  pattern: NAME_PATTERN.resource,
  patternText: "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
};

function requireGroup(ctx: Ctx, name: string) {
  const g = groups(ctx.state).get(groupKey(name));
  if (!g) throw groupNotFound(name);
  return g;
}

defineOperation("PutModelPackageGroupPolicy", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ModelPackageGroupName", GROUP_NAME) ?? "";
  const policy = v.string("ResourcePolicy", { required: true, min: 1, max: 20480 }) ?? "";
  v.done();
  const g = requireGroup(ctx, name);
  parsePolicy(policy);
  groupPolicies(ctx.state).set(groupKey(name), policy);
  return { ModelPackageGroupArn: g.ModelPackageGroupArn };
});

defineOperation("GetModelPackageGroupPolicy", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ModelPackageGroupName", GROUP_NAME) ?? "";
  v.done();
  const g = requireGroup(ctx, name);
  const policy = groupPolicies(ctx.state).get(groupKey(name));
  // AWS does not document this answer; the wording is ours
  if (policy === undefined)
    throw validation(`Cannot find a resource policy for ModelPackageGroup ${g.ModelPackageGroupArn}.`);
  return { ResourcePolicy: policy };
});

defineOperation("DeleteModelPackageGroupPolicy", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ModelPackageGroupName", GROUP_NAME) ?? "";
  v.done();
  const g = requireGroup(ctx, name);
  if (!groupPolicies(ctx.state).delete(groupKey(name)))
    throw validation(`Cannot find a resource policy for ModelPackageGroup ${g.ModelPackageGroupArn}.`);
  return {};
});

export const DESCRIBE_PACKAGE = "sagemaker:DescribeModelPackage";

/**
 * A package by name or ARN, as the caller may see it: in the caller's own account as always; in another account
 * (by ARN) only when that account's group policy allows the caller `action`, else AccessDeniedException in
 * IAM's words. Undefined when it does not exist (the caller's handler words that).
 */
export function resolvePackage(
  ctx: Ctx,
  nameOrArn: string,
  action = DESCRIBE_PACKAGE,
): PackageRecord | undefined {
  const owner = accountOfArn(nameOrArn);
  if (!owner || owner === ctx.account) return findPackage(ctx.state, nameOrArn);
  const group = /:model-package\/([^/]+)\/\d+$/.exec(nameOrArn)?.[1];
  const caller = { account: ctx.account, arn: ctx.identity.IamIdentity?.Arn };
  const allowed = ctx.inAccount(owner, (other) =>
    group
      ? policyAllows(groupPolicies(other.state).get(group.toLowerCase()), caller, action, nameOrArn)
      : false,
  );
  if (!allowed)
    throw new AwsError(
      "AccessDeniedException",
      `User: ${caller.arn ?? `arn:aws:iam::${ctx.account}:root`} is not authorized to perform: ${action} on resource: ${nameOrArn} because no resource-based policy allows the ${action} action`,
    );
  return ctx.inAccount(owner, (other) => findPackage(other.state, nameOrArn));
}
