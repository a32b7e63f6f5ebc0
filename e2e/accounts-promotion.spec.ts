import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { rolloutInService } from "./rollout";

// The graph model of card fraud detection: deployed directly by SageDeck (no deploy pipeline is linked to the
// group), onto its solution's stage endpoints, which live in the staging and production accounts
// (emulator/seed/accounts.ts). Its resource policy does not share it with those accounts yet (only
// fraud-xgboost's does), so an admin grants access first. fraud-xgboost, recsys and search deploy through their
// pipelines (deploy-gate.spec.ts).
const GROUP = "fraud-graph";
const ENDPOINT = { Staging: "fraud-detection-staging", Production: "fraud-detection-prod" } as const;
const ACCOUNT = { Staging: "staging", Production: "production" } as const;

interface VersionItem {
  version: number;
  approvalStatus: string;
  stage?: string;
  live?: string;
}

async function waitForRollout(page: Page, stage: keyof typeof ENDPOINT) {
  // the stage's existing endpoint, in the account that holds it (its account shows on the version page)
  await rolloutInService(page, new RegExp(`Promotion of version \\d+ to ${stage} on ${ENDPOINT[stage]}`));
}

/** The stage's line on the version page: the endpoint, its account badge, InService, serving this version. */
async function expectServedHere(page: Page, stage: keyof typeof ENDPOINT) {
  const line = page
    .getByTestId("deployments")
    .getByRole("listitem")
    .filter({ hasText: `${stage}:` });
  await expect(line).toContainText(
    new RegExp(`${ENDPOINT[stage]}\\s*Account ${ACCOUNT[stage]}\\s*\\(InService\\) serves this version`),
  );
  await expect(line.getByTestId("account-badge")).toHaveAttribute("data-account", ACCOUNT[stage]);
}

/** The endpoints page, filtered to the stage's endpoint: one row, in the stage's account, InService, this version. */
async function expectOnEndpointsPage(page: Page, stage: keyof typeof ENDPOINT, version: number) {
  await page.goto(`/endpoints?q=${ENDPOINT[stage]}`);
  const row = page.getByTestId("endpoint-row").filter({ hasText: ENDPOINT[stage] });
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute("data-account", ACCOUNT[stage]);
  await expect(row.getByTestId("account-badge")).toHaveAttribute("data-account", ACCOUNT[stage]);
  await expect(row).toContainText("InService");
  await expect(row.getByRole("link", { name: `${GROUP} v${version}`, exact: true })).toBeVisible();
}

/** An admin, in a browser of their own, grants the stage accounts access to the group on its page. */
async function adminGrantsAccess(browser: Browser) {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await admin.goto(`/models/${GROUP}`);
  await signIn(admin, "admin");
  const banner = admin.getByRole("status").filter({ hasText: "resource policy does not share its versions" });
  await expect(banner).toContainText("staging (222222222222, Staging)");
  await expect(banner).toContainText("production (333333333333, Production)");
  await banner.getByRole("button", { name: "Grant access" }).click();
  await expect(banner).toHaveCount(0);
  await context.close();
}

test("an approver promotes an approved version into the staging account, then the production account", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await page.goto(`/models/${GROUP}`);
  await signIn(page, "approver");

  // an Approved version that is not live anywhere and has not been staged
  const res = await page.request.get(`/api/models/${GROUP}?status=Approved&order=Descending`);
  expect(res.status(), await res.text()).toBe(200);
  const { items } = (await res.json()) as { items: VersionItem[] };
  const candidate = items.find((v) => !v.live && (v.stage ?? "Development") === "Development");
  expect(candidate, "the seed has an approved version that was never deployed").toBeDefined();
  const version = candidate?.version ?? 0;

  await page.goto(`/models/${GROUP}/${version}`);
  const deployments = page.getByTestId("deployments");
  // before: both stages have their endpoints in their own accounts, serving other versions
  await expect(deployments.getByTestId("account-badge")).toHaveCount(2);
  await expect(deployments).not.toContainText("serves this version");
  // the staging account is not granted the group yet: offered, disabled, with the reason
  const promoteStaging = page.getByRole("button", { name: "Promote to Staging" });
  await expect(promoteStaging).toBeDisabled();
  await expect(page.getByText(/does not grant account staging \(222222222222\)/)).toBeVisible();

  await adminGrantsAccess(browser);
  await page.reload();
  await expect(promoteStaging).toBeEnabled();
  await promoteStaging.click();
  await page.getByRole("button", { name: "Confirm promote to Staging" }).click();
  await waitForRollout(page, "Staging");
  await page.reload();
  await expectServedHere(page, "Staging");
  await expect(deployments).not.toContainText(/Production:.*serves this version/);
  await expectOnEndpointsPage(page, "Staging", version);

  await page.goto(`/models/${GROUP}/${version}`);
  await page
    .getByLabel("Reason (required for Production and rollback)")
    .fill("Staging checks passed in the staging account; latency within budget");
  const promoteProduction = page.getByRole("button", { name: "Promote to Production" });
  await expect(promoteProduction).toBeEnabled();
  await promoteProduction.click();
  await page.getByRole("button", { name: "Confirm promote to Production" }).click();
  await waitForRollout(page, "Production");
  await page.reload();
  await expectServedHere(page, "Production");
  await expectServedHere(page, "Staging");
  await expectOnEndpointsPage(page, "Production", version);

  // the decision record keeps both steps
  await page.goto(`/models/${GROUP}/${version}`);
  const history = page.getByRole("list", { name: "Decision history" });
  await expect(history).toContainText("Promoted to Staging");
  await expect(history).toContainText("Promoted to Production");
});
