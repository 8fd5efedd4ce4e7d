"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface FunnelDatum {
  stage: string;
  count: number;
  conversionPct: number | null;
}

/** Clicks -> signups -> pilots -> paid, with each step's conversion from the one before. */
export function FunnelChart({ data }: { data: FunnelDatum[] }) {
  const rows = data.map((d) => ({ ...d, label: d.conversionPct === null ? d.count.toLocaleString("en-US") : `${d.count.toLocaleString("en-US")} · ${d.conversionPct}%` }));
  return (
    <div className="h-72 w-full" role="img" aria-label={`Funnel: ${data.map((d) => `${d.stage} ${d.count}`).join(", ")}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 96, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={false} />
          <YAxis type="category" dataKey="stage" width={64} tick={{ fontSize: 12, fill: "#334155" }} tickLine={false} axisLine={false} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(v) => [Number(v).toLocaleString("en-US"), "Count"]} />
          <Bar dataKey="count" fill="#236f66" radius={[0, 4, 4, 0]} isAnimationActive={false}>
            <LabelList dataKey="label" position="right" style={{ fontSize: 12, fill: "#334155" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
