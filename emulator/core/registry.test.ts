/**
 * Operations, searchables and tickers register themselves when their file is imported: a file that its area's
 * index does not (transitively) import would register nothing and fail only at run time. This fails here instead.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { operationNames } from "./registry";
import "../ops/index";

const OPS = path.resolve(__dirname, "..", "ops");
const DEFINES = /\bdefine(Operation|Searchable|Ticker|Runner)\(/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, "index.ts")].find((p) => fs.existsSync(p));
}

/** Every file reachable from `entry` through relative imports (type-only imports register nothing). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() ?? "";
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/^import\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
      if (m[1]) continue;
      const target = resolveImport(file, m[2] ?? "");
      if (target) todo.push(target);
    }
  }
  return seen;
}

describe("the operation registry", () => {
  it("imports every file that defines an operation, searchable, ticker or step runner from ops/index.ts", () => {
    const imported = reachable(path.join(OPS, "index.ts"));
    const orphans = sourceFiles(OPS)
      .filter((f) => DEFINES.test(fs.readFileSync(f, "utf8")) && !imported.has(f))
      .map((f) => path.relative(OPS, f));
    expect(orphans, "files whose registrations never run: import them from their area's index.ts").toEqual(
      [],
    );
  });

  it("registers the operations the emulator answers", () => {
    expect(operationNames().filter((n) => !n.startsWith("_")).length).toBeGreaterThanOrEqual(78);
  });
});
