import { expect, test, type Page } from "@playwright/test";
import { signIn, type DemoRole, SAME_ORIGIN } from "./helpers";

const PIPELINE = "churn-train";
const PIPELINE_URL = `/pipelines/${PIPELINE}`;

async function as(page: Page, role: DemoRole, path: string) {
  await page.goto(path);
  await signIn(page, role);
  await page.goto(path);
}

/** Fills the start form (changed parameters + display name), submits, and waits for the execution page. */
async function startRun(page: Page, params: Record<string, string>, displayName: string): Promise<string> {
  await page.goto(`${PIPELINE_URL}/start`);
  for (const [k, v] of Object.entries(params)) await page.locator(`#param-${k}`).fill(v);
  await page.getByLabel("Display name (optional)").fill(displayName);
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/executions\/[a-z0-9]+$/);
  return page.url().split("/").pop() ?? "";
}

test("the list shows every pipeline with its 30-day figures, and search lives in the URL", async ({
  page,
}) => {
  await as(page, "viewer", "/pipelines");
  await expect(page.getByTestId("pipeline-row").first()).toBeVisible();
  await expect(page.getByRole("link", { name: PIPELINE, exact: true })).toBeVisible();
  await page.getByLabel("Search pipelines").fill("fraud");
  await page.getByLabel("Search pipelines").press("Enter");
  await expect(page).toHaveURL(/q=fraud/);
  await expect(page.getByRole("link", { name: PIPELINE, exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("link", { name: "fraud-detection-train" })).toBeVisible();
});

test("a scientist starts a run with a changed parameter, watches it succeed, and finds it at the top", async ({
  page,
}) => {
  await as(page, "scientist", PIPELINE_URL);
  await page.getByRole("link", { name: "Start a run" }).click();
  const id = await startRun(page, { MaxDepth: "5" }, "e2e-depth-5");
  await expect(page.getByTestId("step-Preprocess")).toBeVisible();
  await expect(page.getByTestId("execution-status")).toHaveText("Executing");
  await expect(page.getByTestId("execution-status")).toHaveText("Succeeded", { timeout: 45_000 });
  await expect(page.getByTestId("step-Train")).toHaveAttribute("data-status", "Succeeded");
  await expect(page.getByTestId("execution-parameters")).toContainText("MaxDepth");
  await page.getByTestId("step-CheckMetric").click();
  await expect(page.getByTestId("step-details")).toContainText("Condition → True");
  await expect(page.getByTestId("step-details")).toContainText(/MetricThreshold \(= 0\.8\)/);
  await page.getByTestId("step-Train").click();
  await expect(page.getByTestId("step-details")).toContainText("validation:auc");
  await page.goto(PIPELINE_URL);
  const top = page.getByTestId("execution-row").first();
  await expect(top).toContainText(id);
  await expect(top).toContainText("sam");
  await expect(top.locator('[data-param="MaxDepth"]')).toHaveText("5");
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption("Succeeded");
  await expect(page).toHaveURL(/status=Succeeded/);
  await expect(page.getByTestId("execution-row").first()).toContainText("Succeeded");
  await page.getByRole("combobox", { name: "Parameter name" }).selectOption("MaxDepth");
  await page.getByRole("textbox", { name: "Parameter value" }).fill("5");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL(/param=MaxDepth(=|%3D)5/);
  const rows = page.getByTestId("execution-row");
  await expect(rows.first()).toContainText(id);
  // retried until the filtered page has replaced the unfiltered one (the newest run heads both)
  await expect(rows.locator('[data-param="MaxDepth"]').filter({ hasNotText: /^5$/ })).toHaveCount(0);
  await page.goBack();
  await expect(page).not.toHaveURL(/param=/);
});

test("a run with invalid hyperparameters fails with its reason on the step; retry resumes it", async ({
  page,
}) => {
  await as(page, "scientist", PIPELINE_URL);
  await startRun(page, { MaxDepth: "40" }, "e2e-too-deep");
  await expect(page.getByTestId("execution-status")).toHaveText("Failed", { timeout: 45_000 });
  await page.getByTestId("step-Train").click();
  await expect(page.getByTestId("step-failure")).toContainText(/max_depth/i);
  await page.getByRole("button", { name: "Retry", exact: true }).click();
  await page.getByRole("button", { name: "Confirm retry" }).click();
  await expect(page.getByText("Retry started.")).toBeVisible();
  await expect(page.getByTestId("execution-status")).toHaveText(/Executing|Failed/);
});

test("stop stops a running execution; stopping it again is refused in plain words", async ({ page }) => {
  await as(page, "scientist", PIPELINE_URL);
  const id = await startRun(page, {}, "e2e-stop-me");
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await page.getByRole("button", { name: "Confirm stop" }).click();
  await expect(page.getByTestId("execution-status")).toHaveText(/Stopping|Stopped/);
  await expect(page.getByTestId("execution-status")).toHaveText("Stopped", { timeout: 30_000 });
  const res = await page.request.post(`/api/pipelines/${PIPELINE}/executions/${id}/stop`, {
    headers: { ...SAME_ORIGIN, "Idempotency-Key": `e2e-stop-again-${Date.now()}` },
  });
  expect(res.status()).toBe(409);
  expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/cannot be stopped/);
});

test("a double-clicked start creates one execution", async ({ page }) => {
  await as(page, "scientist", `${PIPELINE_URL}/start`);
  const name = `e2e-double-${Date.now()}`;
  await page.getByLabel("Display name (optional)").fill(name);
  await page.getByRole("button", { name: "Start run" }).dblclick();
  await expect(page).toHaveURL(/\/executions\/[a-z0-9]+$/);
  const res = await page.request.get(`/api/pipelines/${PIPELINE}/executions?find=${name}`);
  const body = (await res.json()) as { items: { displayName: string }[] };
  expect(body.items.filter((e) => e.displayName === name)).toHaveLength(1);
  // the same key sent twice by the API is also one execution
  const key = `e2e-key-${Date.now()}`;
  const send = () =>
    page.request.post(`/api/pipelines/${PIPELINE}/executions`, {
      headers: { ...SAME_ORIGIN, "Idempotency-Key": key },
      data: { parameters: { NumRound: 120 }, displayName: `${name}-api` },
    });
  const [a, b] = await Promise.all([send(), send()]);
  const arns = await Promise.all(
    [a, b].map(async (r) => ((await r.json()) as { executionArn: string }).executionArn),
  );
  expect(arns[0]).toBe(arns[1]);
});

test("a viewer sees no start button and the API refuses with 403; bad parameters get 422", async ({
  page,
}) => {
  await as(page, "viewer", PIPELINE_URL);
  await expect(page.getByTestId("execution-row").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Start a run" })).toHaveCount(0);
  const res = await page.request.post(`/api/pipelines/${PIPELINE}/executions`, {
    headers: { ...SAME_ORIGIN, "Idempotency-Key": `e2e-viewer-${Date.now()}` },
    data: { parameters: {} },
  });
  expect(res.status()).toBe(403);
});

test("the API refuses unknown parameters and wrong types with 422", async ({ page }) => {
  await as(page, "scientist", PIPELINE_URL);
  const post = (parameters: Record<string, unknown>) =>
    page.request.post(`/api/pipelines/${PIPELINE}/executions`, {
      headers: { ...SAME_ORIGIN, "Idempotency-Key": `e2e-bad-${Date.now()}-${Math.random()}` },
      data: { parameters },
    });
  const unknown = await post({ Depth: "3" });
  expect(unknown.status()).toBe(422);
  expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(
    /no parameter "Depth"/,
  );
  const wrong = await post({ MaxDepth: "deep" });
  expect(wrong.status()).toBe(422);
  expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/whole number/);
});

test("the start form says what is wrong before anything is sent (its own checks, no schema library)", async ({
  page,
}) => {
  await as(page, "scientist", `${PIPELINE_URL}/start`);
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/executions")) posts.push(r.url());
  });
  await page.locator("#param-MaxDepth").fill("deep");
  await page.getByLabel("Display name (optional)").fill("-bad name");
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page.getByText("MaxDepth must be a whole number (Integer).")).toBeVisible();
  await expect(page.getByText("Display name: up to 82 letters, digits and hyphens")).toBeVisible();
  expect(posts).toEqual([]);
  await expect(page).toHaveURL(/\/start$/);
});

test("ModelApprovalStatus is locked on the start form and refused by the API (no self-approval)", async ({
  page,
}) => {
  await as(page, "scientist", `${PIPELINE_URL}/start`);
  const field = page.locator("#param-ModelApprovalStatus");
  await expect(field).toHaveValue("PendingManualApproval");
  await expect(field).not.toBeEditable();
  await expect(page.locator("select#param-ModelApprovalStatus")).toHaveCount(0); // no "Approved" to pick
  await expect(page.getByTestId("locked-ModelApprovalStatus")).toContainText(
    "approval happens in the Approvals inbox, by someone other than the person who started the run",
  );
  const res = await page.request.post(`/api/pipelines/${PIPELINE}/executions`, {
    headers: { ...SAME_ORIGIN, "Idempotency-Key": `e2e-approved-${Date.now()}` },
    data: { parameters: { ModelApprovalStatus: "Approved" } },
  });
  expect(res.status()).toBe(422);
  expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
    /^ModelApprovalStatus is locked to PendingManualApproval/,
  );
});
