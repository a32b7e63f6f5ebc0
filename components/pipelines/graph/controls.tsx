"use client";

const BTN =
  "h-7 min-w-7 rounded border border-slate-300 bg-white px-1.5 text-xs text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200";

/** Zoom, fit and pan buttons (keyboard reachable), and "Failed step" when there is one. */
export function GraphControls({
  zoom,
  pan,
  fit,
  showFailed,
  scale,
}: {
  zoom: (factor: number) => void;
  pan: (dx: number, dy: number) => void;
  fit: () => void;
  showFailed: (() => void) | undefined;
  scale: number;
}) {
  const step = 120;
  const buttons: [string, string, () => void][] = [
    ["Zoom in", "+", () => zoom(1.25)],
    ["Zoom out", "−", () => zoom(0.8)],
    ["Fit to view", "Fit", fit],
    ["Pan left", "←", () => pan(step, 0)],
    ["Pan up", "↑", () => pan(0, step)],
    ["Pan down", "↓", () => pan(0, -step)],
    ["Pan right", "→", () => pan(-step, 0)],
  ];
  return (
    <div
      data-graph-control
      className="absolute top-2 right-2 flex items-center gap-1 rounded bg-white/80 p-1 dark:bg-slate-950/80"
      role="toolbar"
      aria-label="Graph view"
    >
      <span className="w-10 text-right text-xs text-slate-500 tabular-nums" aria-live="polite">
        {Math.round(scale * 100)}%
      </span>
      {buttons.map(([label, text, act]) => (
        <button key={label} type="button" className={BTN} aria-label={label} title={label} onClick={act}>
          {text}
        </button>
      ))}
      {showFailed ? (
        <button type="button" className={`${BTN} text-red-700 dark:text-red-300`} onClick={showFailed}>
          Failed step
        </button>
      ) : null}
    </div>
  );
}
