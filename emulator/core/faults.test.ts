/**
 * Faults on one operation mixed by one roll of the dice: throttling, 5xx and slow answers together, and an error
 * answered after the operation took effect (`after`). Pure: the dice are given.
 */
import { describe, expect, it } from "vitest";
import { AwsError } from "./errors";
import { Faults } from "./faults";

const dice = (...rolls: number[]) => {
  let i = 0;
  return () => rolls[i++ % rolls.length] ?? 0;
};

async function outcome(f: Faults, random: () => number): Promise<string> {
  try {
    const after = await f.apply("StartPipelineExecution", random);
    return after ? `after:${after.error.code}` : "ok";
  } catch (err) {
    return err instanceof AwsError ? `${err.code}:${err.status}` : "?";
  }
}

describe("fault mix", () => {
  const mixed = () => {
    const f = new Faults();
    f.set({
      operation: "StartPipelineExecution",
      mix: [
        { errorCode: "ThrottlingException", errorRate: 0.2 },
        { errorCode: "InternalFailure", errorRate: 0.1 },
        { errorCode: "ServiceUnavailable", errorRate: 0.1, after: true },
        { errorRate: 0.2, latencyMs: 1 },
      ],
    });
    return f;
  };

  it("throttling, 5xx before and after the operation, slow and plain answers from one roll each", async () => {
    const f = mixed();
    // each call rolls once for the mix and once more for an entry's latency
    expect(await outcome(f, dice(0.1))).toBe("ThrottlingException:400");
    expect(await outcome(f, dice(0.25))).toBe("InternalFailure:500");
    expect(await outcome(f, dice(0.35))).toBe("after:ServiceUnavailable");
    expect(await outcome(f, dice(0.5))).toBe("ok");
    expect(await outcome(f, dice(0.9))).toBe("ok");
  });

  it("over many calls each outcome takes its share", async () => {
    const f = mixed();
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const o = await outcome(f, dice((i + 0.5) / 1000));
      counts.set(o, (counts.get(o) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({
      "ThrottlingException:400": 200,
      "InternalFailure:500": 100,
      "after:ServiceUnavailable": 100,
      ok: 600,
    });
  });

  it("a latency range is uniform between latencyMs and latencyMaxMs", async () => {
    const f = new Faults();
    f.set({ operation: "StartPipelineExecution", latencyMs: 20, latencyMaxMs: 60 });
    const t0 = performance.now();
    await f.apply("StartPipelineExecution", dice(1));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
    const t1 = performance.now();
    await f.apply("StartPipelineExecution", dice(0));
    expect(performance.now() - t1).toBeGreaterThanOrEqual(18);
  });
});
