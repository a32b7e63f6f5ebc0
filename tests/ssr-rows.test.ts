/**
 * Rows in the first HTML (issue 18): a table's first rows are in the server's HTML, so they are visible before
 * the JavaScript has loaded — the virtualized runs table too (it rendered no rows on the server: without a
 * scroll box it had no viewport, so rows appeared only after hydration). Fetches pages from the built
 * standalone server (`npm run build` first; skipped locally without it, fails in CI) with a signed-in cookie
 * and looks for row content inside `<tbody>` (the dehydrated data elsewhere in the page does not count).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { standaloneRunnable, startCluster, type Cluster } from "@/tests/helpers/standalone";
import { api, signIn } from "@/tests/helpers/standalone-http";

const run = await standaloneRunnable("the server-rendered rows test");

/** The contents of every `<tbody>` of a page. */
const tableBodies = (html: string): string =>
  [...html.matchAll(/<tbody[^>]*>([\s\S]*?)<\/tbody>/g)].map((m) => m[1] ?? "").join("\n");

describe.runIf(run)("tables render their first rows on the server", () => {
  let c: Cluster;
  let base = "";
  let cookie = "";
  const page = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    c = await startCluster(1);
    base = c.replicas[0]?.url ?? "";
    const handle = await openDb({ kind: "postgres", url: c.db.url });
    await createUser(handle.db, {
      username: "rhea",
      name: "Rhea",
      password: "ssr-rows-pass-1",
      role: "viewer",
    });
    await handle.close();
    cookie = (await signIn(base, "rhea", "ssr-rows-pass-1")).session ?? "";
    expect(cookie).not.toBe("");
  }, 120_000);

  afterAll(async () => {
    await c?.stop();
  });

  it("the runs page (a virtualized table) has its first runs in the HTML", async () => {
    const experiments = await api<{ items: { name: string }[] }>(base, "/api/experiments?size=100", {
      cookie,
    });
    let found: { experiment: string; run: { name: string; displayName: string } } | undefined;
    for (const e of experiments.body.items) {
      const runs = await api<{ items: { name: string; displayName: string }[] }>(
        base,
        `/api/experiments/${encodeURIComponent(e.name)}/runs?size=10`,
        { cookie },
      );
      const first = runs.body.items[0];
      if (first) {
        found = { experiment: e.name, run: first };
        break;
      }
    }
    if (!found) throw new Error("the demo has no experiment with runs");
    const rows = tableBodies(await page(`/experiments/${encodeURIComponent(found.experiment)}`));
    expect(rows).toContain(
      `href="/experiments/${encodeURIComponent(found.experiment)}/runs/${encodeURIComponent(found.run.name)}"`,
    );
    expect(rows.match(/<tr[\s>]/g)?.length ?? 0).toBeGreaterThan(5);
  });

  it("the models list has its first groups in the HTML", async () => {
    const models = await api<{ items: { name: string }[] }>(base, "/api/models", { cookie });
    const first = models.body.items[0];
    if (!first) throw new Error("the demo has no model groups");
    const rows = tableBodies(await page("/models"));
    expect(rows).toContain(first.name);
  });
});
