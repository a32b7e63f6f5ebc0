import { describe, expect, it } from "vitest";
import { waitedFor } from "./waited";

const S = 1_000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe("waitedFor: one wait, read the same on the KPI tile and the overview", () => {
  it("counts whole minutes under an hour, rounded down, never 0", () => {
    expect(waitedFor(0)).toBe("1 min");
    expect(waitedFor(59 * S)).toBe("1 min");
    expect(waitedFor(MIN)).toBe("1 min");
    expect(waitedFor(2 * MIN - 1)).toBe("1 min");
    expect(waitedFor(2 * MIN)).toBe("2 min");
    expect(waitedFor(59 * MIN + 59 * S)).toBe("59 min");
  });

  it("switches to hours at exactly one hour and keeps hours up to 48 h, rounded down", () => {
    expect(waitedFor(H - 1)).toBe("59 min");
    expect(waitedFor(H)).toBe("1 h");
    expect(waitedFor(2 * H - 1)).toBe("1 h");
    expect(waitedFor(25 * H)).toBe("25 h"); // not "1 d": a day and an hour reads as hours
    expect(waitedFor(47 * H + 59 * MIN + 59 * S)).toBe("47 h");
  });

  it("switches to days at exactly 48 h, rounded down to whole days", () => {
    expect(waitedFor(48 * H - 1)).toBe("47 h");
    expect(waitedFor(48 * H)).toBe("2 d");
    expect(waitedFor(3 * D - 1)).toBe("2 d"); // 71 h 59 min 59 s is not yet 3 d
    expect(waitedFor(3 * D)).toBe("3 d");
    expect(waitedFor(164 * D + 23 * H)).toBe("164 d"); // the "oldest 164 d"
    expect(waitedFor(400 * D)).toBe("400 d"); // no months or years
  });

  it("takes fractional hours from the KPI (its p90 field carries the oldest wait in hours)", () => {
    expect(waitedFor(0.5 * H)).toBe("30 min");
    expect(waitedFor(47.99 * H)).toBe("47 h");
    expect(waitedFor(113.9 * 24 * H)).toBe("113 d");
  });

  it("reads a creation time in the future (clock skew between SageMaker and this server) as the shortest wait", () => {
    expect(waitedFor(-1)).toBe("1 min");
    expect(waitedFor(-5 * MIN)).toBe("1 min");
    expect(waitedFor(-3 * D)).toBe("1 min"); // never a negative or "0 min" wait
  });
});
