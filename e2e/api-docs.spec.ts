import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the API reference: linked from API tokens, lists the approve operation; the document is public", async ({
  page,
  request,
}) => {
  await page.goto("/account/tokens");
  await signIn(page, "viewer");
  await page.getByRole("link", { name: "the API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();

  const approve = page.getByRole("article", { name: "POST /api/models/{group}/{version}/approve" });
  await expect(approve).toContainText("Approve a version");
  await expect(approve.getByTestId("permission")).toHaveText("models.decide");
  await expect(approve.getByRole("row", { name: /expectedStatus/ })).toContainText("PendingManualApproval");
  await expect(approve.getByRole("row", { name: /Idempotency-Key/ })).toContainText("header");

  // `request` has no cookies: the machine-readable document needs no sign-in
  const res = await request.get("/api/openapi.json");
  expect(res.status()).toBe(200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths["/api/models/{group}/{version}/approve"] ?? {})).toEqual(["post"]);
});
