import { describe, expect, it } from "vitest";
import { ActionKey } from "./action-key";

describe("ActionKey", () => {
  let n = 0;
  const key = () => new ActionKey(() => `k-${++n}`);

  it("reuses the key for a double click and for a retry after a network error", () => {
    const k = key();
    const first = k.get();
    expect(k.get()).toBe(first);
    k.settle(new TypeError("Failed to fetch"));
    expect(k.get()).toBe(first);
  });

  it("starts a new action after an answer, success or refusal", () => {
    const k = key();
    const first = k.get();
    k.settle();
    const second = k.get();
    expect(second).not.toBe(first);
    k.settle(Object.assign(new Error("Conflict"), { status: 409 }));
    expect(k.get()).not.toBe(second);
  });
});
