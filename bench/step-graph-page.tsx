/**
 * A test page for bench/step-graph-browser.ts: the execution page's StepGraph on a 1,000-step execution
 * (10 layers × 100 steps, 1,800 edges; 6 layers done, one step failed, the 7th layer running), in a column as
 * wide as the page gives it at 1440 px. `window.__refresh()` imitates a live refresh (new statuses, same
 * structure); the graph appears when the "Graph" button is clicked, as on the execution page; timings are left
 * on `window` for the runner.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { StepGraph } from "@/components/pipelines/step-graph";
import { layeredDag } from "@/lib/pipelines/layout/shapes";
import type { StepInfo, StepStatus } from "@/lib/sagemaker/pipelines/types";

declare global {
  interface Window {
    __refresh?: () => void;
    __rendered?: number;
    __selectedAt?: number;
  }
}

const definition = layeredDag(10, 100);
const info = (name: string, status: StepStatus): StepInfo => ({
  name,
  displayName: undefined,
  status,
  startedAt: 0,
  endedAt: undefined,
  attempts: 1,
  failureReason: status === "Failed" ? "AlgorithmError" : undefined,
  kind: "ProcessingJob",
  resourceArn: undefined,
  conditionOutcome: undefined,
  errorMessage: undefined,
  cacheSourceArn: undefined,
  reusedFromArn: undefined,
});
const stepsAt = (tick: number): StepInfo[] =>
  definition
    .filter((_, i) => i < 650 + tick * 10)
    .map((d, i) => info(d.name, i === 642 ? "Failed" : i < 600 + tick * 10 ? "Succeeded" : "Executing"));

function App() {
  const [tick, setTick] = useState(0);
  const steps = useMemo(() => stepsAt(tick), [tick]);
  const [selected, setSelected] = useState<string | undefined>();
  const [graph, setGraph] = useState(false);
  const onSelect = useCallback((name: string) => setSelected(name), []);
  useEffect(() => {
    window.__refresh = () => setTick((t) => t + 1);
  }, []);
  useEffect(() => {
    if (graph) window.__rendered = performance.now();
  }, [graph]);
  useEffect(() => {
    if (selected) requestAnimationFrame(() => setTimeout(() => (window.__selectedAt = performance.now())));
  }, [selected]);
  return (
    <div style={{ width: 1010, padding: 16, fontFamily: "sans-serif" }}>
      {/* as on the execution page, the user switches to the graph view (the page itself is loaded already) */}
      <button type="button" onClick={() => setGraph(true)}>
        Graph
      </button>
      {graph ? (
        <StepGraph definition={definition} steps={steps} selected={selected} onSelect={onSelect} />
      ) : null}
      <p data-testid="selected">{selected ?? "none"}</p>
    </div>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<App />);
