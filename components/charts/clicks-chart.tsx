"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Counted and raw clicks per day. */
export function ClicksChart({ data }: { data: { day: string; clicks: number; raw: number }[] }) {
  const rows = data.map((d) => ({ day: d.day.slice(5), Counted: d.clicks, Raw: d.raw }));
  return (
    <div className="h-64 w-full" role="img" aria-label="Clicks per day over the last 30 days">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={rows} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={24} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={false} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Area type="monotone" dataKey="Raw" stroke="#94a3b8" fill="#e2e8f0" isAnimationActive={false} />
          <Area type="monotone" dataKey="Counted" stroke="#236f66" fill="#99d5cc" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
