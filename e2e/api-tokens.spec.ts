import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

interface AuditPage {
  items: { actor: string; action: string; via?: string }[];
}

test("a personal token: created in the browser, shown once, used by a script without cookies, revoked", async ({
  page,
  request,
}) => {
  await page.goto("/login");
  await signIn(page, "manager");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

  const name = `e2e-ci-${Date.now().toString(36)}`;
  const form = page.getByRole("form", { name: "Create a personal token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Expires after").selectOption("30");
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token-value");
  await expect(shown).toHaveText(/^sdk_pat_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent()) ?? "";
  await expect(page.getByTestId(`token-${name}`)).toContainText(token.slice(0, 12));
  await page.getByRole("button", { name: "I have copied it" }).click();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId(`token-${name}`)).toBeVisible();
  expect(await page.content()).not.toContain(token); // shown once: never again

  // `request` has no cookies: only the token speaks, with no Origin or CSRF headers
  const auth = { authorization: `Bearer ${token}` };
  const me = await request.get("/api/me", { headers: auth });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ user: { username: "maya", role: "manager", token: { name } } });

  const current = (await (await request.get("/api/maturity/targets", { headers: auth })).json()) as {
    organisation: { approvalSlaHours: number | null; leadTimeTargetHours: number | null } | null;
  };
  const targets = {
    approvalSlaHours: current.organisation?.approvalSlaHours ?? 48,
    leadTimeTargetHours: current.organisation?.leadTimeTargetHours ?? 168,
  };
  const put = await request.put("/api/maturity/targets", {
    headers: { ...auth, "content-type": "application/json" },
    data: targets,
  });
  expect(put.status()).toBe(200);
  const audit = (await (
    await request.get("/api/audit?action=maturity.targets.set", { headers: auth })
  ).json()) as AuditPage;
  expect(audit.items[0]).toMatchObject({ actor: "maya", via: `token ${name} (personal)` });

  // pages do not take tokens: only /api does
  const pageWithToken = await request.get("/approvals", { headers: auth, maxRedirects: 0 });
  expect(pageWithToken.status()).toBe(307);
  expect(pageWithToken.headers().location).toContain("/login");

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByTestId(`token-${name}`)).toHaveCount(0);
  const after = await request.get("/api/me", { headers: auth });
  expect(after.status()).toBe(401);
  expect(((await after.json()) as { error: { message: string } }).error.message).toContain("revoked");
});
