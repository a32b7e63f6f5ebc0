/** Small helpers for this area's conformance tests (SDK only). */
import { expect } from "vitest";

/** Follows NextToken until the end, returning every item; fails on a repeated token. */
export async function allPages<T>(
  fetchPage: (token: string | undefined) => Promise<{ items: T[] | undefined; next: string | undefined }>,
): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await fetchPage(token);
    out.push(...(page.items ?? []));
    if (!page.next) return out;
    expect(seen.has(page.next)).toBe(false);
    seen.add(page.next);
    token = page.next;
  }
  throw new Error("pagination did not end");
}

/** Expects the promise to reject with this error name and a message containing `message`. */
export async function expectError(
  p: Promise<unknown>,
  name: string,
  message?: string | RegExp,
): Promise<void> {
  let caught: unknown;
  try {
    await p;
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected ${name}`).toBeInstanceOf(Error);
  const e = caught as Error;
  expect(e.name).toBe(name);
  if (message !== undefined) {
    if (typeof message === "string") expect(e.message).toContain(message);
    else expect(e.message).toMatch(message);
  }
}

/** Polls until `check` returns true or the time runs out. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("condition not reached in time");
}
