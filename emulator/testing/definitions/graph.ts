/**
 * What a collected definition says about its own run: every step (with nested Condition branches), and what each
 * step waits for — its DependsOn, the steps its expressions read (`Steps.X.…`), and its enclosing Condition.
 */
export interface DefStep {
  name: string;
  type: string;
  deps: Set<string>;
  /** the Condition step (and branch) this step sits in, if any */
  parent?: { condition: string; branch: "IfSteps" | "ElseSteps" };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObj = (v: Json | undefined): v is { [k: string]: Json } =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Step names read through `Get` (`Steps.X.…`) and `PropertyFile` references anywhere in a value. */
function referenced(v: Json | undefined, names: Set<string>, out: Set<string>): void {
  if (Array.isArray(v)) for (const x of v) referenced(x, names, out);
  else if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (k === "IfSteps" || k === "ElseSteps") continue;
      if (k === "Get" && typeof x === "string" && x.startsWith("Steps.")) {
        const name = [...names].find((n) => x.startsWith(`Steps.${n}.`) || x === `Steps.${n}`);
        if (name) out.add(name);
      } else referenced(x, names, out);
    }
  }
}

export function definitionSteps(definition: Json): Map<string, DefStep> {
  const all = new Map<string, DefStep>();
  const raw: { name: string; step: { [k: string]: Json }; parent?: DefStep["parent"] }[] = [];
  const walk = (list: Json | undefined, parent?: DefStep["parent"]) => {
    if (!Array.isArray(list)) return;
    for (const s of list) {
      if (!isObj(s) || typeof s.Name !== "string") continue;
      raw.push({ name: s.Name, step: s, parent });
      const args = s.Arguments;
      if (s.Type === "Condition" && isObj(args)) {
        walk(args.IfSteps, { condition: s.Name, branch: "IfSteps" });
        walk(args.ElseSteps, { condition: s.Name, branch: "ElseSteps" });
      }
    }
  };
  walk(isObj(definition) ? definition.Steps : undefined);
  const names = new Set(raw.map((r) => r.name));
  for (const { name, step, parent } of raw) {
    const deps = new Set<string>();
    if (Array.isArray(step.DependsOn)) for (const d of step.DependsOn) if (typeof d === "string") deps.add(d);
    referenced(step, names, deps);
    if (parent) deps.add(parent.condition);
    deps.delete(name);
    all.set(name, { name, type: typeof step.Type === "string" ? step.Type : "", deps, parent });
  }
  return all;
}
