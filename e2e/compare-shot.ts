/**
 * Saves a screenshot of a pipeline experiment's compare view at 1440 px (docs/screenshots/issue-20/compare-*.png):
 * `node node_modules/tsx/dist/cli.mjs e2e/compare-shot.ts <base url> <png>` against a running dashboard (its emulator
 * with EMULATOR_SPEED=10, so a run takes seconds). Starts three runs of churn-train (its experiment gets one "Train"
 * run per execution), compares their three Train runs and hovers the first metric's first bar so its tooltip shows.
 */
import { chromium, type Page } from "@playwright/test";
import { chromiumLaunch } from "./chromium";
import { DEMO } from "./helpers";

const PIPELINE = "churn-train";

async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.waitForLoadState("networkidle"); // the CSRF cookie first (see e2e/helpers.ts)
  await page.getByLabel("Username").fill(DEMO.scientist.username);
  await page.getByLabel("Password").fill(DEMO.scientist.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

async function startRun(page: Page, base: string, displayName: string): Promise<void> {
  await page.goto(`${base}/pipelines/${PIPELINE}/start`);
  await page.getByLabel("Display name (optional)").fill(displayName);
  await page.getByRole("button", { name: "Start run" }).click();
  await page.waitForURL(/\/executions\/[a-z0-9]+$/, { timeout: 30_000 });
  await page.getByTestId("execution-status").filter({ hasText: "Succeeded" }).waitFor({ timeout: 120_000 });
}

async function main(): Promise<void> {
  const [base, out] = process.argv.slice(2);
  if (!base || !out) throw new Error("usage: compare-shot.ts <base url> <png>");
  const browser = await chromium.launch(chromiumLaunch());
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, base);
    for (const name of ["shot-a", "shot-b", "shot-c"]) await startRun(page, base, name);

    await page.goto(`${base}/experiments/${PIPELINE}`);
    const table = page.getByRole("table", { name: "Runs" });
    // the Train step's runs of three executions (each execution also logs an Evaluate run)
    const train = table.getByRole("row").filter({ has: page.getByRole("link", { name: /^Train/ }) });
    await train.nth(2).getByRole("checkbox").waitFor({ timeout: 30_000 });
    for (const i of [0, 1, 2]) await train.nth(i).getByRole("checkbox").click();
    await page
      .getByRole("link", { name: "Compare 3 runs" })
      .click({ timeout: 15_000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: `${out}.failed.png`, fullPage: true });
        throw e;
      });
    await page.getByRole("table", { name: "Runs side by side" }).waitFor();
    const bar = page.locator('section[aria-label="Metrics per run"] .recharts-bar-rectangle').first();
    await bar.waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    await bar.hover();
    await page.locator(".recharts-tooltip-wrapper").first().waitFor();
    await page.screenshot({ path: out, fullPage: true });
  } finally {
    await browser.close();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
