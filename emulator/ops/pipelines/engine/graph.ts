/** The step graph: dependency cycles and a topological order. */
import { validation } from "../../../core/errors";
import type { StepDef } from "./definition";

/** Checks the graph has no cycle (naming one if it has) and returns the steps in a topological order. */
export function buildGraph(steps: StepDef[]): StepDef[] {
  const byName = new Map(steps.map((s) => [s.Name, s]));
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  const order: StepDef[] = [];
  const stack: string[] = [];

  const visit = (s: StepDef): void => {
    state.set(s.Name, 1);
    stack.push(s.Name);
    for (const d of s.deps) {
      const dep = byName.get(d);
      if (!dep) continue;
      const st = state.get(d);
      if (st === 1) {
        const cycle = [...stack.slice(stack.indexOf(d)), d];
        throw validation(
          `Invalid pipeline definition: the steps have a dependency cycle: ${cycle.join(" -> ")}.`,
        );
      }
      if (st === undefined) visit(dep);
    }
    stack.pop();
    state.set(s.Name, 2);
    order.push(s);
  };
  for (const s of steps) if (!state.has(s.Name)) visit(s);
  return order;
}
