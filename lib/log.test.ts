import { afterEach, describe, expect, it, vi } from "vitest";
import type * as LogModule from "./log";

/** Captures what `fn` writes to stdout and stderr with LOG_FORMAT set (a fresh config and logger module). */
async function capture(format: "text" | "json", fn: (log: typeof LogModule) => void) {
  vi.resetModules();
  vi.stubEnv("LOG_FORMAT", format);
  const mod = await import("./log");
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => {
    out.push(String(c));
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((c: string | Uint8Array) => {
    err.push(String(c));
    return true;
  });
  try {
    fn(mod);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  return { out: out.join(""), err: err.join("") };
}

afterEach(() => vi.unstubAllEnvs());

describe("lib/log (pino)", () => {
  it("json: one object per line with time, level, msg and the fields", async () => {
    const { out } = await capture("json", ({ log }) =>
      log("info", "GET /api/models 200 12ms", {
        requestId: "r-1",
        user: "alice",
        route: "/api/models",
        durationMs: 12,
      }),
    );
    const lines = out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? "") as Record<string, unknown>;
    expect(line).toMatchObject({
      level: "info",
      msg: "GET /api/models 200 12ms",
      requestId: "r-1",
      user: "alice",
      route: "/api/models",
      durationMs: 12,
    });
    expect(new Date(String(line.time)).toISOString()).toBe(line.time);
    expect(line).not.toHaveProperty("pid");
    expect(line).not.toHaveProperty("hostname");
  });

  it("json: an error is serialized with its type, message and stack", async () => {
    const { out } = await capture("json", ({ log }) =>
      log("error", "GET /api/x failed", { requestId: "r-2", err: new TypeError("boom") }),
    );
    const line = JSON.parse(out.trim()) as { level: string; err: Record<string, string> };
    expect(line.level).toBe("error");
    expect(line.err.type).toBe("TypeError");
    expect(line.err.message).toBe("boom");
    expect(line.err.stack).toMatch(/TypeError: boom\n\s+at /);
  });

  it("text: a readable line (no JSON), errors on stderr with the stack indented below", async () => {
    const { out, err } = await capture("text", ({ log }) => {
      log("info", "listening", { port: 3000, skipped: undefined });
      log("error", "decision d-1 failed", { requestId: "r-3", err: new Error("nope") });
    });
    expect(out).toBe("listening port=3000\n");
    expect(err).toMatch(/^decision d-1 failed requestId=r-3\n {4}Error: nope\n {4}\s*at /);
  });
});
