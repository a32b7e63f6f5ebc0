import { expect, test } from "@playwright/test";
import { DEMO, NAV_LABELS, signIn, type DemoRole } from "./helpers";

for (const role of Object.keys(DEMO) as DemoRole[]) {
  test(`the demo ${role} signs in and sees their name and role`, async ({ page }) => {
    await page.goto("/login");
    await signIn(page, role);
    await expect(page.getByTestId("current-user")).toContainText(DEMO[role].name);
    await expect(page.getByTestId("current-role")).toHaveText(DEMO[role].label);
    await expect(page.getByTestId("data-source")).toHaveText("Local emulator");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
      ...NAV_LABELS,
    ]);
  });
}

test("an anonymous visitor is sent to sign-in and comes back to the page asked for", async ({ page }) => {
  await page.goto("/pipelines?view=recent");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fpipelines%3Fview%3Drecent$/);
  await signIn(page, "scientist");
  await expect(page).toHaveURL(/\/pipelines\?view=recent$/);
  await expect(page.getByRole("heading", { name: "Pipelines" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Pipelines" })).toHaveAttribute("aria-current", "page");
});

test("a callbackUrl to another site is ignored", async ({ page }) => {
  await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal");
  await signIn(page, "viewer");
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Username").fill("vera");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("login-error")).toContainText("Wrong username or password");
  await expect(page).toHaveURL(/\/login/);
});

test("sign-out ends the session", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "approver");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/models");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmodels/);
  expect((await page.request.get("/api/me")).status()).toBe(401);
});

test("the shell is keyboard navigable", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "manager");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const experiments = page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Experiments" });
  await experiments.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/experiments$/);
});

test("an unknown page says so, with a way back", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "viewer");
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the overview" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});
