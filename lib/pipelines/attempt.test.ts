import { describe, expect, it } from "vitest";
import { attemptDuration, attemptStart } from "./attempt";

const MIN = 60_000;

describe("an execution's current attempt", () => {
  const failedThenRetried = {
    status: "Executing",
    startedAt: 0,
    lastModifiedAt: 100 * MIN,
    steps: [
      { startedAt: 0, endedAt: 5 * MIN, attempts: 1 }, // Preprocess, succeeded in the first run
      { startedAt: 100 * MIN, endedAt: undefined, attempts: 2 }, // Train: failed at 10 min, retried at 100
    ],
  };

  it("after a retry, counts from the retry, not from the first start", () => {
    expect(attemptStart(failedThenRetried)).toEqual({ at: 100 * MIN, retried: true });
    expect(attemptDuration(failedThenRetried, 103 * MIN)).toEqual({ ms: 3 * MIN, retried: true });
  });

  it("a finished retry ends at the last change", () => {
    expect(
      attemptDuration({ ...failedThenRetried, status: "Succeeded", lastModifiedAt: 112 * MIN }, 500 * MIN),
    ).toEqual({
      ms: 12 * MIN,
      retried: true,
    });
  });

  it("without a retry, counts from the start", () => {
    const plain = {
      status: "Executing",
      startedAt: 0,
      lastModifiedAt: 1,
      steps: [{ startedAt: 0, endedAt: undefined, attempts: 1 }],
    };
    expect(attemptDuration(plain, 7 * MIN)).toEqual({ ms: 7 * MIN, retried: false });
  });

  it("a retry policy restarting a step while others run is not a retry of the execution", () => {
    const policy = {
      status: "Executing",
      startedAt: 0,
      lastModifiedAt: 1,
      steps: [
        { startedAt: 0, endedAt: undefined, attempts: 1 },
        { startedAt: 2 * MIN, endedAt: undefined, attempts: 2 },
      ],
    };
    expect(attemptStart(policy)).toEqual({ at: 0, retried: false });
  });
});
