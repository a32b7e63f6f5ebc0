import { describe, expect, it } from "vitest";
import { assessSolution } from "../assess";
import { NOW, DAY, reliableSolution } from "../fixtures.test-helpers";
import { known, type ExecutionEvidence, type Identity, type SolutionEvidence } from "../types";

const CI = { iamArn: "arn:aws:sts::123456789012:assumed-role/codebuild-risk-build/AWSCodeBuild-1" };
const SCHEDULE = { iamArn: "arn:aws:sts::123456789012:assumed-role/eventbridge-scheduler-risk/s-1" };
const PERSON = { userProfileName: "priya" };
const UNREAD: Identity = {};

/** The fixture solution with its pipeline's executions started by the given creators. */
function startedBy(creators: Identity[]): SolutionEvidence {
  const base = reliableSolution();
  const p = base.pipelines.ok ? base.pipelines.value[0] : undefined;
  if (!p) throw new Error("fixture has no pipeline");
  const executions: ExecutionEvidence[] = creators.map((createdBy, i) => ({
    ref: { kind: "execution", id: `exec-${i}`, label: `fraud-train e${i}` },
    status: "Succeeded",
    startedAt: NOW - (i + 1) * DAY,
    createdBy,
  }));
  return reliableSolution({ pipelines: known([{ ...p, executions }]) });
}

const r7 = (e: SolutionEvidence) => {
  const c = assessSolution(e).checks.find((x) => x.id === "R-7");
  if (!c) throw new Error("no R-7");
  return c;
};

describe("R-7 pipelines started by automation", () => {
  it("passes when most executions whose creator was read came from CI/CD or a schedule", () => {
    const c = r7(startedBy([CI, SCHEDULE, CI, PERSON]));
    expect(c.status).toBe("pass");
    expect(c.observed).toBe(
      "3 of 4 (75%) of executions whose creator (CreatedBy) was read started by automation",
    );
    expect(c.evidence.map((x) => x.label)).toEqual([
      "started by automation: fraud-train e0",
      "started by automation: fraud-train e1",
      "started by automation: fraud-train e2",
      "started by hand: fraud-train e3",
    ]);
    expect(c.evidence[0]?.value).toBe(CI.iamArn);
    expect(c.evidence[3]?.value).toBe("priya");
  });

  it("counts only executions whose creator was read, and says how many it left out", () => {
    // two read (both by automation), three unread: 2 of 2, not 2 of 5
    const c = r7(startedBy([CI, SCHEDULE, UNREAD, UNREAD, UNREAD]));
    expect(c.status).toBe("pass");
    expect(c.observed).toMatch(
      /^2 of 2 \(100%\) .* started by automation; 3 executions without a recorded creator not counted$/,
    );
    // the same executions read as started by people fail
    expect(r7(startedBy([PERSON, PERSON, UNREAD, UNREAD, UNREAD])).status).toBe("fail");
    expect(r7(startedBy([CI, PERSON, PERSON, PERSON])).status).toBe("partial");
  });

  it("is Unknown, not Fail, when no execution's creator could be read, and n/a without executions", () => {
    const c = r7(startedBy([UNREAD, UNREAD]));
    expect(c.status).toBe("unknown");
    expect(c.observed).toMatch(/none of 2 executions/);
    expect(r7(startedBy([])).status).toBe("na");
  });

  it("a Studio user is a person even with an automation-looking role, and other roles are not automation", () => {
    const viaRole = { userProfileName: "ci-bot-lookalike", iamArn: CI.iamArn };
    const other = { iamArn: "arn:aws:sts::123456789012:assumed-role/DataScientistRole/priya" };
    expect(r7(startedBy([viaRole, other])).status).toBe("fail");
  });
});

describe("I-2 tracked jobs", () => {
  it("does not hold a failed or stopped job's missing final metrics against it, only an untracked job", () => {
    const base = reliableSolution();
    const jobs = base.trainingJobs.ok ? base.trainingJobs.value : [];
    const i2 = (e: SolutionEvidence) => assessSolution(e).checks.find((x) => x.id === "I-2")?.status;
    const failed = jobs.map((j, i) => (i < 2 ? { ...j, status: "Failed" as const, metricCount: 0 } : j));
    expect(i2(reliableSolution({ trainingJobs: known(failed) }))).toBe("pass");
    const completedNoMetrics = jobs.map((j, i) => (i < 2 ? { ...j, metricCount: 0 } : j));
    expect(i2(reliableSolution({ trainingJobs: known(completedNoMetrics) }))).toBe("partial");
    const untrackedFailed = jobs.map((j, i) =>
      i < 2 ? { ...j, status: "Failed" as const, tracked: false } : j,
    );
    expect(i2(reliableSolution({ trainingJobs: known(untrackedFailed) }))).toBe("partial");
  });
});
