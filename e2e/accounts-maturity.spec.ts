import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The e2e server runs the emulator's three demo accounts (playwright.config.ts: SAGEDECK_DEMO_ACCOUNTS=1).
const DEVELOPMENT = "development (123456789012)";
const PRODUCTION = "production (333333333333)";

test("a manager sees L-4 pass for card fraud (production in its own account) and fail for churn", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("/maturity/risk");
  await signIn(page, "manager");
  await expect(page).toHaveURL(/\/maturity\/risk$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Card fraud detection");

  const fraud = page.getByTestId("check-L-4");
  await expect(fraud).toContainText("Production isolated in its own account");
  await expect(fraud.getByText("Pass", { exact: true })).toBeVisible();
  await expect(fraud).toContainText("1 of 1 (100%) of production endpoints in a separate account");
  const fraudEvidence = fraud.getByRole("list", { name: "L-4 evidence" });
  // the production endpoint runs in the production account; the models are built and registered in development
  await expect(fraudEvidence).toContainText(
    new RegExp(`fraud-detection-prod runs in ${escape(PRODUCTION)};.*in ${escape(DEVELOPMENT)}`),
  );
  await expect(fraudEvidence).not.toContainText("where the models are also built");

  // churn (team growth) still serves production from its development account
  await page.goto("/maturity/growth");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Customer churn");
  const churn = page.getByTestId("check-L-4");
  await expect(churn.getByText("Fail", { exact: true })).toBeVisible();
  await expect(churn).toContainText("0 of 1 (0%) of production endpoints in a separate account");
  await expect(churn.getByRole("list", { name: "L-4 evidence" })).toContainText(
    new RegExp(`churn-prod runs in ${escape(DEVELOPMENT)}, where the models are also built or registered`),
  );
  await expect(churn).toContainText("Split development, staging and production into separate accounts");
});

test("an admin sees the three accounts reachable, each with the identity SageDeck has there", async ({
  page,
}) => {
  await page.goto("/settings/accounts");
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/settings\/accounts$/);
  await expect(page.getByRole("heading", { name: "AWS accounts", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "AWS accounts" });
  await expect(table.locator("tbody tr")).toHaveCount(3);

  const accounts = [
    {
      name: "development",
      id: "123456789012",
      stage: "Development",
      identity: /arn:aws:(?:iam|sts)::123456789012:/,
    },
    {
      name: "staging",
      id: "222222222222",
      stage: "Staging",
      identity: /arn:aws:sts::222222222222:assumed-role\/SageDeckRole\//,
    },
    {
      name: "production",
      id: "333333333333",
      stage: "Production",
      identity: /arn:aws:sts::333333333333:assumed-role\/SageDeckRoleWithExternalId\//,
    },
  ];
  for (const a of accounts) {
    const row = page.getByTestId(`account-${a.name}`);
    await expect(row).toContainText(a.id);
    await expect(row).toContainText(a.stage);
    await expect(row).toContainText("reachable");
    await expect(row).not.toContainText("unreachable");
    await expect(row.getByTestId("last-error")).toHaveCount(0);
    // the identity column: who SageDeck is in that account (STS GetCallerIdentity)
    await expect(row.locator("td").nth(5)).toContainText(a.identity);
  }
  await expect(page.getByTestId("account-development")).toContainText("SageDeck's own credentials (home)");
  await expect(page.getByTestId("account-staging")).toContainText(
    "assumes arn:aws:iam::222222222222:role/SageDeckRole",
  );
  await expect(page.getByTestId("account-production")).toContainText("external id: set");
});

test("the accounts settings page is for admins only: a manager gets a not-found page", async ({ page }) => {
  await page.goto("/settings/accounts");
  await signIn(page, "manager");
  await page.goto("/settings/accounts");
  await expect(page.getByRole("table", { name: "AWS accounts" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
