import { describe, expect, it } from "vitest";
import type { ExecutionView } from "@/lib/pipelines/read-models";
import { renderUi } from "@/tests/helpers/render-ui";
import { RerunPanel } from "./rerun-panel";

const failedRun = {
  id: "abc123",
  parameters: { MaxDepth: "40" },
  steps: [{ name: "Train", status: "Failed" }],
  definitionSteps: [{ name: "Train", dependsOn: [] }],
} as unknown as ExecutionView;

describe("re-run panel in the server's HTML", () => {
  // it loads apart (components/ui/lazy.tsx): before its code hydrates, a typed parameter would be reset to the
  // failed run's value and the re-run would fail again (e2e/run-compare-rerun failed so in CI)
  it("keeps its controls disabled until it is live", () => {
    const html = renderUi(<RerunPanel pipeline="churn" execution={failedRun} />);
    const fieldset = /<fieldset[^>]*>/.exec(html)?.[0] ?? "";
    expect(fieldset).toMatch(/\bdisabled=""/);
    expect(fieldset).toContain('aria-busy="true"');
    // the parameter box and the Re-run button are inside it
    const inside = html.slice(html.indexOf(fieldset));
    expect(inside).toContain('aria-label="Parameter MaxDepth"');
    expect(inside).toContain("Re-run");
  });
});
