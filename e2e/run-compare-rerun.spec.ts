import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const PIPELINE_URL = "/pipelines/churn-train";

test("a scientist reads why a run failed, compares it with the last good run, re-runs the failed step fixed", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(PIPELINE_URL);
  await signIn(page, "scientist");
  await page.goto(`${PIPELINE_URL}/start`);
  await page.locator("#param-MaxDepth").fill("40");
  await page.getByLabel("Display name (optional)").fill("e2e-rerun-too-deep");
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/executions\/[a-z0-9]+$/, { timeout: 30_000 });
  const failedUrl = page.url();
  const failedId = failedUrl.slice(failedUrl.lastIndexOf("/") + 1);
  await expect(page.getByTestId("execution-status")).toHaveText("Failed", { timeout: 45_000 });

  // the failure summary: the failed step, its reason, the end of its log, what changed
  const summary = page.getByTestId("failure-summary");
  await expect(summary).toContainText("Step Train failed");
  await expect(summary.getByTestId("failure-log")).toContainText("Traceback (most recent call last):", {
    timeout: 30_000,
  });
  await expect(summary.getByTestId("failure-log")).toContainText(/ClientError: Hyperparameter 'max_depth'/);
  await expect(summary.getByTestId("failure-changes")).toContainText(/MaxDepth: \S+ → 40/);

  // compare with the last good run
  await summary.getByTestId("compare-last-good").click();
  await expect(page).toHaveURL(new RegExp(`/executions/compare\\?a=[a-z0-9]+&b=${failedId}$`));
  const maxDepth = page.getByTestId("compare-parameters").locator("tr", { hasText: "MaxDepth" });
  await expect(maxDepth).toHaveAttribute("data-differs", "true");
  await expect(maxDepth).toContainText("40");
  const train = page.getByTestId("compare-steps").locator('tr[data-step="Train"]');
  await expect(train).toContainText("Succeeded");
  await expect(train).toContainText("Failed");
  await expect(page.getByTestId("compare-metrics")).toContainText("Train · validation:auc");

  // back to the failed run: re-run only Train with a fixed MaxDepth
  await page.goto(failedUrl);
  const rerun = page.getByTestId("rerun-panel");
  await expect(rerun.getByRole("checkbox", { name: "Train" })).toBeChecked();
  await rerun.getByRole("textbox", { name: "Parameter MaxDepth" }).fill("6");
  await rerun.getByRole("button", { name: "Re-run “Train”" }).click();
  await expect(page).not.toHaveURL(failedUrl, { timeout: 30_000 });
  await expect(page).toHaveURL(/\/executions\/[a-z0-9]+$/);
  await expect(page.getByTestId("rerun-of")).toContainText(`Re-run of ${failedId} from steps Train`);
  await expect(page.getByTestId("execution-status")).toHaveText("Succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("execution-parameters")).toContainText("6");
  await expect(page.getByTestId("steps-list")).toContainText("reused");
});
