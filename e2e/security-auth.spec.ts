import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { DEMO } from "./helpers";

// Every account here is created for this spec (never the demo users: the specs share one server).
const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const ORIGIN = { Origin: BASE };
const fresh = (prefix: string) => `${prefix}-${randomBytes(3).toString("hex")}`;
const PASSWORD = "right-password-1";

/** Signs in the way the login form does (CSRF token, json=true); the context keeps the cookies. */
async function apiSignIn(request: APIRequestContext, username: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    headers: ORIGIN,
    form: { username, password, csrfToken, callbackUrl: `${BASE}/`, json: "true" },
  });
}

async function signedIn(browser: Browser, username: string, password: string) {
  const context = await browser.newContext({ baseURL: BASE });
  const res = await apiSignIn(context.request, username, password);
  expect(res.status(), await res.text()).toBe(200);
  return context;
}

async function admin(browser: Browser) {
  const context = await signedIn(browser, DEMO.admin.username, DEMO.admin.password);
  const req = context.request;
  return {
    create: async (username: string, role = "scientist") => {
      const res = await req.post("/api/users", {
        headers: ORIGIN,
        data: { username, name: username, password: PASSWORD, role },
      });
      expect(res.status(), await res.text()).toBe(201);
    },
    change: async (username: string, change: Record<string, unknown>) => {
      const res = await req.patch(`/api/users/${username}`, { headers: ORIGIN, data: change });
      expect(res.status(), await res.text()).toBe(200);
    },
    audit: async (username: string) =>
      (
        (await (await req.get(`/api/audit?action=auth.sign_in&actor=${username}`)).json()) as {
          items: { outcome: string; target: string }[];
        }
      ).items,
    close: () => context.close(),
  };
}

test("six wrong passwords lock the account: the right one is refused until the backoff ends", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const ada = await admin(browser);
  const username = fresh("thr");
  await ada.create(username);

  const attacker = await browser.newContext({ baseURL: BASE });
  for (let i = 0; i < 5; i++) {
    const res = await apiSignIn(attacker.request, username, `wrong-${i}`);
    expect(res.status()).toBe(401);
    expect(new URL(((await res.json()) as { url: string }).url).searchParams.get("error")).toBe(
      "CredentialsSignin",
    );
  }
  const lockedAt = Date.now();
  const sixth = await apiSignIn(attacker.request, username, "wrong-6");
  expect(sixth.status()).toBe(429);
  const right = await apiSignIn(attacker.request, username, PASSWORD);
  expect(right.status()).toBe(429);
  const retryAfter = Number(right.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(((await right.json()) as { error: { message: string } }).error.message).toMatch(
    /^Too many failed sign-ins for this account; try again in \d+ s\.$/,
  );

  // the form shows the same message, and stays on the sign-in page
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("login-error")).toContainText(
    /Too many failed sign-ins for this account; try again in \d+ s\./,
  );
  await expect(page).toHaveURL(/\/login/);

  // only after the backoff does the right password work again
  await expect
    .poll(async () => (await apiSignIn(attacker.request, username, PASSWORD)).status(), {
      timeout: 60_000,
      intervals: [2_000],
    })
    .toBe(200);
  expect(Date.now() - lockedAt).toBeGreaterThanOrEqual((retryAfter - 2) * 1000);

  // failed and throttled attempts are on the record (one throttled row for the whole lock)
  const outcomes = (await ada.audit(username)).map((e) => e.outcome);
  expect(outcomes.filter((o) => o === "failed")).toHaveLength(5);
  expect(outcomes.filter((o) => o === "refused")).toHaveLength(1);
  await attacker.close();
  await ada.close();
});

test("a cookie captured before sign-out is refused after it", async ({ browser }) => {
  const ada = await admin(browser);
  const username = fresh("out");
  await ada.create(username);
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("current-user")).toContainText(username);
  const captured = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext({ baseURL: BASE });
  await replay.addCookies(captured);
  expect((await replay.request.get("/api/me")).status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto("/models");
  await expect(replayPage).toHaveURL(/\/login/);
  await Promise.all([context.close(), replay.close(), ada.close()]);
});

test("an admin's role change, new password or disable applies to live sessions at the next request", async ({
  browser,
}) => {
  const ada = await admin(browser);
  const username = fresh("rev");
  await ada.create(username, "scientist");
  const me = async (ctx: Awaited<ReturnType<typeof signedIn>>) => {
    const res = await ctx.request.get("/api/me");
    return res.ok() ? ((await res.json()) as { user: { role: string } }).user.role : res.status();
  };

  const first = await signedIn(browser, username, PASSWORD);
  expect(await me(first)).toBe("scientist");
  await ada.change(username, { role: "approver" });
  await expect.poll(() => me(first), { timeout: 5_000 }).toBe("approver");

  await ada.change(username, { password: "a-new-password-2" });
  await expect.poll(() => me(first), { timeout: 5_000 }).toBe(401);
  const page = await first.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);

  const second = await signedIn(browser, username, "a-new-password-2");
  expect(await me(second)).toBe("approver");
  await ada.change(username, { disabled: true });
  await expect.poll(() => me(second), { timeout: 5_000 }).toBe(401);
  await Promise.all([first.close(), second.close(), ada.close()]);
});

test("a NUL in the username gets a clean message, never the database's error", async ({ page, request }) => {
  for (const username of ["a\u0000b", "x".repeat(300)]) {
    const res = await apiSignIn(request, username, "whatever");
    const { url } = (await res.json()) as { url: string };
    expect(url).not.toMatch(/select|users|query|params/i);
    expect(new URL(url).searchParams.get("error")).toBe("CredentialsSignin");
    await page.goto(url);
    await expect(page.getByTestId("login-error")).toHaveText(
      "Wrong username or password, or the account is disabled.",
    );
  }
});
