import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("pages carry a nonce CSP that Next's scripts use, and still hydrate", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/login");
  const headers = res?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toBeUndefined(); // the public URL is http here
  const html = (await res?.text()) ?? "";
  expect(html).toContain(`nonce="${nonce}"`);
  // hydrated: the sign-in form works (it is a client component), and the next page has a fresh nonce
  await signIn(page, "approver");
  const next = await page.goto("/approvals");
  const nextNonce = /'nonce-([^']+)'/.exec(next?.headers()["content-security-policy"] ?? "")?.[1];
  expect(nextNonce).toBeTruthy();
  expect(nextNonce).not.toBe(nonce);
  expect(violations).toEqual([]);
});

test("API answers are no-store, nosniff and unframeable", async ({ request }) => {
  for (const path of ["/api/health", "/api/me"]) {
    const res = await request.get(path);
    expect(res.headers()["cache-control"], path).toContain("no-store");
    expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(res.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});

test("framework-level 500s are gone (issue 12, hole 8)", async ({ page, request }) => {
  const badApi = await request.get("/api/models/%E0%A4%A");
  expect(badApi.status()).toBe(400);
  expect(((await badApi.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  expect((await request.get("/api/models/abc%")).status()).toBe(400);

  const trace = await request.fetch("/api/me", { method: "TRACE" });
  expect(trace.status()).toBe(405);
  expect((await request.fetch("/", { method: "TRACE" })).status()).toBe(405);

  expect((await request.get("/login?error=constructor")).status()).toBe(200);
  expect((await request.get("/login?error=__proto__")).status()).toBe(200);

  const junk = await request.post("/api/auth/session", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("junk{"),
  });
  expect(junk.status()).toBe(400);

  const health = await request.get("/api/health");
  expect(await health.json()).toEqual({ status: "ok" });

  await page.goto("/login");
  await signIn(page, "viewer");
  const badPage = await page.goto("/models/%E0%A4%A");
  expect(badPage?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  const all = await page.request.get("/api/audit?action=%25");
  expect(all.status()).toBe(200);
  expect(((await all.json()) as { total: number }).total).toBe(0);
});
