import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a manager sees the organisation's maturity and follows a solution's evidence to the model version", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("/maturity");
  await signIn(page, "manager");
  await expect(page).toHaveURL(/\/maturity$/);
  await expect(page.getByRole("heading", { name: "Maturity", level: 1 })).toBeVisible();

  // solutions by phase (by their display names, from the sagedeck:solution-name tag), the heat map, KPI tiles
  await expect(page.getByRole("list", { name: "Reliable solutions" })).toContainText("Card fraud detection");
  await expect(page.getByRole("list", { name: "Scalable solutions" })).toContainText(
    "Recommendations ranking",
  );
  await expect(page.getByTestId("heat-growth").getByLabel("L-2 Fail")).toBeVisible();
  await expect(page.getByTestId("kpi-pipelineSuccess")).toContainText("n = ");
  // the shared wait formatter (lib/overview/waited.ts): "12 min" under an hour, "5 h" under 48 h, "3 d" from there
  await expect(page.getByTestId("kpi-approvalQueue")).toContainText(/oldest \d+ (min|h|d)/);

  // the phase filter lives in the URL and survives a reload
  await page.getByRole("combobox", { name: "Filter by phase" }).selectOption("Repeatable");
  await expect(page).toHaveURL(/phase=Repeatable/);
  await page.reload();
  await expect(page.getByRole("list", { name: "Repeatable solutions" })).toContainText("Customer churn");
  await expect(page.getByTestId("heat-risk")).toHaveCount(0);

  // one solution: L-2 catches churn's unapproved production version; its evidence opens the version page
  await page
    .getByRole("list", { name: "Repeatable solutions" })
    .getByRole("link", { name: "Customer churn" })
    .click();
  // the key, not the name, is the address
  await expect(page).toHaveURL(/\/maturity\/growth$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Customer churn");
  await expect(page).toHaveTitle(/Customer churn/);
  const l2 = page.getByTestId("check-L-2");
  await expect(l2).toContainText("Fail");
  await expect(l2).toContainText("Deploy production only from registry versions");
  const evidence = l2.getByRole("list", { name: "L-2 evidence" }).getByRole("link").first();
  await expect(evidence).toContainText(/churn-prod serves churn-xgboost v\d+/);
  await evidence.click();
  await expect(page).toHaveURL(/\/models\/churn-xgboost\/\d+$/);
});
