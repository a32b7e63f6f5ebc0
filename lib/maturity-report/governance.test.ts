import "@/tests/helpers/scratch-data-dir";
import { describe, expect, it, vi } from "vitest";
import { getDbHandle } from "@/lib/db";
import { loadGovernance, why } from "./governance";

describe("governance warnings never show SQL", () => {
  it("a closed database gives warnings that name the failure, not the query", async () => {
    const handle = await getDbHandle();
    await handle.close();
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { warnings, exemptions, targets } = await loadGovernance();
    quiet.mockRestore();
    expect(exemptions).toEqual({});
    expect(targets).toEqual([]);
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      expect(w).toMatch(/database error/);
      expect(w).not.toMatch(/select|from "|Failed query|params:/i);
    }
  });

  it("keeps a driver's cause and drops a query text", () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const query = new Error('Failed query: select "id" from "maturity_targets"\nparams: ', {
      cause: new Error("connect ECONNREFUSED 127.0.0.1:5432"),
    });
    expect(why(query)).toBe("database error: connect ECONNREFUSED 127.0.0.1:5432");
    expect(why(new Error('Failed query: select "id" from "x"'))).toBe("database error");
    quiet.mockRestore();
  });
});
