import "@/tests/helpers/scratch-data-dir";
import { describe, expect, it } from "vitest";
import { ensurePeriodic } from "@/lib/periodic";
import { waitFor } from "@/tests/helpers/wait";
import { asActor, currentActor, sessionNameFor } from "./context";

describe("account scope", () => {
  it("a periodic job started inside a person's request does not act as that person", async () => {
    const seen: (string | undefined)[] = [];
    await asActor("alex", async () => {
      expect(currentActor()).toBe("alex");
      ensurePeriodic("actor-scope-test", 20, () => {
        seen.push(currentActor() ?? "none");
        return Promise.resolve();
      });
      await waitFor(() => (seen.length >= 2 ? true : undefined), { what: "two runs", timeoutMs: 60_000 });
    });
    expect(seen.slice(0, 2)).toEqual(["none", "none"]);
  }, 90_000);

  it("session names stay in STS's alphabet and length", () => {
    expect(sessionNameFor("alex")).toBe("sagedeck-alex");
    expect(sessionNameFor("maya o'neil@example.com")).toBe("sagedeck-maya-o-neil@example.com");
    expect(sessionNameFor("x".repeat(100))).toHaveLength(64);
    expect(sessionNameFor(undefined)).toBe("sagedeck-dashboard");
  });
});
