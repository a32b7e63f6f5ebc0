import { expect, test, type Page } from "@playwright/test";
import { signIn, type DemoRole, SAME_ORIGIN } from "./helpers";

// The e2e server is shared and other specs change its data first: assert structure, not counts.
const SECTIONS = ["approvals", "runs", "maturity"] as const;

async function overviewAs(page: Page, role: DemoRole) {
  await page.goto("/login");
  await signIn(page, role);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
}

async function onlySection(page: Page, visible: (typeof SECTIONS)[number]) {
  await expect(page.getByTestId(`overview-${visible}`)).toBeVisible();
  for (const other of SECTIONS.filter((s) => s !== visible))
    await expect(page.getByTestId(`overview-${other}`)).toHaveCount(0);
  // the generic counts stay below the role's section
  await expect(page.getByTestId("count-experiments")).toHaveText(/^\d+\+?$/);
}

test("an approver sees what waits for a decision first and opens the inbox", async ({ page }) => {
  await overviewAs(page, "approver");
  await onlySection(page, "approvals");
  const section = page.getByTestId("overview-approvals");
  await expect(section.getByRole("heading", { name: "Waiting for your decision" })).toBeVisible();
  await expect(section).toContainText(/versions? waits? for a decision|Nothing is waiting/);
  const waiting = section.getByRole("list", { name: "Oldest versions waiting" }).getByRole("link");
  if ((await waiting.count()) > 0) {
    await expect(waiting.first()).toHaveAttribute("href", /^\/models\/[^/]+\/\d+$/);
    await expect(section.getByText(/past the SLA|within SLA/).first()).toBeVisible();
  }
  await section.getByRole("link", { name: "Open the approvals inbox" }).click();
  await expect(page).toHaveURL(/\/approvals$/);
});

test("a scientist sees the run they started and the newest experiment runs, and opens both", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await overviewAs(page, "scientist");
  const name = `e2e-overview-${Date.now()}`;
  const started = await page.request.post("/api/pipelines/churn-train/executions", {
    headers: { ...SAME_ORIGIN, "Idempotency-Key": `e2e-overview-${Date.now()}` },
    data: { parameters: {}, displayName: name },
  });
  expect(started.status()).toBe(201);
  const { executionId } = (await started.json()) as { executionId: string };

  await page.goto("/");
  await onlySection(page, "runs");
  const section = page.getByTestId("overview-runs");
  const mine = section.getByRole("list", { name: "Your pipeline runs" });
  await expect(mine.getByRole("listitem").first()).toContainText(name);
  await expect(mine.getByRole("listitem").first()).toContainText(/Executing|Succeeded/);
  await mine.getByRole("link", { name: new RegExp(name) }).click();
  await expect(page).toHaveURL(new RegExp(`/pipelines/churn-train/executions/${executionId}$`));

  await page.goto("/");
  const runs = page.getByRole("list", { name: "Newest experiment runs" }).getByRole("link");
  await expect(runs.first()).toBeVisible();
  await runs.first().click();
  await expect(page).toHaveURL(/\/experiments\/[^/]+\/runs\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a manager sees the maturity summary and opens the full report", async ({ page }) => {
  test.setTimeout(120_000);
  await overviewAs(page, "manager");
  await onlySection(page, "maturity");
  const section = page.getByTestId("overview-maturity");
  const phases = section.getByRole("list", { name: "Solutions per phase" });
  await expect(phases.getByRole("link").first()).toHaveAttribute("href", /^\/maturity\/[^/]+$/);
  for (const phase of ["Initial", "Repeatable", "Reliable", "Scalable"])
    await expect(section.getByTestId(`overview-phase-${phase}`)).toContainText(phase);
  await expect(
    section.getByRole("list", { name: "Most urgent next steps" }).getByRole("listitem").first(),
  ).toContainText(/[IRLS]-\d+/);
  const kpis = section.getByRole("list", { name: "KPI headlines" }).getByRole("listitem");
  await expect(kpis).toHaveCount(3);
  await expect(section.getByTestId("overview-kpi-pipelineSuccess")).toContainText("n = ");
  await section.getByRole("link", { name: "Open the maturity report" }).click();
  await expect(page).toHaveURL(/\/maturity$/);
  await expect(page.getByRole("heading", { name: "Maturity", level: 1 })).toBeVisible();
});

test("an admin sees all three sections, and a viewer only the counts", async ({ page }) => {
  test.setTimeout(120_000);
  await overviewAs(page, "admin");
  for (const s of SECTIONS) await expect(page.getByTestId(`overview-${s}`)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await overviewAs(page, "viewer");
  for (const s of SECTIONS) await expect(page.getByTestId(`overview-${s}`)).toHaveCount(0);
  await expect(page.getByTestId("count-experiments")).toHaveText(/^\d+\+?$/);
});
