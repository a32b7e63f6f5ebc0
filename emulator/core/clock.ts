/** Simulated time. Timestamps on the wire are epoch seconds (fractional). */

/** EMULATOR_SPEED > 1 makes simulated durations shorter in wall time (tests use 50–200). */
export const SPEED = (() => {
  const v = Number(process.env.EMULATOR_SPEED ?? "1");
  return Number.isFinite(v) && v > 0 ? v : 1;
})();

export const wallNow = (): number => Date.now() / 1000;

/** Wall-clock seconds a simulated duration takes at the current speed. */
export const scaled = (simulatedSeconds: number): number => simulatedSeconds / SPEED;

/** Deterministic PRNG (mulberry32) for seeds and simulated metrics. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stable 32-bit hash of a string (FNV-1a), to derive seeds from names. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
