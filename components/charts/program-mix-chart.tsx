"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface MixRow {
  track: string;
  Verified: number;
  Advanced: number;
  Premier: number;
}

/** Partners per track, stacked by tier. */
export function ProgramMixChart({ data }: { data: MixRow[] }) {
  return (
    <div className="h-72 w-full" role="img" aria-label="Partners per track, by tier">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="track" tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={false} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={false} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="Verified" stackId="t" fill="#2563eb" />
          <Bar dataKey="Advanced" stackId="t" fill="#7c3aed" />
          <Bar dataKey="Premier" stackId="t" fill="#b45309" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
