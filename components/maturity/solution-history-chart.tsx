"use client";

import { format } from "date-fns";
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { PHASES, type Phase } from "@/lib/maturity/types";
import type { HistoryPoint } from "@/lib/maturity-history/history";

const LEVELS = ["none", ...PHASES] as const;
const level = (p: Phase | null) => (p ? PHASES.indexOf(p) + 1 : 0);
const day = (at: number) => format(at, "MMM d");

/** Phase over time as a step line (left axis: not yet Initial … Scalable) and the score (right axis, 0–100). */
export function SolutionHistoryChart({ points }: { points: HistoryPoint[] }) {
  const data = points.map((p) => ({ at: p.at, phase: level(p.phase), score: p.score, source: p.source }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={day}
          tick={{ fontSize: 10 }}
        />
        <YAxis
          yAxisId="phase"
          domain={[0, PHASES.length]}
          ticks={LEVELS.map((_, i) => i)}
          tickFormatter={(v: number) => LEVELS[v] ?? ""}
          tick={{ fontSize: 10 }}
          width={72}
        />
        <YAxis yAxisId="score" orientation="right" domain={[0, 100]} tick={{ fontSize: 10 }} width={32} />
        <Tooltip
          labelFormatter={(v) => format(Number(v), "yyyy-MM-dd HH:mm")}
          formatter={(value, name) =>
            name === "Phase" ? [LEVELS[Number(value)] ?? "—", name] : [String(value), name]
          }
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line
          yAxisId="phase"
          type="stepAfter"
          dataKey="phase"
          name="Phase"
          stroke="#0369a1"
          strokeWidth={2}
          dot={points.length <= 60}
          isAnimationActive={false}
        />
        <Line
          yAxisId="score"
          type="monotone"
          dataKey="score"
          name="Score"
          stroke="#a16207"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
