/**
 * Who starts a seeded pipeline execution, as SageMaker records it in CreatedBy: a scientist's Studio user
 * profile, or — for solutions whose pipelines run from CI/CD (org.ts `pipelineStarts: "automated"`) — the
 * assumed role of a CodeBuild project (on merge) or of an EventBridge Scheduler schedule (monthly retrain).
 * Deterministic (hashes, no draws from the seeder's randomness), so the rest of the seed is unchanged.
 */
import { ACCOUNT_ID } from "../core/arn";
import { hash32, rng } from "../core/clock";
import type { UserContext } from "../core/context";
import type { PipelineSpec, SolutionSpec } from "./org";

/** The oldest executions predate the CI/CD setup: started by hand even where pipelines are automated. */
const BEFORE_CI = 0.2;

export interface Starter {
  /** set when automation started it; a person (the seeder's user) otherwise */
  identity?: UserContext;
  description: string;
}

function assumedRole(role: string, session: string): UserContext {
  return {
    IamIdentity: {
      Arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${role}/${session}`,
      PrincipalId: `AROA${hash32(role).toString(16).toUpperCase().padStart(8, "0")}EXAMPLE:${session}`,
    },
  };
}

export function starterOf(
  s: SolutionSpec,
  p: PipelineSpec,
  i: number,
  month: string,
  exploring: boolean,
): Starter {
  if (exploring) return { description: "Trying a deeper / faster-learning model" };
  if (s.pipelineStarts !== "automated" || i < Math.floor(p.executions * BEFORE_CI))
    return { description: `Retrain on ${month} data` };
  const run = hash32(`${p.name}:${i}:run`).toString(16).padStart(8, "0");
  if (rng(hash32(`${p.name}:${i}:starter`))() < 0.5)
    return {
      identity: assumedRole(`eventbridge-scheduler-${s.team}-retrain`, `scheduler-${run}`),
      description: `Scheduled retrain on ${month} data`,
    };
  return {
    identity: assumedRole(`codebuild-${s.team}-mlops-build-service-role`, `AWSCodeBuild-${run}`),
    description: `CI build on merge to main (${month} data)`,
  };
}
