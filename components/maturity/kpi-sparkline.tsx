"use client";

import { Line, LineChart, ResponsiveContainer, YAxis } from "recharts";

/** A small line of one KPI's values over time (no axes; the tile shows the numbers). */
export function KpiSparkline({ series }: { series: { at: number; value: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={32}>
      <LineChart data={series} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={["dataMin", "dataMax"]} />
        <Line type="monotone" dataKey="value" stroke="#0369a1" dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
