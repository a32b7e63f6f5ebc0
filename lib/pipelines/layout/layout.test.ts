import { describe, expect, it } from "vitest";
import type { DefinitionStep } from "../definition";
import { assignLayers, layeredLayout } from "./layered";
import { NODE_H, NODE_W, stepLayout } from "./step-layout";
import { layeredDag } from "./shapes";
import { fitView, initialView, READABLE_K, visibleParts } from "./viewport";

const step = (name: string, dependsOn: string[] = []): DefinitionStep => ({
  name,
  type: "Processing",
  dependsOn,
  conditions: [],
  ifSteps: [],
  elseSteps: [],
});

function overlaps(nodes: { x: number; y: number }[]): number {
  const sorted = [...nodes].sort((a, b) => a.x - b.x || a.y - b.y);
  let n = 0;
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (b.x - a.x >= NODE_W) break;
      if (Math.abs(a.y - b.y) < NODE_H) n++;
    }
  return n;
}

describe("layered layout", () => {
  it("puts each step one layer after its latest dependency; a source just before its first dependant", () => {
    // a → b → c → d, and a late input e → d
    const layers = assignLayers(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [4, 3],
    ]);
    expect(layers).toEqual([0, 1, 2, 3, 2]);
    // a diamond with a shortcut: d waits for the longest path
    expect(
      assignLayers(4, [
        [0, 1],
        [1, 2],
        [0, 3],
        [2, 3],
      ]),
    ).toEqual([0, 1, 2, 3]);
  });

  it("survives a cycle (not expected in a pipeline) without looping", () => {
    expect(
      assignLayers(3, [
        [0, 1],
        [1, 2],
        [2, 1],
      ]),
    ).toHaveLength(3);
  });

  it("lays out a 10 × 100 layered DAG with 1,800 edges: right layers, left to right, no overlaps", () => {
    const def = layeredDag();
    const edges = def.reduce((n, d) => n + d.dependsOn.length, 0);
    expect(edges).toBe(1_800);
    const g = stepLayout(def, []);
    expect(g.nodes).toHaveLength(1_000);
    expect(g.edges).toHaveLength(1_800);
    for (const n of g.nodes) expect(n.layer).toBe(Number(/^L(\d+)/.exec(n.name)?.[1]));
    const at = new Map(g.nodes.map((n) => [n.name, n]));
    for (const e of g.edges) expect(at.get(e.from)!.x).toBeLessThan(at.get(e.to)!.x);
    expect(overlaps(g.nodes)).toBe(0);
    for (const n of g.nodes) {
      expect(n.x - NODE_W / 2).toBeGreaterThanOrEqual(0);
      expect(n.y + NODE_H / 2).toBeLessThanOrEqual(g.height);
    }
  });

  it("orders a layer by its dependencies (barycentre): no crossings where none are needed", () => {
    // two chains given in crossed order: a1→b2, a2→b1
    const l = layeredLayout(
      4,
      [
        [0, 3],
        [1, 2],
      ],
      { nodeW: 10, nodeH: 10, rankSep: 10, nodeSep: 10, margin: 0 },
    );
    expect(l.order[0]! < l.order[1]!).toBe(l.order[3]! < l.order[2]!);
  });

  it("reuses the same layout object when only statuses change or steps start", () => {
    const def = layeredDag(3, 20);
    const first = stepLayout(def, []);
    const running = stepLayout(
      def,
      def.slice(0, 25).map((d) => ({ name: d.name, status: "Executing" })),
    );
    const failed = stepLayout(
      def,
      def.slice(0, 25).map((d, i) => ({ name: d.name, status: i === 3 ? "Failed" : "Succeeded" })),
    );
    expect(running).toBe(first);
    expect(failed).toBe(first);
    // a structural change is a new layout
    const extra = stepLayout(def, [{ name: "NotInDefinition", kind: "Training" }]);
    expect(extra).not.toBe(first);
    expect(extra.nodes.find((n) => n.name === "NotInDefinition")?.type).toBe("Training");
  });
});

describe("viewport", () => {
  const big = stepLayout(layeredDag(), []);
  const size = { w: 1000, h: 560 };

  it("fits a small graph; opens a big one at a readable zoom centred on the failed step", () => {
    const small = stepLayout([step("A"), step("B", ["A"]), step("C", ["B"])], []);
    const fit = fitView(small, size);
    expect(initialView(small, size, undefined)).toEqual(fit);
    const failed = big.nodes.find((n) => n.name === "L7S42")!;
    const v = initialView(big, size, failed);
    expect(v.k).toBe(READABLE_K);
    expect(failed.x * v.k + v.x).toBeCloseTo(size.w / 2);
    expect(failed.y * v.k + v.y).toBeCloseTo(size.h / 2);
  });

  it("renders only the steps in view", () => {
    const v = initialView(big, size, big.nodes[500]);
    const parts = visibleParts(big, v, size);
    expect(parts.nodes.length).toBeGreaterThan(0);
    expect(parts.nodes.length).toBeLessThan(200); // of 1,000
    expect(parts.edges.length).toBeLessThan(big.edges.length / 4);
    expect(parts.nodes.some((n) => n.name === big.nodes[500]!.name)).toBe(true);
  });
});
