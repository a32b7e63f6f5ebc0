/**
 * CloudWatch Logs filter patterns for unstructured events: terms (all must appear, case-sensitive), "quoted
 * phrases", `?term` alternatives (at least one must appear) and `-term` exclusions (none may appear). JSON
 * (`{ $.x = … }`) and space-delimited (`[a, b]`) patterns are not emulated.
 */
import { LogsError } from "./errors";

export interface FilterPattern {
  all: string[];
  any: string[];
  none: string[];
}

export function parseFilterPattern(pattern: string | undefined): FilterPattern {
  const out: FilterPattern = { all: [], any: [], none: [] };
  const text = (pattern ?? "").trim();
  if (text === "") return out;
  if (text.startsWith("{") || text.startsWith("["))
    throw new LogsError(
      "InvalidParameterException",
      "JSON and space-delimited filter patterns are not supported by this emulator.",
    );
  const re = /([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;
  for (const m of text.matchAll(re)) {
    const mod = m[1] ?? "";
    const term = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : (m[3] ?? "");
    if (term === "") {
      if (m[2] === undefined) throw new LogsError("InvalidParameterException", "Invalid filter pattern");
      continue;
    }
    if (mod === "?") out.any.push(term);
    else if (mod === "-") out.none.push(term);
    else out.all.push(term);
  }
  return out;
}

export function matches(p: FilterPattern, message: string): boolean {
  for (const t of p.all) if (!message.includes(t)) return false;
  for (const t of p.none) if (message.includes(t)) return false;
  return p.any.length === 0 || p.any.some((t) => message.includes(t));
}
