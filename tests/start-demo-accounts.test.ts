/** `npm start`'s choice of accounts in local mode (scripts/lib/demo-accounts.ts), on a scratch data dir. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, planDemoAccounts } from "@/scripts/lib/demo-accounts";

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-start-accounts-"));
const seedEmulatorData = (dir: string) => {
  fs.mkdirSync(path.join(dir, "emulator"), { recursive: true });
  fs.writeFileSync(path.join(dir, "emulator", "state.json"), "{}");
};
const THREE = { SAGEDECK_ACCOUNTS: JSON.stringify(DEMO_ACCOUNTS), EMULATOR_DEMO_ACCOUNTS: "1" };

describe("npm start's accounts", () => {
  it("a plain start configures the three demo accounts and seeds the emulator with them", () => {
    expect(planDemoAccounts({}, scratch(), false)).toEqual({ env: THREE, demo: true });
  });

  it("--fresh (the e2e server) keeps one account unless SAGEDECK_DEMO_ACCOUNTS=1 opts in", () => {
    expect(planDemoAccounts({}, scratch(), true)).toEqual({ env: {}, demo: false });
    expect(planDemoAccounts({ SAGEDECK_DEMO_ACCOUNTS: "1" }, scratch(), true)).toEqual({
      env: THREE,
      demo: true,
    });
    expect(planDemoAccounts({ SAGEDECK_DEMO_ACCOUNTS: "0" }, scratch(), false)).toEqual({
      env: {},
      demo: false,
    });
  });

  it("the user's own SAGEDECK_ACCOUNTS is left alone", () => {
    expect(
      planDemoAccounts({ SAGEDECK_ACCOUNTS: "[]", SAGEDECK_DEMO_ACCOUNTS: "1" }, scratch(), false),
    ).toEqual({
      env: {},
      demo: false,
    });
  });

  it("follows the layout the emulator's data was seeded with, and says so", () => {
    const old = scratch();
    seedEmulatorData(old); // seeded before demo accounts: no marker
    const plan = planDemoAccounts({}, old, false);
    expect(plan).toMatchObject({ env: {}, demo: false });
    expect(plan.note).toMatch(/was seeded with one account.*remove that folder/);

    const three = scratch();
    expect(planDemoAccounts({}, three, false).demo).toBe(true); // writes the marker
    seedEmulatorData(three);
    expect(planDemoAccounts({}, three, false)).toEqual({ env: THREE, demo: true });
    expect(planDemoAccounts({ SAGEDECK_DEMO_ACCOUNTS: "0" }, three, false)).toMatchObject({
      demo: false,
      note: expect.stringMatching(/staging and production endpoints are hidden/) as unknown,
    });
  });
});
