import { describe, expect, it } from "vitest";
import { contradictions, servedContradictions, servedStages } from "./contradictions";

describe("contradictions between approval, stage and deployment", () => {
  it("a rolled-back version the Staging endpoint still serves while its stage says Development (OnHold)", () => {
    expect(
      contradictions({
        approvalStatus: "Approved",
        stage: "Development",
        stageStatus: "OnHold",
        servedBy: ["Staging"],
      }),
    ).toEqual([
      {
        kind: "served-stage-behind",
        stage: "Staging",
        message: "The Staging endpoint serves it, but its stage says Development (OnHold).",
      },
    ]);
  });

  it("Production serves a version pending approval (and its stage never said Production)", () => {
    const w = contradictions({ approvalStatus: "PendingManualApproval", servedBy: ["Production"] });
    expect(w.map((c) => c.kind)).toEqual(["served-not-approved", "served-stage-behind"]);
    expect(w[0]?.message).toBe("The Production endpoint serves it, but it is pending approval.");
    expect(w[1]?.message).toBe("The Production endpoint serves it, but its stage says Development.");
  });

  it("an archived or rejected version that is served is flagged; a consistent one is not", () => {
    expect(
      contradictions({ approvalStatus: "Rejected", stage: "Archived", servedBy: ["Staging"] }).map(
        (c) => c.kind,
      ),
    ).toEqual(["served-not-approved", "served-stage-behind"]);
    // promoted on to Production while Staging still serves it: consistent
    expect(
      contradictions({
        approvalStatus: "Approved",
        stage: "Production",
        servedBy: ["Staging", "Production"],
      }),
    ).toEqual([]);
    expect(contradictions({ approvalStatus: "Approved", stage: "Staging", servedBy: ["Staging"] })).toEqual(
      [],
    );
    // not served anywhere: nothing to contradict
    expect(contradictions({ approvalStatus: "PendingManualApproval", servedBy: [] })).toEqual([]);
  });

  it("servedStages: the stages whose endpoint serves the version", () => {
    expect(servedStages("a", { Staging: "a", Production: "b" })).toEqual(["Staging"]);
    expect(servedStages("a", { Staging: "a", Production: "a" })).toEqual(["Staging", "Production"]);
    expect(servedStages("a", {})).toEqual([]);
  });
});

describe("servedContradictions: a group's served versions", () => {
  it("names the version of each contradiction, and only versions that are served", () => {
    const versions = [
      { arn: "g/62", version: 62, approvalStatus: "Approved", stage: "Development", stageStatus: "OnHold" },
      { arn: "g/59", version: 59, approvalStatus: "PendingManualApproval", stage: "Production" },
      { arn: "g/60", version: 60, approvalStatus: "Rejected" },
    ];
    const w = servedContradictions(versions, { Staging: "g/62", Production: "g/59" });
    expect(w.map((c) => [c.version, c.kind, c.stage])).toEqual([
      [62, "served-stage-behind", "Staging"],
      [59, "served-not-approved", "Production"],
    ]);
  });
});
