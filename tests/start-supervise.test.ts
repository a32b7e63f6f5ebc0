import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { startChild, waitForLine } from "../scripts/lib/processes";
import { nextRestart, supervise, type RestartPolicy } from "../scripts/lib/supervise";

const policy: RestartPolicy = { maxRestarts: 2, windowMs: 60_000, baseDelayMs: 10 };

describe("nextRestart", () => {
  it("allows maxRestarts in the window, doubling the delay, then refuses", () => {
    expect(nextRestart([], 1_000, policy)).toEqual({ allowed: true, attempt: 1, delayMs: 10 });
    expect(nextRestart([900], 1_000, policy)).toEqual({ allowed: true, attempt: 2, delayMs: 20 });
    expect(nextRestart([800, 900], 1_000, policy).allowed).toBe(false);
  });

  it("forgets restarts older than the window", () => {
    expect(nextRestart([0, 10], 70_000, policy)).toMatchObject({ allowed: true, attempt: 1 });
  });
});

describe("supervise (real child processes)", () => {
  const script = "console.log('ready ' + process.pid); setTimeout(() => {}, 60000)";
  const start = async () => {
    const c = startChild("child", process.execPath, ["-e", script], process.env);
    await waitForLine(c, /ready/, 10_000);
    return c;
  };

  it("restarts a killed child, then gives up after the limit", async () => {
    const logs: string[] = [];
    let gaveUp = "";
    let stopping = false;
    const s = await supervise({
      start,
      policy,
      stopping: () => stopping,
      log: (l) => logs.push(l),
      onGiveUp: (l) => (gaveUp = l),
    });
    const first = s.current();
    first.proc.kill("SIGKILL");
    await first.exited;
    await waitUntil(() => s.current() !== first && s.current().proc.exitCode === null);
    const second = s.current();
    expect(second.proc.pid).not.toBe(first.proc.pid);
    expect(logs[0]).toMatch(/child stopped unexpectedly .*restarting it in 10 ms \(restart 1 of at most 2/);

    second.proc.kill("SIGKILL");
    await waitUntil(() => s.current() !== second);
    const third = s.current();
    third.proc.kill("SIGKILL");
    await third.exited;
    await waitUntil(() => gaveUp !== "");
    expect(gaveUp).toMatch(/restarted 2 times in 1 min; giving up/);
    stopping = true;
  });

  it("an intended stop is not restarted", async () => {
    let stopping = false;
    const logs: string[] = [];
    const s = await supervise({
      start,
      policy,
      stopping: () => stopping,
      log: (l) => logs.push(l),
      onGiveUp: () => {},
    });
    stopping = true;
    const c = s.current();
    c.proc.kill("SIGTERM");
    await once(c.proc, "exit");
    await new Promise((r) => setTimeout(r, 100));
    expect(s.current()).toBe(c);
    expect(logs).toEqual([]);
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
