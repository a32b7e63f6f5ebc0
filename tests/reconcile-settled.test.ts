/**
 * Issue 17 (settled.ts): a settled rollout drops the cached endpoint reads of the decision's account — every
 * `endpoints:` entry of that account (describe, list, configs) and nothing of the other accounts or other kinds.
 */
import "@/tests/helpers/scratch-data-dir";
import { describe, expect, it } from "vitest";
import { THREE_ACCOUNTS } from "@/tests/helpers/cross-account";

process.env.SAGEDECK_ACCOUNTS = THREE_ACCOUNTS;
process.env.DATABASE_URL = "";
const { findAccount, inAccount, listAccounts } = await import("@/lib/sagemaker/accounts/context");
const { accountKey, getReadCache } = await import("@/lib/sagemaker/call");
const { forgetEndpointReads } = await import("@/lib/approvals/settled");

const KEYS = ["endpoints:describe:ep", "endpoints:list", "endpoints:config:c", "models:x"];

describe("forgetEndpointReads", () => {
  it("invalidates the endpoint reads of the decision's account only", async () => {
    const cache = getReadCache();
    const names = listAccounts().map((a) => a.name);
    expect(names).toEqual(["development", "staging", "production"]);
    for (const n of names)
      for (const k of KEYS)
        await cache.get(
          inAccount(n, () => accountKey(k)),
          60_000,
          () => Promise.resolve(1),
        );
    const production = findAccount("production");
    if (!production) throw new Error("no production account");
    await forgetEndpointReads(production);
    const kept = (n: string) => KEYS.filter((k) => cache.has(inAccount(n, () => accountKey(k))));
    expect(kept("development")).toEqual(KEYS);
    expect(kept("staging")).toEqual(KEYS);
    expect(kept("production")).toEqual(["models:x"]);
  });
});
