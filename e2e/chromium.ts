import fs from "node:fs";

/** Debian's Chromium, used by Playwright (playwright.config.ts) and the browser benchmarks when present. */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** The launch flags this machine needs (no sandbox as root, no GPU, nothing fetched from outside). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** Playwright launch options: the system Chromium when installed, else Playwright's own browser. */
export const chromiumLaunch = () => ({
  ...(fs.existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
  args: CHROMIUM_ARGS,
});
