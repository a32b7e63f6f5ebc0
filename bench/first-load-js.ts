/**
 * First-load JavaScript per page route (issue 18: ≤ 170 kB gzip on every route), from the build (`npm run build`
 * first): the framework's root chunks (build-manifest.json `rootMainFiles`) plus every chunk the route's
 * segments (root layout, group layouts, error/not-found boundaries, the page) load before hydration
 * (`entryJSFiles` of the route's client reference manifest). Chunks loaded later by next/dynamic are not counted:
 * they are fetched only where used. Sizes are gzip (level 9) of each file, summed. BENCH_NEXT_DIR=<dir> reads
 * another copy of `.next`.
 *
 *   npm run bench -- first-load-js
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { figure } from "./report";

const GOAL_KB = 170;
/** First-load kB gzip measured the same way on the build of 2026-12-02 11:05 (d0a2927 + work in progress), before. */
const BEFORE: Record<string, number> = {
  "/maturity/[solution]": 236.4,
  "/maturity": 231.1,
  "/experiments/[name]/compare": 224.2,
  "/experiments/[name]": 222.6,
  "/experiments": 221.2,
  "/endpoints": 219.4,
  "/pipelines/[name]/start": 210.1,
  "/pipelines/[name]/executions/[id]": 208.1,
  "/approvals": 194.6,
  "/models/[group]": 192.8,
  "/models/[group]/[version]": 192.5,
  "/audit": 191.8,
  "/pipelines/[name]": 190.8,
  "/pipelines": 190.6,
  "/experiments/[name]/runs/[run]": 187.1,
  "/models": 186.6,
  "/account/tokens": 175.7,
  "/settings/service-tokens": 175.7,
  "/pipelines/[name]/executions/compare": 174.3,
  "/": 173.4,
  "/settings/accounts": 169.4,
  "/login": 162.8,
};

interface ClientManifest {
  entryJSFiles?: Record<string, string[]>;
}

function pageManifests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...pageManifests(p));
    else if (entry.name === "page_client-reference-manifest.js") out.push(p);
  }
  return out;
}

/** The route of a manifest (`/(dashboard)/models/[group]/page` → `/models/[group]`). */
function routeOf(key: string): string {
  const r = key
    .replace(/\/page$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .join("/");
  return `/${r}`;
}

function main() {
  const nextDir = path.resolve(process.env.BENCH_NEXT_DIR ?? ".next");
  const appDir = path.join(nextDir, "server", "app");
  if (!fs.existsSync(appDir)) throw new Error(`no build in ${nextDir}: run \`npm run build\` first`);
  const build = JSON.parse(fs.readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles?: string[];
  };
  const gz = new Map<string, number>();
  const gzipKb = (file: string): number => {
    let size = gz.get(file);
    if (size === undefined) {
      const abs = path.join(nextDir, file.replace(/^\/?_next\//, ""));
      size = zlib.gzipSync(fs.readFileSync(abs), { level: 9 }).length / 1024;
      gz.set(file, size);
    }
    return size;
  };
  const root = build.rootMainFiles ?? [];
  const rootKb = root.reduce((s, f) => s + gzipKb(f), 0);
  const rows: { route: string; kb: number; own: number }[] = [];
  for (const file of pageManifests(appDir)) {
    const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
    sandbox.globalThis = sandbox;
    vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
    for (const [key, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      const route = routeOf(key);
      if (route.startsWith("/_")) continue; // Next's own not-found / global-error pages
      const files = new Set(root);
      for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) files.add(f);
      const kb = [...files].reduce((s, f) => s + gzipKb(f), 0);
      rows.push({ route, kb, own: kb - rootKb });
    }
  }
  rows.sort((a, b) => b.kb - a.kb);
  console.log(
    `first-load JS per route, kB gzip (framework root chunks ${rootKb.toFixed(1)} kB), goal ≤ ${GOAL_KB}`,
  );
  for (const r of rows) {
    const before = BEFORE[r.route];
    console.log(
      `  ${r.kb.toFixed(1).padStart(6)} kB  ${r.kb <= GOAL_KB ? "ok  " : "OVER"}  ${r.route}` +
        `${before !== undefined ? `   (before ${before.toFixed(1)} kB)` : ""}`,
    );
  }
  const worst = rows[0];
  if (worst) {
    figure({
      bench: "first-load-js",
      name: `heaviest route (${worst.route})`,
      value: worst.kb,
      unit: "kB gzip",
      goal: { max: GOAL_KB },
    });
    figure({
      bench: "first-load-js",
      name: "routes over the goal",
      value: rows.filter((r) => r.kb > GOAL_KB).length,
      unit: "routes",
      goal: { max: 0 },
    });
    figure({
      bench: "first-load-js",
      name: "shared (root layout + framework)",
      value: sharedKb(rows, appDir, root, gzipKb),
      unit: "kB gzip",
    });
  }
}

/** What every route loads: the framework root chunks and the root layout's chunks. */
function sharedKb(_rows: unknown[], appDir: string, root: string[], gzipKb: (f: string) => number): number {
  const manifest = path.join(appDir, "(dashboard)", "page_client-reference-manifest.js");
  if (!fs.existsSync(manifest)) return root.reduce((s, f) => s + gzipKb(f), 0);
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(manifest, "utf8"), sandbox);
  const files = new Set(root);
  for (const m of Object.values(sandbox.__RSC_MANIFEST ?? {}))
    for (const f of m.entryJSFiles?.["[project]/app/layout"] ?? []) files.add(f);
  return [...files].reduce((s, f) => s + gzipKb(f), 0);
}

main();
