import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { contradictions } from "@/lib/approvals/contradictions";
import { ContradictionFlag, ContradictionWarnings, GroupContradictions } from "./contradiction-warnings";

const rolledBack = contradictions({
  approvalStatus: "Approved",
  stage: "Development",
  stageStatus: "OnHold",
  servedBy: ["Staging"],
});

describe("contradiction warnings on the version, the group and the models list", () => {
  it("the version page spells each one out as a warning", () => {
    const html = renderToStaticMarkup(<ContradictionWarnings warnings={rolledBack} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain("approval, stage and deployment disagree");
    expect(html).toContain("The Staging endpoint serves it, but its stage says Development (OnHold).");
    expect(renderToStaticMarkup(<ContradictionWarnings warnings={[]} />)).toBe("");
  });

  it("the group's table flags the version, with the message for hover and screen readers", () => {
    const html = renderToStaticMarkup(
      <ContradictionFlag
        warnings={contradictions({
          approvalStatus: "PendingManualApproval",
          stage: "Production",
          servedBy: ["Production"],
        })}
      />,
    );
    expect(html).toContain("1 contradiction");
    expect(html).toContain("The Production endpoint serves it, but it is pending approval.");
  });

  it("the models list names the version of each", () => {
    const html = renderToStaticMarkup(
      <GroupContradictions warnings={rolledBack.map((w) => ({ ...w, version: 62 }))} />,
    );
    expect(html).toContain("v62: The Staging endpoint serves it, but its stage says Development (OnHold).");
    expect(renderToStaticMarkup(<GroupContradictions warnings={[]} />)).toBe("—");
  });
});
