/** Waits for a condition instead of sleeping a fixed time: polls `probe` until it returns a value (not undefined). */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  opts: { what: string; timeoutMs?: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${opts.what}`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 50));
  }
}

/** The emulator's per-operation call counts (recorded when a call has finished). */
export async function emulatorCalls(emulatorUrl: string): Promise<Record<string, number>> {
  const res = await fetch(`${emulatorUrl}/_emulator/stats`);
  return ((await res.json()) as { calls?: Record<string, number> }).calls ?? {};
}
