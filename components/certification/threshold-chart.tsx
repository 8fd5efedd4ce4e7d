"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const AXIS = { fontSize: 12, fill: "#475569" };

/** Each tier metric as a share of its bar (100% = exactly at the bar), for Advanced and Premier. */
export function ThresholdChart({ data, label }: { data: { metric: string; advanced: number | null; premier: number | null }[]; label: string }) {
  return (
    <div className="h-80 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" domain={[0, 150]} tickFormatter={(v) => `${v}%`} tick={AXIS} tickLine={false} axisLine={false} />
          <YAxis type="category" dataKey="metric" width={170} tick={AXIS} tickLine={false} axisLine={false} />
          <Tooltip formatter={(v) => (typeof v === "number" ? `${v.toFixed(0)}% of the bar` : "no data")} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine x={100} stroke="#be123c" strokeDasharray="4 4" />
          <Bar dataKey="advanced" name="vs Advanced" fill="#236f66" isAnimationActive={false} />
          <Bar dataKey="premier" name="vs Premier" fill="#2563eb" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
