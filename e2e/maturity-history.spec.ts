import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a manager sees a solution's history chart and adds a point with Take snapshot now", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto("/maturity/risk");
  await signIn(page, "manager");
  await expect(page).toHaveURL(/\/maturity\/risk$/);

  // the server reconstructs 12 weeks of history at start and stores a first snapshot: wait for them
  const history = page.getByTestId("solution-history");
  const points = history.getByTestId("history-points");
  await expect(async () => {
    await page.reload();
    await expect(points).toContainText("scheduled", { timeout: 10_000 });
  }).toPass({ timeout: 150_000 });
  await expect(points).toContainText("reconstructed");
  await expect(history.locator(".recharts-line").first()).toBeVisible();
  const before = Number(await points.getAttribute("data-count"));
  expect(before).toBeGreaterThanOrEqual(13);
  const lastBefore = await history.getByTestId("history-last").textContent();

  await history.getByRole("button", { name: "Take snapshot now" }).click();
  await expect(points).toHaveAttribute("data-count", String(before + 1), { timeout: 60_000 });
  await expect(points).toContainText("1 manual");
  await expect(history.getByTestId("history-last")).not.toHaveText(lastBefore ?? "");

  // the organisation's KPI tiles draw their trend from the same history
  await page.goto("/maturity");
  await expect(page.getByTestId("kpi-spark-pipelineSuccess")).toBeVisible();
});

test("a viewer sees the history but no snapshot button", async ({ page }) => {
  await page.goto("/maturity/growth");
  await signIn(page, "viewer");
  await expect(page.getByTestId("solution-history").getByTestId("history-points")).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole("button", { name: "Take snapshot now" })).toHaveCount(0);
});
