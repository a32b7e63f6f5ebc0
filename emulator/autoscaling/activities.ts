/** Scaling activities: what changed the desired count, when, and why; DescribeScalingActivities. */
import { defineOperation } from "../core/registry";
import { Validator } from "../core/validate";
import type { Ctx } from "../core/context";
import { scaled } from "../core/clock";
import { uuid } from "../codepipeline/store";
import { pager } from "./page";
import { activities, targetKey, type ActivityRecord, type TargetRecord } from "./store";

/** simulated seconds SageMaker takes to add or remove instances */
export const PROVISION_SECONDS = 240;

export function recordActivity(
  ctx: Ctx,
  t: TargetRecord,
  to: number,
  cause: string,
  at: number,
  end = at + scaled(PROVISION_SECONDS),
): ActivityRecord {
  const a: ActivityRecord = {
    ActivityId: uuid(ctx),
    ServiceNamespace: t.ServiceNamespace,
    ResourceId: t.ResourceId,
    ScalableDimension: t.ScalableDimension,
    Description: `Setting desired instance count to ${to}.`,
    Cause: cause,
    StartTime: at,
    EndTime: end,
    StatusCode: "Successful",
    StatusMessage: `Successfully set desired instance count to ${to}. Change successfully fulfilled by sagemaker.`,
    to,
  };
  const k = `${targetKey(t.ServiceNamespace, t.ResourceId, t.ScalableDimension)}|${at.toFixed(3).padStart(16, "0")}|${a.ActivityId}`;
  activities(ctx.state).set(k, a);
  return a;
}

/** An activity whose instances are still being provisioned is InProgress until its EndTime. */
function view(a: ActivityRecord, now: number) {
  const done = (a.EndTime ?? 0) <= now;
  return {
    ActivityId: a.ActivityId,
    ServiceNamespace: a.ServiceNamespace,
    ResourceId: a.ResourceId,
    ScalableDimension: a.ScalableDimension,
    Description: a.Description,
    Cause: a.Cause,
    StartTime: a.StartTime,
    ...(done ? { EndTime: a.EndTime } : {}),
    StatusCode: done ? a.StatusCode : "InProgress",
    ...(done && a.StatusMessage ? { StatusMessage: a.StatusMessage } : {}),
  };
}

defineOperation("application-autoscaling:DescribeScalingActivities", (input, ctx) => {
  const v = new Validator(input);
  const ns = v.string("ServiceNamespace", { required: true }) ?? "";
  const id = v.string("ResourceId", { min: 1, max: 1600 });
  const dim = v.string("ScalableDimension");
  const max = v.number("MaxResults", { integer: true, min: 1, max: 50 }) ?? 50;
  v.boolean("IncludeNotScaledActivities");
  v.done();
  const all = [...activities(ctx.state).values()]
    .filter(
      (a) =>
        a.ServiceNamespace === ns &&
        (id === undefined || a.ResourceId === id) &&
        (dim === undefined || a.ScalableDimension === dim),
    )
    .sort((a, b) => b.StartTime - a.StartTime);
  const { page } = pager(all, input.NextToken, max, { ns, id, dim });
  const now = ctx.now();
  return {
    ScalingActivities: page.items.map((a) => view(a, now)),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
});
