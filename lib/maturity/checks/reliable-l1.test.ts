import { describe, expect, it } from "vitest";
import { assessSolution } from "../assess";
import { DAY, NOW, pkg, pkgArn, reliableSolution } from "../fixtures.test-helpers";
import { known, type DecisionEvidence } from "../types";

const l1 = (e: Parameters<typeof assessSolution>[0]) => assessSolution(e).checks.find((c) => c.id === "L-1");
const approve = (v: number, actor: string, at = NOW - 25 * DAY): DecisionEvidence => ({
  packageArn: pkgArn(v),
  action: "approve",
  actor,
  at,
  reason: "reviewed",
});

describe("L-1 and approvals made outside SageDeck", () => {
  it("counts and lists versions approved outside SageDeck, naming who SageMaker says", () => {
    // v1 approved through SageDeck; v2 approved in Studio by grace (a second person, with a comment)
    const r = l1(reliableSolution({ decisions: known([approve(1, "alex")]) }));
    expect(r?.status).toBe("pass");
    expect(r?.observed).toContain("1 approved or rejected outside SageDeck");
    expect(r?.evidence.map((x) => x.label)).toEqual([
      "fraud v2: approved outside SageDeck — by grace (SageMaker's record)",
    ]);
  });

  it("a pipeline that registers its own version as Approved is not accountable, and is listed", () => {
    const self = pkg(2, {
      lastModifiedBy: { iamArn: "pipeline-role" },
      createdBy: { iamArn: "pipeline-role" },
      approvalDescription: undefined,
    });
    const r = l1(
      reliableSolution({ modelPackages: known([pkg(1), self]), decisions: known([approve(1, "alex")]) }),
    );
    expect(r?.status).not.toBe("pass");
    expect(r?.evidence.map((x) => x.label)).toEqual([
      "fraud v2: approved by its registrant; approved outside SageDeck — by pipeline-role (SageMaker's record)",
    ]);
  });

  it("a SageDeck approval overturned and re-approved in SageMaker is credited to SageMaker's record, not SageDeck's", () => {
    const reject: DecisionEvidence = { ...approve(2, "alex", NOW - 19 * DAY), action: "reject" };
    const noComment = pkg(2, { approvalDescription: undefined });
    const r = l1(
      reliableSolution({
        modelPackages: known([pkg(1), noComment]),
        decisions: known([approve(1, "alex"), approve(2, "alex", NOW - 21 * DAY), reject]),
      }),
    );
    expect(r?.status).toBe("partial");
    expect(r?.evidence[0]?.label).toBe(
      "fraud v2: no comment; approved outside SageDeck — by grace (SageMaker's record)",
    );
  });

  it("a version put in Production outside SageDeck (lifecycle stage only) counts as promoted", () => {
    const staged = pkg(3, {
      stage: "Production",
      approvalStatus: "Approved",
      lastModifiedBy: { userProfileName: "priya" },
    });
    const r = l1(reliableSolution({ modelPackages: known([pkg(1), pkg(2), staged]), decisions: known([]) }));
    expect(r?.observed).toMatch(/^2 of 3 /);
    expect(r?.evidence.map((x) => x.label)).toContain(
      "fraud v3: approved by its registrant; approved outside SageDeck — by priya (SageMaker's record)",
    );
  });
});
