/**
 * A layered (Sugiyama-style) layout that stays fast on big DAGs: longest-path layers, a few barycentre
 * sweeps to order each layer, then fixed-pitch coordinates, left to right. O((V + E) log V) per sweep:
 * 1,000 steps with 1,800 edges take a few milliseconds, where dagre's network simplex took ~50 s.
 * Pure: no I/O, safe on the client and the server.
 */

export interface LayeredOptions {
  nodeW: number;
  nodeH: number;
  /** horizontal gap between layers */
  rankSep: number;
  /** vertical gap between nodes of one layer */
  nodeSep: number;
  margin: number;
  /** barycentre sweeps (down + up) */
  sweeps?: number;
}

export interface LayeredLayout {
  /** the layer (column) of each node, by input index */
  layers: number[];
  /** the position of each node inside its layer, top to bottom */
  order: number[];
  /** node centres, by input index */
  xs: number[];
  ys: number[];
  width: number;
  height: number;
}

/** A topological order; nodes on a cycle (not expected in a pipeline) follow in input order. */
function topoOrder(count: number, preds: number[][], succs: number[][]): number[] {
  const indeg = preds.map((p) => p.length);
  const queue: number[] = [];
  for (let i = 0; i < count; i++) if (indeg[i] === 0) queue.push(i);
  const seen = new Uint8Array(count);
  for (let h = 0; h < queue.length; h++) {
    const v = queue[h] as number;
    seen[v] = 1;
    for (const w of succs[v] ?? []) {
      indeg[w] = (indeg[w] ?? 0) - 1;
      if (indeg[w] === 0) queue.push(w);
    }
  }
  for (let i = 0; i < count; i++) if (!seen[i]) queue.push(i);
  return queue;
}

/** Each node's predecessors and successors (self-loops left out). */
function adjacency(count: number, edges: readonly (readonly [number, number])[]) {
  const preds: number[][] = Array.from({ length: count }, () => []);
  const succs: number[][] = Array.from({ length: count }, () => []);
  for (const [a, b] of edges) {
    if (a === b) continue;
    preds[b]?.push(a);
    succs[a]?.push(b);
  }
  return { preds, succs };
}

/**
 * Layers: each node one layer after its latest predecessor (longest path from the sources); a source is then
 * pulled right to just before its first successor, so a late input does not draw an edge across the graph.
 */
export function assignLayers(count: number, edges: readonly (readonly [number, number])[]): number[] {
  const { preds, succs } = adjacency(count, edges);
  const topo = topoOrder(count, preds, succs);
  const pos = new Int32Array(count);
  topo.forEach((v, i) => (pos[v] = i));
  const layer = new Array<number>(count).fill(0);
  for (const v of topo) {
    let l = 0;
    // edges against the topological order close a cycle: ignored
    for (const p of preds[v] ?? []) if ((pos[p] ?? 0) < (pos[v] ?? 0)) l = Math.max(l, (layer[p] ?? 0) + 1);
    layer[v] = l;
  }
  for (let i = 0; i < count; i++) {
    if ((preds[i] ?? []).length > 0 || (succs[i] ?? []).length === 0) continue;
    const first = Math.min(...(succs[i] ?? []).map((s) => layer[s] ?? 0));
    layer[i] = Math.max(layer[i] ?? 0, first - 1);
  }
  return layer;
}

/** Orders each layer by the mean position of its neighbours in the previous (down) or next (up) layer. */
function orderLayers(
  byLayer: number[][],
  preds: number[][],
  succs: number[][],
  rel: Float64Array,
  sweeps: number,
): void {
  const place = (nodes: number[]) => nodes.forEach((v, i) => (rel[v] = (i + 0.5) / nodes.length));
  byLayer.forEach(place);
  const sweep = (nodes: number[], neighbours: number[][]) => {
    const bary = new Map<number, number>();
    for (const v of nodes) {
      const ns = neighbours[v] ?? [];
      let sum = 0;
      for (const n of ns) sum += rel[n] ?? 0;
      bary.set(v, ns.length > 0 ? sum / ns.length : (rel[v] ?? 0));
    }
    // Array.prototype.sort is stable: ties keep their current order
    nodes.sort((a, b) => (bary.get(a) ?? 0) - (bary.get(b) ?? 0));
    place(nodes);
  };
  for (let s = 0; s < sweeps; s++) {
    for (let l = 1; l < byLayer.length; l++) sweep(byLayer[l] ?? [], preds);
    for (let l = byLayer.length - 2; l >= 0; l--) sweep(byLayer[l] ?? [], succs);
  }
  for (let l = 1; l < byLayer.length; l++) sweep(byLayer[l] ?? [], preds);
}

export function layeredLayout(
  count: number,
  edges: readonly (readonly [number, number])[],
  o: LayeredOptions,
): LayeredLayout {
  const layers = assignLayers(count, edges);
  const { preds, succs } = adjacency(count, edges);
  const depth = count === 0 ? 0 : Math.max(...layers) + 1;
  const byLayer: number[][] = Array.from({ length: depth }, () => []);
  layers.forEach((l, i) => byLayer[l]?.push(i));
  const rel = new Float64Array(count);
  orderLayers(byLayer, preds, succs, rel, o.sweeps ?? 2);

  const tallest = Math.max(0, ...byLayer.map((l) => l.length));
  const pitchY = o.nodeH + o.nodeSep;
  const pitchX = o.nodeW + o.rankSep;
  const xs = new Array<number>(count).fill(0);
  const ys = new Array<number>(count).fill(0);
  const order = new Array<number>(count).fill(0);
  byLayer.forEach((nodes, l) => {
    // each layer centred on the tallest one
    const top = o.margin + ((tallest - nodes.length) * pitchY) / 2;
    nodes.forEach((v, i) => {
      order[v] = i;
      xs[v] = o.margin + l * pitchX + o.nodeW / 2;
      ys[v] = top + i * pitchY + o.nodeH / 2;
    });
  });
  return {
    layers,
    order,
    xs,
    ys,
    width: count === 0 ? 0 : 2 * o.margin + depth * pitchX - o.rankSep,
    height: count === 0 ? 0 : 2 * o.margin + tallest * pitchY - o.nodeSep,
  };
}
