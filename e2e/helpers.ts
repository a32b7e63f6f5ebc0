import { expect, type Page } from "@playwright/test";

export const DEMO = {
  viewer: { username: "vera", password: "vera-demo-pass", name: "Vera Viewer", label: "Viewer" },
  scientist: { username: "sam", password: "sam-demo-pass", name: "Sam Scientist", label: "Data scientist" },
  approver: { username: "alex", password: "alex-demo-pass", name: "Alex Approver", label: "Approver" },
  manager: { username: "maya", password: "maya-demo-pass", name: "Maya Manager", label: "Manager" },
  admin: { username: "ada", password: "ada-demo-pass", name: "Ada Admin", label: "Admin" },
} as const;

export type DemoRole = keyof typeof DEMO;

/** Fills the sign-in form on the current /login page and waits to leave it. */
export async function signIn(page: Page, role: DemoRole): Promise<void> {
  const user = DEMO[role];
  await expect(page.getByRole("heading", { name: "Sign in to SageDeck" })).toBeVisible();
  await page.waitForLoadState("networkidle"); // see toolchain pitfall 7 (CSRF cookie race)
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * Headers the dashboard's own pages send with every change (browsers add Origin themselves; API calls from a
 * test must say it): the route wrapper refuses writes without a same-origin Origin and a JSON body (CSRF).
 */
export const SAME_ORIGIN = {
  origin: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`,
  "content-type": "application/json",
} as const;

/** The main navigation's sections, in order, as every signed-in user sees them. */
export const NAV_LABELS = [
  "Overview",
  "Experiments",
  "Pipelines",
  "Models",
  "Endpoints",
  "Approvals",
  "Maturity",
  "Audit",
] as const;
