import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const PIPELINE_URL = "/pipelines/churn-train";

test("a scientist opens a failed run's training step and reads the error line in its logs", async ({
  page,
}) => {
  await page.goto(PIPELINE_URL);
  await signIn(page, "scientist");
  await page.goto(`${PIPELINE_URL}/start`);
  await page.locator("#param-MaxDepth").fill("40");
  await page.getByLabel("Display name (optional)").fill("e2e-logs-too-deep");
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/executions\/[a-z0-9]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("execution-status")).toHaveText("Failed", { timeout: 45_000 });
  await page.getByTestId("step-Train").click();
  const logs = page.getByTestId("step-logs");
  await expect(logs).toBeVisible();
  // a failed step opens on its last lines, the error line highlighted
  await expect(logs.getByTestId("log-error-line")).toContainText(/ClientError: Hyperparameter 'max_depth'/, {
    timeout: 30_000,
  });
  await expect(logs.getByTestId("log-lines")).toContainText("Traceback (most recent call last):");
  // the filter is applied by CloudWatch Logs: only the matching line is left
  await logs.getByRole("textbox", { name: "Filter pattern" }).fill("Traceback");
  await logs.getByRole("button", { name: "Filter" }).click();
  await expect(logs.getByTestId("log-lines").locator("> div")).toHaveCount(1);
});
