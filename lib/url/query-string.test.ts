import { describe, expect, it } from "vitest";
import { qs } from "./query-string";

describe("qs", () => {
  it("is empty when nothing is set", () => {
    expect(qs({})).toBe("");
    expect(qs({ a: undefined, b: "", c: null })).toBe("");
  });

  it("keeps non-empty strings and numbers, in order, encoded", () => {
    expect(qs({ q: "a b&c", size: 50, page: 0, after: undefined })).toBe("?q=a+b%26c&size=50&page=0");
  });

  it("leaves out booleans and objects", () => {
    expect(qs({ flag: true, nested: { x: 1 }, name: "x" })).toBe("?name=x");
  });
});
