import { describe, expect, it } from "vitest";
import { decodeToken, encodeToken, inTimeRange, paginate, sortRecords } from "./paginate";

describe("paginate", () => {
  const items = Array.from({ length: 23 }, (_, i) => i);

  it("returns every item exactly once across pages and no token on the last page", () => {
    const seen: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = paginate(items, token, 10, { q: 1 });
      seen.push(...page.items);
      token = page.nextToken;
      pages++;
    } while (token);
    expect(seen).toEqual(items);
    expect(pages).toBe(3);
  });

  it("refuses a tampered token, and a token from another listing", () => {
    const token = encodeToken(10, { q: 1 });
    const [body, sig] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ o: 0, f: "x" })).toString("base64url")}.${sig}`;
    expect(() => decodeToken(`${body}x.${sig}`, { q: 1 })).toThrow(/Invalid pagination token/);
    expect(() => decodeToken(forged, { q: 1 })).toThrow(/Invalid pagination token/);
    expect(() => decodeToken(token, { q: 2 })).toThrow(/Invalid pagination token/);
    expect(decodeToken(token, { q: 1 })).toBe(10);
  });

  it("sorts with a stable tiebreaker and puts missing keys last", () => {
    const rows = [
      { n: "b", t: 2 },
      { n: "a", t: 2 },
      { n: "c", t: undefined },
      { n: "d", t: 1 },
    ];
    const asc = sortRecords(
      [...rows],
      (r) => r.t,
      "Ascending",
      (r) => r.n,
    ).map((r) => r.n);
    const desc = sortRecords(
      [...rows],
      (r) => r.t,
      "Descending",
      (r) => r.n,
    ).map((r) => r.n);
    expect(asc).toEqual(["d", "a", "b", "c"]);
    expect(desc).toEqual(["b", "a", "d", "c"]);
  });

  it("applies time filters as exclusive bounds", () => {
    expect(inTimeRange(10, 5, 15)).toBe(true);
    expect(inTimeRange(5, 5, 15)).toBe(false);
    expect(inTimeRange(15, 5, 15)).toBe(false);
    expect(inTimeRange(undefined, undefined, undefined)).toBe(true);
  });
});
