import { expect, type Page } from "@playwright/test";

export interface RolloutEnd {
  /** the status's headline: InService or Failed */
  label: string;
  /** why it failed, as the page says it; "" when InService */
  outcome: string;
}

/**
 * Waits for the version page's rollout status — the one whose heading matches, or the one of a decision id — to
 * end, and says how. Its text alone proves nothing: the phase list names "Endpoint InService" from the start, so
 * this reads the headline (`data-rollout-label`).
 */
export async function rolloutEnd(
  page: Page,
  which: RegExp | { decision: string },
  timeout = 150_000,
): Promise<RolloutEnd> {
  const status =
    which instanceof RegExp
      ? page.getByTestId("rollout-status").filter({ hasText: which })
      : page.locator(`[data-testid="rollout-status"][data-decision-id="${which.decision}"]`);
  await expect(status).toHaveAttribute("data-rollout-label", /^(InService|Failed)$/, { timeout });
  const label = (await status.getAttribute("data-rollout-label")) ?? "";
  const outcome =
    label === "Failed" ? ((await status.getByTestId("rollout-outcome").textContent()) ?? "") : "";
  return { label, outcome };
}

/** Waits for the rollout to end InService; a failed rollout fails the test with the page's reason. */
export async function rolloutInService(page: Page, heading: RegExp, timeout = 150_000): Promise<void> {
  const end = await rolloutEnd(page, heading, timeout);
  expect(end, `the rollout (${heading.source}) ends InService`).toEqual({ label: "InService", outcome: "" });
}
