import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { verifySignature } from "@/lib/notifications/sign";
import { signIn } from "./helpers";

interface Hit {
  event: string;
  delivery: string;
  valid: boolean;
  body: { type?: string; title?: string; url?: string };
}

test("an admin adds a webhook channel; the approval request arrives signed at the receiver with the evidence link", async ({
  page,
}) => {
  test.setTimeout(240_000);
  let secret = "";
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const h = (n: string) => String(req.headers[n] ?? "");
      hits.push({
        event: h("x-sagedeck-event"),
        delivery: h("x-sagedeck-delivery"),
        valid: verifySignature({
          secret,
          timestamp: h("x-sagedeck-timestamp"),
          body: raw,
          signature: h("x-sagedeck-signature"),
        }),
        body: JSON.parse(raw) as Hit["body"],
      });
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  try {
    await page.goto("/login");
    await signIn(page, "admin");
    await page.getByRole("link", { name: "Notifications" }).click();
    await page.getByRole("link", { name: "notification settings" }).click();
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();

    const form = page.getByRole("form", { name: "Add a channel" });
    await form.getByLabel("Name").fill("release-bot");
    await form.getByLabel("URL").fill(url);
    await form.getByRole("button", { name: "Add channel" }).click();
    secret = (await page.getByTestId("channel-secret").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    await page.getByRole("button", { name: "Done" }).click();

    const row = page.getByTestId("channel-release-bot");
    await row.getByRole("button", { name: "Send test" }).click();
    await expect(row).toContainText("Sent (200)");
    expect(hits[0]).toMatchObject({ event: "test", valid: true });

    // the watcher notices the versions waiting for approval (a pass a minute) and the worker delivers them
    await expect
      .poll(() => hits.filter((h) => h.event === "version.waiting").length, { timeout: 150_000 })
      .toBeGreaterThan(0);
    const request = hits.find((h) => h.event === "version.waiting");
    expect(request?.valid).toBe(true);
    expect(request?.body.title).toMatch(/ v\d+ is waiting for approval$/);
    const link = request?.body.url ?? "";
    expect(link).toMatch(/\/models\/[^/]+\/\d+$/);

    // the deliveries list (newest first, paged, filtered by status in the URL) shows deliveries sent, each one
    // the receiver got; unfiltered, its first page may still hold only pending ones of the same watcher pass
    await page.goto(`${new URL(page.url()).pathname}?status=sent`);
    const sent = page.locator('[data-testid^="delivery-"]').filter({ hasText: "sent" });
    await expect(sent.first()).toBeVisible();
    const shownId = ((await sent.first().getAttribute("data-testid")) ?? "").replace(/^delivery-/, "");
    expect(hits.map((h) => h.delivery)).toContain(shownId);

    // the link opens the version's evidence for an approver
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await signIn(page, "approver");
    await page.goto(new URL(link).pathname);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/v\d+|version/i);
    await expect(page.getByText(/PendingManualApproval|Pending/).first()).toBeVisible();
  } finally {
    server.close();
  }
});
