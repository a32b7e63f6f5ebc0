import { describe, expect, it } from "vitest";
import { summarizeHealth } from "./summary";

describe("summarizeHealth", () => {
  it("healthy: no suffix", () => {
    const s = summarizeHealth({
      status: "ok",
      database: { ok: true },
      sagemaker: { ok: true },
      accounts: [],
    });
    expect(s).toMatchObject({ state: "ok", suffix: "" });
  });

  it("SageMaker down: says so and that pages show cached data", () => {
    const s = summarizeHealth({
      status: "degraded",
      database: { ok: true },
      sagemaker: { ok: false, message: "SageMaker did not answer in time." },
    });
    expect(s.state).toBe("degraded");
    expect(s.suffix).toBe("SageMaker unreachable");
    expect(s.detail).toContain("SageMaker did not answer in time.");
  });

  it("database down: decisions cannot be recorded", () => {
    const s = summarizeHealth({ status: "degraded", database: { ok: false }, sagemaker: { ok: true } });
    expect(s.suffix).toBe("database unreachable");
    expect(s.detail).toContain("Decisions cannot be recorded now.");
  });

  it("an anonymous body (status only) still turns the badge degraded", () => {
    expect(summarizeHealth({ status: "degraded" }).state).toBe("degraded");
  });

  it("one stage account down while home is fine: degraded, naming the account", () => {
    const s = summarizeHealth({
      status: "ok",
      accounts: [
        { name: "development", status: "reachable" },
        { name: "production", status: "degraded", message: "cannot assume role" },
      ],
    });
    expect(s).toMatchObject({ state: "degraded", suffix: "1 account unreachable" });
    expect(s.detail).toBe("production: cannot assume role");
  });

  it("the health request itself failing: unknown, never green", () => {
    expect(summarizeHealth(undefined, true).state).toBe("unknown");
  });
});
