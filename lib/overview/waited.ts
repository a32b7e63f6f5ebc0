/**
 * "3 d", "5 h", "12 min": how long a version has waited for a decision — one formatter for the organisation
 * KPI tile and the overview, so the same wait reads the same everywhere (days from 48 h, rounded down).
 */
/** The units waitedFor writes, in words, for the definitions that explain a wait it shows. */
export const WAIT_UNITS = "in minutes under an hour, in hours under 48 h, else in days";

export function waitedFor(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  if (h >= 48) return `${Math.floor(h / 24)} d`;
  if (h >= 1) return `${h} h`;
  return `${Math.max(1, Math.floor(ms / 60_000))} min`;
}
