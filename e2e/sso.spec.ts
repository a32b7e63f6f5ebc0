import { expect, test, type Page } from "@playwright/test";
import { setProviderUser, startSso } from "./helpers-oidc";
import { OIDC } from "./oidc-settings";

// Single sign-on through a real OpenID Connect provider (e2e/oidc-provider.ts, started by playwright.config.ts):
// authorization code flow with PKCE, groups → role by AUTH_ROLE_MAP (OIDC.roleMap).

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/me")).status()).toBe(401);
}

test("a user signs in through the provider with PKCE, gets the role their groups map to, and signs out", async ({
  page,
}) => {
  await setProviderUser("pat-sso", ["staff", "ml-approvers"], "Pat Single");
  const authorization = await startSso(page, "pat-sso");

  expect(authorization.searchParams.get("response_type")).toBe("code");
  expect(authorization.searchParams.get("client_id")).toBe(OIDC.clientId);
  expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorization.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
  expect(authorization.searchParams.get("state")).toBeTruthy();

  await expect(page.getByTestId("current-user")).toContainText("Pat Single");
  await expect(page.getByTestId("current-role")).toHaveText("Approver");
  const me = await page.request.get("/api/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({
    user: { username: "pat-sso", role: "approver", provider: "oidc" },
  });

  await signOut(page);
  await page.goto("/models");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmodels/);
});

test("a user whose groups map to no role is refused with a page that says why", async ({ page }) => {
  await setProviderUser("casey-sso", ["contractors"]);
  await startSso(page, "casey-sso");

  await expect(page).toHaveURL(/\/login\?error=NoRole/);
  await expect(page.getByTestId("login-error")).toHaveText(
    "Your single sign-on account is not in any group that SageDeck maps to a role. Ask an admin to add you.",
  );
  expect((await page.request.get("/api/me")).status()).toBe(401);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a group change at the provider applies at the next sign-in", async ({ page }) => {
  await setProviderUser("robin-sso", ["ml-scientists"], "Robin Rotating");
  await startSso(page, "robin-sso");
  await expect(page.getByTestId("current-role")).toHaveText("Data scientist");
  await signOut(page);

  // promoted at the provider; the provider still has Robin's session, so no second password prompt
  await setProviderUser("robin-sso", ["ml-scientists", "ml-admins"], "Robin Rotating");
  await startSso(page);
  await expect(page.getByTestId("current-user")).toContainText("Robin Rotating");
  await expect(page.getByTestId("current-role")).toHaveText("Admin");
  await signOut(page);

  // removed from every mapped group: refused at the next sign-in
  await setProviderUser("robin-sso", ["alumni"], "Robin Rotating");
  await startSso(page);
  await expect(page).toHaveURL(/\/login\?error=NoRole/);
  expect((await page.request.get("/api/me")).status()).toBe(401);
});
