import { ACCOUNT_ID, REGION } from "../core/arn";
import { hash32, rng } from "../core/clock";
import { userProfile, type Ctx } from "../core/context";
import type { Emulator } from "../core/emulator";

export interface SeedEnv {
  emulator: Emulator;
  scale: "demo" | "large";
  /** "now" of the seeded history, epoch seconds (the start of the current UTC hour unless EMULATOR_ANCHOR is set) */
  anchor: number;
  /** deterministic randomness for this seeder (derived from EMULATOR_SEED and the seeder's name) */
  random: () => number;
  /** A context whose clock reads `at` (a number or a function for a moving clock) and whose caller is a Studio user. */
  as(user: string, at: number | (() => number)): Ctx;
}

export function seedEnv(
  emulator: Emulator,
  scale: "demo" | "large",
  anchor: number,
  seed: string,
  part: string,
): SeedEnv {
  const random = rng(hash32(`${seed}:${part}`));
  return {
    emulator,
    scale,
    anchor,
    random,
    as: (user, at) =>
      emulator.ctx({
        now: typeof at === "number" ? () => at : at,
        random,
        identity: userProfile(user, ACCOUNT_ID, REGION),
      }),
  };
}
