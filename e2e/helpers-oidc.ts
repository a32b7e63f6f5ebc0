import { expect, type Page, type Request } from "@playwright/test";
import { OIDC } from "./oidc-settings";

/** Sets an account's groups at the e2e OpenID Connect provider (e2e/oidc-provider.ts); applies at its next sign-in. */
export async function setProviderUser(login: string, groups: string[], name?: string): Promise<void> {
  const res = await fetch(`${OIDC.issuer}/_test/users/${encodeURIComponent(login)}`, {
    method: "PUT",
    body: JSON.stringify({ groups, name }),
  });
  expect(res.status, await res.text()).toBe(200);
}

/**
 * Clicks "Sign in with single sign-on" on /login and returns the authorization request the browser sent to the
 * provider. With `login`, expects the provider's sign-in page and signs in there; without, the provider still has
 * a session and sends the browser straight back.
 */
export async function startSso(page: Page, login?: string): Promise<URL> {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to SageDeck" })).toBeVisible();
  await page.waitForLoadState("networkidle"); // the CSRF cookie, as in helpers.ts signIn
  const authorization = page.waitForRequest((r: Request) => r.url().startsWith(`${OIDC.issuer}/auth?`));
  await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
  const url = new URL((await authorization).url());
  if (login !== undefined) {
    await expect(page).toHaveURL(new RegExp(`^${OIDC.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("any-password");
    await page.getByRole("button", { name: "Sign-in" }).click();
  }
  await expect(page).toHaveURL((u) => u.origin === new URL(OIDC.redirectUri).origin);
  return url;
}
