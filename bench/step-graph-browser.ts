/**
 * The step graph in a real browser (Debian chromium, as e2e): bench/step-graph-page.tsx bundled with esbuild
 * into a static page under bench/out/, opened by Playwright; long tasks from PerformanceObserver('longtask').
 * `variant: "before"` bundles the graph as it was before issue 18 (git HEAD~ files passed in by the caller).
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { build, type Plugin } from "esbuild";
import { chromiumLaunch } from "@/e2e/chromium";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "bench/out/step-graph");
// the few layout utilities the graph relies on (the app has Tailwind; this page has no stylesheet build)
const CSS = `.relative{position:relative}.absolute{position:absolute}.overflow-hidden{overflow:hidden}
.top-2{top:.5rem}.right-2{right:.5rem}.bottom-2{bottom:.5rem}.flex{display:flex}.gap-1{gap:.25rem}.block{display:block}`;

export interface GraphPageFigures {
  /** "Graph" clicked → the graph committed (includes the click's round trip from Playwright) */
  renderMs: number;
  longestTaskMs: number;
  domNodes: number;
  clickMs: number[];
  refreshLongestTaskMs: number;
  /** the "Fit to view" overview of all 1,000 steps (after only) */
  fitLongestTaskMs: number | undefined;
}

/** Bundles the test page; `redirect` maps import paths to other files (the "before" variant). */
async function bundle(name: string, redirect: Record<string, string>): Promise<string> {
  const redirects: Plugin = {
    name: "redirect",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        const to = redirect[args.path];
        return to ? { path: to } : undefined;
      });
    },
  };
  fs.mkdirSync(OUT, { recursive: true });
  const js = path.join(OUT, `${name}.js`);
  await build({
    entryPoints: [path.join(ROOT, "bench/step-graph-page.tsx")],
    bundle: true,
    outfile: js,
    jsx: "automatic",
    minify: true,
    format: "iife",
    define: { "process.env.NODE_ENV": '"production"' },
    tsconfig: path.join(ROOT, "tsconfig.json"),
    plugins: [redirects],
    logLevel: "error",
  });
  const html = path.join(OUT, `${name}.html`);
  fs.writeFileSync(
    html,
    `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><div id="root"></div><script src="${name}.js"></script></body></html>`,
  );
  return html;
}

const longest = (page: Page) =>
  page.evaluate(() => Math.max(0, ...((window as unknown as { __long: number[] }).__long ?? [])));
const resetLong = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));

/** Waits until the main thread has run a frame after whatever it was doing, then for the observer's report. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(() => r(), 50))),
    undefined,
  );
  await page.waitForTimeout(500);
}

export async function measureGraphPage(
  name: string,
  redirect: Record<string, string> = {},
): Promise<GraphPageFigures> {
  const html = await bundle(name, redirect);
  const browser = await chromium.launch({
    ...chromiumLaunch(),
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(e.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    // "commit": the old graph blocks the load event for as long as its layout takes
    await page.goto(`file://${html}`, { waitUntil: "commit", timeout: 300_000 });
    const nodes = page.locator('[data-testid^="step-"][data-status]');
    const graphButton = page.getByRole("button", { name: "Graph", exact: true });
    await graphButton.waitFor();
    await settle(page);
    await resetLong(page);
    const t0 = await page.evaluate(() => performance.now());
    // the old graph blocks the main thread for its whole layout: the click is acknowledged only after it
    await graphButton.click({ timeout: 600_000 });
    await nodes.first().waitFor({ timeout: 600_000 });
    await settle(page);
    const renderMs = (await page.evaluate(() => window.__rendered ?? NaN)) - t0;
    const longestTaskMs = await longest(page);
    const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);

    // five steps spread over those fully inside the graph's viewport (the old graph scrolls instead)
    const frame = (await page.getByTestId("step-graph-viewport").count()) > 0;
    const vp = frame ? await page.getByTestId("step-graph-viewport").boundingBox() : null;
    const boxes = await nodes.evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    const inView = boxes
      .map((b, i) => ({ b, i }))
      .filter(
        ({ b }) =>
          !vp ||
          (b.x >= vp.x && b.y >= vp.y && b.x + b.w <= vp.x + vp.width && b.y + b.h <= vp.y + vp.height),
      );
    const clickMs: number[] = [];
    for (let j = 0; j < 5 && inView.length > 0; j++) {
      const pick = inView[Math.floor((j * inView.length) / 5)];
      if (!pick) continue;
      const target = nodes.nth(pick.i);
      const id = (await target.getAttribute("data-testid")) ?? "";
      await page.evaluate(() => {
        window.__selectedAt = undefined;
        document.addEventListener(
          "pointerdown",
          () => ((window as unknown as { __t0: number }).__t0 = performance.now()),
          { capture: true, once: true },
        );
      });
      await target.click({ timeout: 600_000 });
      await page.waitForFunction(() => window.__selectedAt !== undefined, undefined, { timeout: 600_000 });
      clickMs.push(
        await page.evaluate(
          () => (window.__selectedAt ?? NaN) - (window as unknown as { __t0: number }).__t0,
        ),
      );
      await page
        .getByTestId("selected")
        .filter({ hasText: id.slice(5) })
        .waitFor();
    }

    await resetLong(page);
    await page.evaluate(() => window.__refresh?.());
    await settle(page);
    const refreshLongestTaskMs = await longest(page);

    let fitLongestTaskMs: number | undefined;
    const fit = page.getByRole("button", { name: "Fit to view" });
    if ((await fit.count()) > 0) {
      await resetLong(page);
      await fit.click();
      await settle(page);
      fitLongestTaskMs = await longest(page);
    }
    return { renderMs, longestTaskMs, domNodes, clickMs, refreshLongestTaskMs, fitLongestTaskMs };
  } finally {
    await browser.close();
  }
}
