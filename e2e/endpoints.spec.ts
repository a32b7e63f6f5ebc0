import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

async function asViewer(page: Page, path: string) {
  await page.goto(path);
  await signIn(page, "viewer");
  await page.goto(path);
}

/** How many accounts the server is configured with, as the page reports it. */
async function accountCount(page: Page): Promise<number> {
  const summary = page.getByTestId("endpoints-summary");
  await expect(summary).toBeVisible();
  return Number(await summary.getAttribute("data-accounts"));
}

test("the endpoints list: filters and sort live in the URL and survive reload and Back", async ({ page }) => {
  await asViewer(page, "/endpoints");
  await expect(page.getByRole("link", { name: "Endpoints", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByTestId("endpoint-row").first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "fraud-detection-prod", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "fraud-detection-staging", exact: true })).toBeVisible();

  await page.getByRole("combobox", { name: "Stage", exact: true }).selectOption("Production");
  await expect(page).toHaveURL(/stage=Production/);
  await expect(page.getByRole("cell", { name: "fraud-detection-staging", exact: true })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "fraud-detection-prod", exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Stage", exact: true })).toHaveValue("Production");
  await expect(page.getByRole("cell", { name: "fraud-detection-staging", exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: /Last modified/ }).click();
  await expect(page).toHaveURL(/sort=lastModified&order=desc|order=desc.*sort=lastModified/);
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/);
  await page.goBack();
  await expect(page).not.toHaveURL(/stage=/);
  await expect(page.getByRole("cell", { name: "fraud-detection-staging", exact: true })).toBeVisible();

  // the served version links to its version page (fraud-xgboost's, or fraud-graph's once
  // accounts-promotion.spec.ts has promoted one: both groups are the fraud solution's)
  await page.getByLabel("Search endpoints").fill("fraud-detection-prod");
  await page.getByLabel("Search endpoints").press("Enter");
  await expect(page.getByTestId("endpoint-row")).toHaveCount(1);
  const served = page.getByTestId("endpoint-row").getByRole("link", { name: /^fraud-(xgboost|graph) v\d+$/ });
  const [, group, version] = /^(\S+) v(\d+)$/.exec(await served.innerText()) ?? [];
  await served.click();
  await expect(page).toHaveURL(new RegExp(`/models/${group}/${version}$`));
});

test("with several accounts: every row has its account, and the account filter is a deep link", async ({
  page,
}) => {
  await asViewer(page, "/endpoints");
  // the e2e server runs one account until it is switched to the demo accounts: then this test runs
  test.skip((await accountCount(page)) < 2, "the server is configured with a single account");
  const rows = page.getByTestId("endpoint-row");
  await expect(rows.first()).toBeVisible();
  const accounts = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-account")));
  expect(new Set(accounts).size).toBeGreaterThan(1);
  await expect(rows.first().getByTestId("account-badge")).toBeVisible();

  await page.getByRole("combobox", { name: "Account", exact: true }).selectOption("production");
  await expect(page).toHaveURL(/account=production/);
  await expect(rows.first()).toHaveAttribute("data-account", "production");
  expect(new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-account"))))).toEqual(
    new Set(["production"]),
  );
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Account", exact: true })).toHaveValue("production");
  await page.goBack();
  await expect(page).not.toHaveURL(/account=/);

  // a badge is a link to its account's endpoints
  await page.getByTestId("account-badge").first().click();
  await expect(page).toHaveURL(/account=[a-z]/);
});
