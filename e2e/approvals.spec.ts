import { expect, test, type Page } from "@playwright/test";
import { signIn, SAME_ORIGIN } from "./helpers";
import { rolloutEnd, rolloutInService } from "./rollout";

// Rollouts take 120 simulated seconds: run with EMULATOR_SPEED=60 (or more) in the environment.
const GROUP = "fraud-xgboost";

test("an approver approves and rejects from the inbox, with the report's evidence; the audit shows both", async ({
  page,
}) => {
  await page.goto(`/approvals?group=${GROUP}`);
  await signIn(page, "approver");
  await expect(page).toHaveURL(new RegExp(`/approvals\\?group=${GROUP}`));

  const cards = page.locator(`[data-testid^="inbox-${GROUP}-"]`);
  await expect(cards.first()).toBeVisible();
  const first = cards.first();
  const version = Number((await first.getAttribute("data-testid"))?.split("-").pop());
  const other = Number((await cards.nth(1).getAttribute("data-testid"))?.split("-").pop());
  await expect(first).toContainText("quality gate passed");
  // fraud detection registers ModelMetrics only: the card's metrics come from the S3 evaluation report
  await expect(first.locator('[data-metric="auc"] [data-testid="metric-source"]')).toContainText(
    /^report: s3:\/\/.+evaluation\.json$/,
  );
  await first.getByLabel("Reason (required)").fill("AUC clears the gate; evaluation report reviewed");
  await first.getByRole("button", { name: "Approve", exact: true }).click();
  await first.getByRole("button", { name: "Confirm approve" }).click();
  await expect(page.getByTestId(`inbox-${GROUP}-${version}`)).toHaveCount(0); // it left the inbox

  const second = page.getByTestId(`inbox-${GROUP}-${other}`);
  await second.getByLabel("Reason (required)").fill("Worse than production on recall; retrain");
  await second.getByRole("button", { name: "Reject", exact: true }).click();
  await second.getByRole("button", { name: "Confirm reject" }).click();
  await expect(second).toHaveCount(0);

  await page.goto(`/models/${GROUP}/${version}`);
  await expect(page.getByText("Approved by Alex Approver via SageDeck")).toBeVisible();
  await expect(page.getByTestId("metrics")).toContainText("report: s3://");

  await page.goto(`/audit?group=${GROUP}`);
  const rows = page.getByRole("table", { name: "Audit events" });
  await expect(rows).toContainText("model.approve");
  await expect(rows).toContainText("model.reject");
  await expect(rows).toContainText("Worse than production on recall; retrain");
});

// Promotion and rollback build on each other (a rollback needs the promotions before it): one serial group, on
// versions of their own, so a failure names its step and the inbox test above is not affected. fraud-xgboost
// deploys through its deploy pipeline (deploy-gate.spec.ts), so the direct path uses fraud-graph, whose stage
// endpoints live in the staging and production accounts: an admin grants them access to the group first.
test.describe.serial("promotion path", () => {
  const DIRECT = "fraud-graph";
  let first = 0;
  let second = 0;

  /**
   * fraud-graph shares its solution's endpoints with fraud-xgboost, whose deploy pipeline (started by the inbox
   * test's approval) redeploys the staging endpoint. SageDeck then answers "another deployment is in progress"
   * (409, nothing written), or — when that deployment lands before SageDeck saw ours serve — records the rollout
   * failed ("redeployed by someone else"). Like a person would, try again until the version is InService there.
   */
  async function promoteTo(page: Page, stage: "Staging" | "Production") {
    await expect
      .poll(
        async () => {
          await page.reload();
          if (stage === "Production")
            await page
              .getByLabel("Reason (required for Production and rollback)")
              .fill("Staging checks passed; latency within budget");
          await page
            .getByRole("button", { name: `Promote to ${stage}`, exact: true })
            .click({ timeout: 30_000 });
          const [answer] = await Promise.all([
            page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/promote"), {
              timeout: 30_000,
            }),
            page.getByRole("button", { name: `Confirm promote to ${stage}` }).click({ timeout: 30_000 }),
          ]);
          const body = (await answer.json()) as { decision?: { id: string }; error?: { message: string } };
          if (!body.decision)
            return body.error?.message.includes("another deployment is in progress")
              ? "busy"
              : body.error?.message;
          const end = await rolloutEnd(page, { decision: body.decision.id });
          return end.outcome.includes("redeployed by someone else") ? "superseded" : end.label;
        },
        { timeout: 240_000, intervals: [5_000], message: `the promotion to ${stage} ends InService` },
      )
      .toBe("InService");
  }

  async function promote(page: Page, version: number) {
    await page.goto(`/models/${DIRECT}/${version}`);
    await promoteTo(page, "Staging");
    await promoteTo(page, "Production");
    await page.reload();
    await expect(page.getByTestId("deployments")).toContainText(/Production:.*serves this version/);
  }

  test("two approved versions are promoted to Staging, then to Production", async ({ page, browser }) => {
    test.setTimeout(420_000);
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await admin.goto("/");
    await signIn(admin, "admin");
    const granted = await admin.request.post(`/api/models/${DIRECT}/sharing`, {
      headers: { ...SAME_ORIGIN, "idempotency-key": `e2e-grant-${Date.now()}` },
      data: {},
    });
    // 409: already granted (accounts-promotion.spec.ts grants it through the page)
    expect([200, 409], await granted.text()).toContain(granted.status());
    await adminContext.close();

    await page.goto(`/approvals?group=${DIRECT}`);
    await signIn(page, "approver");
    const cards = page.locator(`[data-testid^="inbox-${DIRECT}-"]`);
    await expect(cards.nth(1)).toBeVisible();
    const versionOf = async (i: number) =>
      Number((await cards.nth(i).getAttribute("data-testid"))?.split("-").pop());
    const count = await cards.count();
    [first, second] = [await versionOf(count - 1), await versionOf(count - 2)];
    for (const version of [first, second]) {
      const approved = await page.request.post(`/api/models/${DIRECT}/${version}/approve`, {
        headers: { ...SAME_ORIGIN, "idempotency-key": `e2e-promote-${version}-${Date.now()}` },
        data: { expectedStatus: "PendingManualApproval", reason: "Evaluation report reviewed for promotion" },
      });
      expect(approved.status(), await approved.text()).toBeLessThan(300);
    }
    await promote(page, first);
    await promote(page, second);
  });

  test("Production is rolled back; history, audit and 'what was live' show every step", async ({ page }) => {
    test.setTimeout(300_000);
    expect(second, "the promotion test chose its versions").toBeGreaterThan(0);
    await page.goto(`/models/${DIRECT}/${second}`);
    await signIn(page, "approver");
    await page.getByLabel("Reason (required for Production and rollback)").fill("p99 latency regression");
    await page.getByRole("button", { name: "Roll back Production", exact: true }).click();
    await page.getByRole("button", { name: "Confirm roll back" }).click();
    await rolloutInService(page, /Rollback of version \d+ to Production/);
    // the rollback is on record with its reason: the box is empty for the next one
    await expect(page.getByLabel("Reason (required for Production and rollback)")).toHaveValue("");
    await page.reload();
    await expect(page.getByTestId("deployments")).not.toContainText(/Production:.*serves this version/);
    await page.goto(`/models/${DIRECT}/${first}`);
    await expect(page.getByTestId("deployments")).toContainText(/Production:.*serves this version/);

    await page.goto(`/models/${DIRECT}/${second}`);
    const history = page.getByRole("list", { name: "Decision history" });
    await expect(history).toContainText("Approved");
    await expect(history).toContainText("Promoted to Staging");
    await expect(history).toContainText("Promoted to Production");
    await expect(history).toContainText("Rolled back in Production");

    await page.goto(`/audit?group=${DIRECT}`);
    const rows = page.getByRole("table", { name: "Audit events" });
    await expect(rows).toContainText("model.rollback");
    await expect(rows).toContainText("model.promote");
    await expect(rows).toContainText("p99 latency regression");

    // what was live a minute from now: the decision record answers
    const soon = new Date(Date.now() + 60_000).toISOString().slice(0, 16);
    await page.goto(`/audit?group=${DIRECT}&at=${soon}`);
    await expect(page.getByTestId("stages-at")).toContainText(`Staging: version ${second}`);
    await expect(page.getByTestId("stages-at")).toContainText("SageDeck decision record");
    await expect(page.getByRole("link", { name: "Export these events as CSV" })).toHaveAttribute(
      "href",
      `/api/audit/export?group=${DIRECT}`,
    );
  });
});

test("a viewer sees the inbox and the evidence but cannot decide; the API refuses with 403", async ({
  page,
}) => {
  await page.goto(`/approvals?group=fraud-graph`);
  await signIn(page, "viewer");
  const cards = page.locator(`[data-testid^="inbox-fraud-graph-"]`);
  await expect(cards.first()).toBeVisible();
  await expect(cards.first()).toContainText("Only approvers can decide.");
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const version = Number((await cards.first().getAttribute("data-testid"))?.split("-").pop());
  const res = await page.request.post(`/api/models/fraud-graph/${version}/approve`, {
    headers: SAME_ORIGIN,
    data: { expectedStatus: "PendingManualApproval" },
  });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  await page.goto(`/models/fraud-graph/${version}`);
  await expect(page.getByText("Your role (viewer) can read but not decide.")).toBeVisible();
});
