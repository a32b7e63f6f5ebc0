import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunch } from "./e2e/chromium";
import { OIDC } from "./e2e/oidc-settings";

// Own ports and data dir, so an `npm start` on 3000/4599 keeps running while tests run.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4699);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: ".data/test-reports/playwright.json" }]],
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunch(),
      },
    },
  ],
  webServer: [
    {
      // a real OpenID Connect provider for e2e/sso.spec.ts (the app below signs in through it as well as locally)
      command: "node node_modules/tsx/dist/cli.mjs e2e/oidc-provider.ts",
      url: `${OIDC.issuer}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: { E2E_OIDC_PORT: String(OIDC.port), E2E_PORT: String(PORT) },
    },
    {
      // scripts/start.ts builds when needed, migrates, seeds demo users, starts the emulator and `next start`
      command: "node node_modules/tsx/dist/cli.mjs scripts/start.ts --fresh",
      url: `${baseURL}/login`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      env: {
        PORT: String(PORT),
        EMULATOR_PORT: String(EMULATOR_PORT),
        SAGEDECK_DATA_DIR: ".data/e2e",
        // pipeline runs in simulated time: a demo run takes ~6 s instead of ~1 min (e2e/pipelines*.spec.ts watches runs finish)
        EMULATOR_SPEED: "10",
        // the emulator's three demo accounts (development, staging, production), as a newcomer's `npm start` has them
        SAGEDECK_DEMO_ACCOUNTS: "1",
        // e2e tests the build that `npm test` (or `npm run build`) just made, even when a source changed since:
        // a rebuild here would race edits and could outlast the server's start-up timeout
        SAGEDECK_SKIP_REBUILD: "1",
        SAGEMAKER_MODE: "local",
        SAGEMAKER_ENDPOINT: "",
        DATABASE_URL: "",
        NEXTAUTH_SECRET: "",
        NEXTAUTH_URL: baseURL,
        AUTH_OIDC_ISSUER: OIDC.issuer,
        AUTH_OIDC_CLIENT_ID: OIDC.clientId,
        AUTH_OIDC_CLIENT_SECRET: OIDC.clientSecret,
        AUTH_OIDC_GROUPS_CLAIM: OIDC.groupsClaim,
        AUTH_ROLE_MAP: OIDC.roleMap,
      },
    },
  ],
});
