/**
 * `npm start` in local mode shows the emulator's three demo accounts (development, staging, production) unless
 * the user configured SAGEDECK_ACCOUNTS themselves. The switch is SAGEDECK_DEMO_ACCOUNTS: "1" three accounts,
 * "0" one account (the behaviour before accounts). Unset: three accounts, except with `--fresh` (the e2e
 * server's clean start), which keeps one account until the e2e suite opts in with SAGEDECK_DEMO_ACCOUNTS=1.
 * The emulator seeds its data once; a marker next to its data dir records which layout it was seeded with, so
 * the app is never configured for accounts its data does not have.
 */
import fs from "node:fs";
import path from "node:path";
import type { AccountConfig } from "@/lib/config";

/** The demo's accounts: the emulator's EMULATOR_DEMO_ACCOUNTS=1 layout (emulator/seed/accounts.ts). */
export const DEMO_ACCOUNTS = [
  { name: "development", accountId: "123456789012", stages: ["Development"] },
  {
    name: "staging",
    accountId: "222222222222",
    roleArn: "arn:aws:iam::222222222222:role/SageDeckRole",
    stages: ["Staging"],
  },
  {
    name: "production",
    accountId: "333333333333",
    roleArn: "arn:aws:iam::333333333333:role/SageDeckRoleWithExternalId",
    externalId: "sagedeck-external-id",
    stages: ["Production"],
  },
];

export interface AccountsPlan {
  /** SAGEDECK_ACCOUNTS and EMULATOR_DEMO_ACCOUNTS to add to the environment (empty: leave it alone) */
  env: Record<string, string>;
  /** a line for the console when the wish could not be followed */
  note?: string;
  demo: boolean;
}

const MARKER = "emulator-accounts.json";

function seededLayout(dataDir: string): boolean | "none" {
  const emulatorDir = path.join(dataDir, "emulator");
  if (!fs.existsSync(emulatorDir) || fs.readdirSync(emulatorDir).length === 0) return "none";
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(dataDir, MARKER), "utf8")) as {
      demoAccounts?: boolean;
    };
    return marker.demoAccounts === true;
  } catch {
    return false; // seeded before the demo accounts existed: one account
  }
}

/** Decides the accounts of a local start (the emulator); `fresh`: started with --fresh. */
export function planDemoAccounts(
  env: Record<string, string | undefined>,
  dataDir: string,
  fresh: boolean,
): AccountsPlan {
  if (env.SAGEDECK_ACCOUNTS?.trim()) return { env: {}, demo: false };
  const flag = env.SAGEDECK_DEMO_ACCOUNTS;
  const wanted = flag === "1" || (flag !== "0" && !fresh);
  const seeded = seededLayout(dataDir);
  if (seeded === "none") {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, MARKER), JSON.stringify({ demoAccounts: wanted }) + "\n");
  } else if (seeded !== wanted) {
    const where = path.join(dataDir, "emulator");
    // an explicit SAGEDECK_DEMO_ACCOUNTS is followed; the default follows the data the emulator has
    const demo = flag === "1" || flag === "0" ? wanted : seeded;
    return {
      ...layout(demo),
      note: seeded
        ? `the emulator's data in ${where} has the three demo accounts${demo ? "" : ", but SAGEDECK_DEMO_ACCOUNTS=0 shows one: staging and production endpoints are hidden"} (remove that folder to start over)`
        : `the emulator's data in ${where} was seeded with one account${demo ? ": the staging and production accounts are empty" : ""} (stop SageDeck and remove that folder to get the three demo accounts)`,
    };
  }
  return layout(wanted);
}

function layout(demo: boolean): AccountsPlan {
  if (!demo) return { env: {}, demo: false };
  return {
    env: { SAGEDECK_ACCOUNTS: JSON.stringify(DEMO_ACCOUNTS), EMULATOR_DEMO_ACCOUNTS: "1" },
    demo: true,
  };
}

/** Each account other than home checked (AssumeRole + GetCallerIdentity), then described for the console. */
export async function accountLines(accounts: AccountConfig[]): Promise<string[]> {
  const { probeAccount } = await import("@/lib/sagemaker/accounts/status");
  const reach = new Map(
    await Promise.all(
      accounts.filter((a) => !a.home).map(async (a) => [a.name, await probeAccount(a)] as const),
    ),
  );
  return describeAccounts(accounts, reach);
}

/** The accounts as printed at start: name, id, stages, and how SageDeck reaches each (never the external id). */
export function describeAccounts(accounts: AccountConfig[], reach: Map<string, string | null>): string[] {
  const width = Math.max(...accounts.map((a) => a.name.length));
  return accounts.map((a) => {
    const how = a.roleArn
      ? `assumes ${a.roleArn}${a.externalId ? " (external id set)" : ""}`
      : "SageDeck's own credentials (home)";
    const problem = reach.get(a.name);
    return `  ${a.name.padEnd(width)}  ${a.accountId ?? "(discovered)"}  ${a.stages.join(", ").padEnd(32)} ${how}${problem ? `\n    ✗ ${problem}` : ""}`;
  });
}
