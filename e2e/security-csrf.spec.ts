import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/** A page on another port of the same host (same site, another origin) that tries to create an admin. */
function attackerPage(target: string): string {
  const fields = (username: string) =>
    JSON.stringify({ username, name: "Mallory", password: "long-enough-pw", role: "admin" });
  // a text/plain form posts `name=value`; the name is JSON text up to a dummy field that swallows the "="
  const formName = fields("csrf-form").replace(/}$/, ',"pad":"');
  return `<!doctype html><html><body>
<form id="f" method="POST" action="${target}" enctype="text/plain"><input name='${formName}' value='"}'></form>
<script>
fetch(${JSON.stringify(target)}, { method: "POST", credentials: "include", mode: "no-cors",
  headers: { "Content-Type": "text/plain" }, body: ${JSON.stringify(fields("csrf-fetch"))} })
  .finally(() => document.getElementById("f").submit());
</script></body></html>`;
}

test("a page on another origin cannot create a user with an admin's cookie (form and fetch)", async ({
  page,
  baseURL,
}) => {
  await page.goto("/login");
  await signIn(page, "admin");
  const target = `${baseURL}/api/users`;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" }).end(attackerPage(target));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    const answers: number[] = [];
    page.on("response", (r) => {
      if (r.url() === target && r.request().method() === "POST") answers.push(r.status());
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    // the form navigates to the dashboard's answer: a 403 error body
    await expect(page).toHaveURL(target);
    await expect(page.locator("body")).toContainText('"code":"forbidden"');
    await expect.poll(() => answers).toEqual([403, 403]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }

  const list = await page.request.get("/api/users");
  expect(list.status()).toBe(200);
  const names = ((await list.json()) as { users: { username: string }[] }).users.map((u) => u.username);
  expect(names).toContain("ada");
  expect(names).not.toContain("csrf-form");
  expect(names).not.toContain("csrf-fetch");
});
