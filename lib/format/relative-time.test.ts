import { format, formatDistanceStrict } from "date-fns";
import { describe, expect, it } from "vitest";
import { localDateTime, relativeTime } from "./relative-time";

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("relativeTime", () => {
  it("words every unit and its boundaries as date-fns' formatDistanceToNowStrict does", () => {
    const offsets = [
      0,
      1 * S,
      29.4 * S,
      59.4 * S,
      59.6 * S,
      1 * M,
      89 * S,
      59 * M,
      59.6 * M,
      1 * H,
      23 * H,
      23.9 * H,
      1 * D,
      1.5 * D,
      29 * D,
      29.9 * D,
      30 * D,
      45 * D,
      200 * D,
      359 * D,
      364 * D,
      365 * D,
      400 * D,
      3 * 365 * D,
    ];
    for (const o of offsets)
      for (const at of [NOW - o, NOW + o])
        expect(relativeTime(at, NOW), `${at - NOW} ms`).toBe(
          formatDistanceStrict(at, NOW, { addSuffix: true }),
        );
  });
});

describe("localDateTime", () => {
  it("formats the local date and time as yyyy-MM-dd HH:mm:ss", () => {
    for (const at of [NOW, Date.UTC(2026, 0, 5, 3, 4, 5), Date.UTC(1999, 11, 31, 23, 59, 59)])
      expect(localDateTime(at)).toBe(format(at, "yyyy-MM-dd HH:mm:ss"));
  });
});
