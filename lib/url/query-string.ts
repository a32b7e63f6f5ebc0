/**
 * `?a=1&b=x` from a plain object, or "" when nothing is set. Strings are kept when non-empty,
 * numbers always; anything else (undefined, null, booleans, objects) is left out.
 */
export function qs(params: object): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params) as [string, unknown][])
    if (typeof v === "string" ? v !== "" : typeof v === "number") s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : "";
}
