import "@/tests/helpers/scratch-data-dir";
import { describe, expect, it } from "vitest";
import { ensurePeriodic } from "@/lib/periodic";
import { waitFor } from "@/tests/helpers/wait";
import { actingVia, credentialScope, currentToken, type TokenRef } from "./via-token";

const ref: TokenRef = { id: "t1", name: "ci", kind: "personal", owner: "maya" };

describe("via token scope", () => {
  it("names the token for the rest of the request, and nowhere else", async () => {
    await credentialScope(async () => {
      expect(currentToken()).toBeUndefined();
      actingVia(ref);
      await Promise.resolve();
      expect(currentToken()).toEqual(ref);
    });
    expect(currentToken()).toBeUndefined();
    actingVia(ref); // outside a scope: nothing to mark
    expect(currentToken()).toBeUndefined();
  });

  it("a periodic job started inside a token request does not run as that token", async () => {
    const seen: (TokenRef | undefined)[] = [];
    await credentialScope(async () => {
      actingVia(ref);
      ensurePeriodic("via-token-test", 20, () => {
        seen.push(currentToken());
        return Promise.resolve();
      });
      await waitFor(() => (seen.length >= 2 ? true : undefined), {
        what: "two runs of the job",
        timeoutMs: 60_000,
      });
    });
    expect(seen.slice(0, 2)).toEqual([undefined, undefined]);
  }, 90_000);
});
