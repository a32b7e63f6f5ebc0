import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import type { PipelineParameter } from "@/lib/pipelines/definition";
import { lockedParameters, withLockedDefaults } from "@/lib/pipelines/locked";
import { validateStart } from "./validate";

const param = (name: string, defaultValue?: string, enumValues?: string[]): PipelineParameter => ({
  name,
  type: "String",
  defaultValue,
  enumValues,
});
const parameters = [
  param("MaxDepth", "6"),
  param("ModelApprovalStatus", "Approved", ["PendingManualApproval", "Approved"]),
  param("ReviewState", "Approved"),
];

describe("approval-controlling parameters (APPROVAL_PARAMETERS)", () => {
  const locked = lockedParameters(parameters, ["ModelApprovalStatus", "ReviewState", "NotInThisPipeline"]);

  it("locks only the configured names this pipeline has, to PendingManualApproval", () => {
    expect(locked.map((l) => [l.name, l.value])).toEqual([
      ["ModelApprovalStatus", "PendingManualApproval"],
      ["ReviewState", "PendingManualApproval"],
    ]);
    const shown = withLockedDefaults(parameters, locked);
    expect(shown.find((p) => p.name === "ModelApprovalStatus")?.enumValues).toEqual([
      "PendingManualApproval",
    ]);
  });

  it("refuses any other value with the reason, and sends the locked value when none is given", () => {
    for (const value of ["Approved", "approved", "Rejected", ""]) {
      const err = (() => {
        try {
          return validateStart({ parameters: { ReviewState: value } }, parameters, "p", locked);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as Error).message).toMatch(/^ReviewState is locked to PendingManualApproval: approval/);
    }
    const ok = validateStart({ parameters: { MaxDepth: 4 } }, parameters, "p", locked);
    expect(ok.values).toEqual({
      MaxDepth: "4",
      ModelApprovalStatus: "PendingManualApproval",
      ReviewState: "PendingManualApproval",
    });
    expect(Object.keys(ok.values)).toEqual(["MaxDepth", "ModelApprovalStatus", "ReviewState"]);
  });

  it("accepts the locked value given explicitly", () => {
    const given = { parameters: { ModelApprovalStatus: "PendingManualApproval" } };
    expect(validateStart(given, parameters, "p", locked).values.ModelApprovalStatus).toBe(
      "PendingManualApproval",
    );
  });
});
