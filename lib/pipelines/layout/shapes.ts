/** Synthetic step graphs for the layout tests and bench/pipelines.ts: the shapes a big pipeline takes. */
import type { DefinitionStep } from "../definition";

const step = (name: string, dependsOn: string[]): DefinitionStep => ({
  name,
  type: "Processing",
  dependsOn,
  conditions: [],
  ifSteps: [],
  elseSteps: [],
});

/** `layers` × `width` steps; each depends on two steps of the layer before (10 × 100: 1,800 edges). */
export function layeredDag(layers = 10, width = 100): DefinitionStep[] {
  const out: DefinitionStep[] = [];
  for (let l = 0; l < layers; l++)
    for (let i = 0; i < width; i++) {
      const deps = l === 0 ? [] : [`L${l - 1}S${i}`, `L${l - 1}S${(i * 7 + 3) % width}`];
      out.push(step(`L${l}S${i}`, [...new Set(deps)]));
    }
  return out;
}

/** A tree of `n` steps, each depending on its parent (three children a step). */
export function tree(n: number): DefinitionStep[] {
  return Array.from({ length: n }, (_, i) => step(`S${i}`, i === 0 ? [] : [`S${Math.floor((i - 1) / 3)}`]));
}
