import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Recommendations ranking: a SageMaker Project's group (sagemaker:project-name → sagemaker-recsys-ranking-modeldeploy),
// so SageDeck never deploys it itself — approving a version in the registry starts the deploy pipeline (the
// emulator's EventBridge rule), which deploys staging, tests it and waits at its manual approval gate. Other specs
// use fraud-xgboost and search-ranking; this one keeps to its own group.
const GROUP = "recsys-ranking-p-r3cgx8f2k1ab";
const PIPELINE = "sagemaker-recsys-ranking-modeldeploy";
const PRODUCTION = "recsys-ranking-prod";

/** A gate card's heading names its version: "<group> version <n>" (not n0, n1…). */
const mineText = (version: number) => new RegExp(`${GROUP} version ${version}(?!\\d)`);

/** The version page's Deploy pipeline panel: the execution that deploys this version. */
const execution = (page: Page) => page.getByTestId("deploy-progress").getByTestId("deploy-execution").first();

test("an approver approves a version, a second approver opens its deploy gate, production scales", async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);
  await page.goto(`/approvals?group=${GROUP}`);
  await signIn(page, "approver");

  // 1. the registry approval (Alex): the newest version waiting
  const cards = page.locator(`[data-testid^="inbox-${GROUP}-"]`);
  await expect(cards.first()).toBeVisible();
  const version = Number((await cards.first().getAttribute("data-testid"))?.split("-").pop());
  expect(version).toBeGreaterThan(0);
  await cards.first().getByLabel("Reason (required)").fill("NDCG up on the holdout; ship it");
  await cards.first().getByRole("button", { name: "Approve", exact: true }).click();
  await cards.first().getByRole("button", { name: "Confirm approve" }).click();
  await expect(page.getByTestId(`inbox-${GROUP}-${version}`)).toHaveCount(0);

  // 2. the version page says the pipeline deploys it and follows its execution to the approval gate
  await page.goto(`/models/${GROUP}/${version}`);
  await expect(page.getByTestId("deployment-mode")).toContainText(`Deployed by the pipeline ${PIPELINE}`);
  await expect(page.getByRole("button", { name: /Promote to/ })).toHaveCount(0);
  await expect(execution(page)).toBeVisible({ timeout: 60_000 });
  await expect(execution(page).getByTestId("stage-DeployStaging")).toContainText(
    /ApproveDeployment InProgress/,
    { timeout: 240_000 },
  );
  await expect(execution(page).getByTestId("stage-DeployStaging")).toContainText("TestStaging Succeeded");
  await expect(execution(page).getByTestId("stage-DeployProd")).toHaveText(/DeployProd:\s*NotStarted/);

  // 3. Alex approved it in the registry: separation of duties leaves the gate to someone else
  await page.goto(`/approvals?group=${GROUP}`);
  const mine = page
    .getByRole("list", { name: "Deploy gates waiting" })
    .getByRole("listitem")
    .filter({ hasText: mineText(version) });
  await expect(mine).toContainText("You approved this version in the registry");
  await expect(mine.getByRole("button", { name: "Approve deployment" })).toHaveCount(0);

  // 4. Ada answers the gate from her inbox, with a reason
  const other = await browser.newContext();
  const admin = await other.newPage();
  await admin.goto(`/approvals?group=${GROUP}`);
  await signIn(admin, "admin");
  const gate = admin
    .getByRole("list", { name: "Deploy gates waiting" })
    .getByRole("listitem")
    .filter({ hasText: mineText(version) });
  await expect(gate).toContainText(/Staging endpoint: recsys-ranking-staging in \S+ \(deploy Succeeded\)/);
  await expect(gate).toContainText("TestStaging Succeeded");
  await expect(gate).toContainText("approved in the registry by");
  await gate.getByLabel("Gate reason").fill("Staging latency and NDCG within budget");
  await gate.getByRole("button", { name: "Approve deployment" }).click();
  // answered: it leaves the inbox (the card says "Answered." until the list refreshes)
  await expect(
    admin
      .getByRole("list", { name: "Deploy gates waiting" })
      .getByRole("listitem")
      .filter({ hasText: mineText(version) }),
  ).toHaveCount(0, { timeout: 30_000 });
  await other.close();

  // 5. the pipeline deploys production: the version page shows it serving there, autoscaled
  await page.goto(`/models/${GROUP}/${version}`);
  await expect(execution(page).getByTestId("stage-DeployProd")).toContainText("Succeeded", {
    timeout: 240_000,
  });
  await expect(execution(page)).toContainText("Succeeded");
  await page.reload();
  const production = page.getByTestId("deployments").getByRole("listitem").filter({ hasText: "Production:" });
  await expect(production).toContainText(new RegExp(`${PRODUCTION}.*\\(InService\\) serves this version`));
  await expect(production.getByTestId("production-scaling")).toContainText(
    /\d+–\d+ instances, target \d+ invocations\/instance\/min/,
  );

  // and the Endpoints page agrees
  await page.goto(`/endpoints?q=${PRODUCTION}`);
  const row = page.getByTestId("endpoint-row").filter({ hasText: PRODUCTION });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("InService");
  await expect(row.getByRole("link", { name: `${GROUP} v${version}`, exact: true })).toBeVisible();
  await expect(row.getByTestId("endpoint-scaling")).toContainText(/\d+–\d+ instances, target \d+/);
});
