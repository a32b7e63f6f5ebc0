import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import readline from "node:readline";

export interface Child {
  name: string;
  proc: ChildProcess;
  exited: Promise<number | null>;
}

/** Spawns a long-running child whose output is prefixed with its name. */
export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [proc.stdout, proc.stderr]) {
    if (!stream) continue;
    readline.createInterface({ input: stream }).on("line", (line) => {
      (stream === proc.stderr ? process.stderr : process.stdout).write(`[${name}] ${line}\n`);
    });
  }
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return { name, proc, exited };
}

/** Resolves when a line matching `pattern` is printed; rejects with the last output lines if the child exits first. */
export function waitForLine(child: Child, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const tail: string[] = [];
    const timer = setTimeout(
      () => reject(new Error(`${child.name} did not become ready within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 5) tail.shift();
      if (pattern.test(line)) {
        clearTimeout(timer);
        resolve();
      }
    };
    for (const s of [child.proc.stdout, child.proc.stderr])
      if (s) readline.createInterface({ input: s }).on("line", onLine);
    void child.exited.then((code) => {
      clearTimeout(timer);
      reject(
        new Error(`${child.name} exited (code ${code}) before it was ready: ${tail.at(-1) ?? "no output"}`),
      );
    });
  });
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const proc = spawn(command, args, { env, stdio: "inherit" });
    proc.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    proc.once("error", () => resolve(1));
  });
}

export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: Child, graceMs = 8_000): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill("SIGTERM");
  const timer = setTimeout(() => child.proc.kill("SIGKILL"), graceMs);
  await child.exited;
  clearTimeout(timer);
}

export async function waitForHttp(url: string, timeoutMs: number, alive: () => boolean): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(10_000) });
    } catch {
      if (!alive()) throw new Error(`the server stopped before ${url} answered`);
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}
