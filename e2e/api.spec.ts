import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO, SAME_ORIGIN, signIn, type DemoRole } from "./helpers";

async function signedInRequest(page: Page, role: DemoRole): Promise<APIRequestContext> {
  await page.goto("/login");
  await signIn(page, role);
  return page.request;
}

test("anonymous API calls get 401 with the error body", async ({ request }) => {
  for (const path of ["/api/me", "/api/overview", "/api/users"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unauthorized");
    expect(body.error.message).toContain("Sign in");
  }
  expect((await request.post("/api/users", { headers: SAME_ORIGIN, data: {} })).status()).toBe(401);
});

test("health needs no sign-in for its status; details only for signed-in users", async ({
  page,
  request,
}) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });

  const signed = await (await signedInRequest(page, "viewer")).get("/api/health");
  const body = (await signed.json()) as {
    status: string;
    database: { ok: boolean };
    sagemaker: { ok: boolean };
  };
  expect(body.status).toBe("ok");
  expect(body.database.ok).toBe(true);
  expect(body.sagemaker.ok).toBe(true);
  expect(JSON.stringify(body)).not.toMatch(/secret|password/i);
});

test("a viewer calling a mutating API gets 403", async ({ page }) => {
  const request = await signedInRequest(page, "viewer");
  const res = await request.post("/api/users", {
    headers: SAME_ORIGIN,
    data: { username: "newbie", name: "New Bie", password: "long-enough", role: "viewer" },
  });
  expect(res.status()).toBe(403);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("forbidden");
  expect(body.error.message).toContain("viewer");
});

test("the route contract: 422 for invalid input, 400 for bad JSON, 409 on duplicates, idempotent replays", async ({
  page,
}) => {
  const request = await signedInRequest(page, "admin");
  const invalid = await request.post("/api/users", {
    headers: SAME_ORIGIN,
    data: { username: "X", role: "boss" },
  });
  expect(invalid.status()).toBe(422);
  expect(((await invalid.json()) as { error: { message: string } }).error.message).toMatch(/body\.username/);

  const badJson = await request.post("/api/users", {
    headers: SAME_ORIGIN,
    data: Buffer.from("{not json"),
  });
  expect(badJson.status()).toBe(400);

  const input = { username: "newbie", name: "New Bie", password: "long-enough", role: "scientist" };
  const key = `e2e-${Date.now()}`;
  const first = await request.post("/api/users", {
    data: input,
    headers: { ...SAME_ORIGIN, "Idempotency-Key": key },
  });
  expect(first.status()).toBe(201);
  const again = await request.post("/api/users", {
    data: input,
    headers: { ...SAME_ORIGIN, "Idempotency-Key": key },
  });
  expect(again.status()).toBe(201);
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect(await again.json()).toEqual(await first.json());

  const duplicate = await request.post("/api/users", { headers: SAME_ORIGIN, data: input });
  expect(duplicate.status()).toBe(409);
});

test("/api/me reports the role's permissions", async ({ page }) => {
  const request = await signedInRequest(page, "scientist");
  const body = (await (await request.get("/api/me")).json()) as {
    user: { username: string };
    permissions: string[];
  };
  expect(body.user.username).toBe(DEMO.scientist.username);
  expect(body.permissions).toEqual(["read", "pipelines.run"]);
});

test("the overview is prefetched on the server and shows SageMaker counts", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "viewer");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("count-experiments")).toHaveText(/^\d+\+?$/);
});
