"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const AXIS = { fontSize: 12, fill: "#475569" };
const COLORS = ["#236f66", "#2563eb", "#b45309", "#7c3aed", "#be123c"];

/** Step conversion (%) per quarter: signup/click, pilot/signup, paid/pilot. */
export function QuarterConversionChart({ data, label }: { data: { quarter: string; signupPct: number | null; pilotPct: number | null; paidPct: number | null }[]; label: string }) {
  return (
    <div className="h-72 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 12, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="quarter" tick={AXIS} tickLine={false} axisLine={false} />
          <YAxis tickFormatter={(v) => `${v}%`} tick={AXIS} tickLine={false} axisLine={false} width={48} />
          <Tooltip formatter={(v) => (typeof v === "number" ? `${v}%` : "—")} cursor={{ fill: "#f1f5f9" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Bar dataKey="signupPct" name="Click → signup" fill={COLORS[0]} radius={[4, 4, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="pilotPct" name="Signup → pilot" fill={COLORS[1]} radius={[4, 4, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="paidPct" name="Pilot → paid" fill={COLORS[2]} radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Two groups side by side on one measure (close rate %, or ASP). */
export function CompareChart({ data, label, unit }: { data: { group: string; value: number | null }[]; label: string; unit: "%" | "$" }) {
  const fmt = (v: unknown) => (typeof v !== "number" ? "—" : unit === "%" ? `${v.toFixed(1)}%` : `$${Math.round(v).toLocaleString("en-US")}`);
  return (
    <div className="h-56 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" tickFormatter={fmt} tick={AXIS} tickLine={false} axisLine={false} />
          <YAxis type="category" dataKey="group" width={110} tick={AXIS} tickLine={false} axisLine={false} />
          <Tooltip formatter={(v) => fmt(v)} cursor={{ fill: "#f1f5f9" }} />
          <Bar dataKey="value" name={label} fill={COLORS[0]} radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export type Format = "pct" | "money" | "nps" | "minutes";

const formatters: Record<Format, (v: number) => string> = {
  pct: (v) => `${(v * 100).toFixed(1)}%`,
  money: (v) => `$${Math.round(v / 100).toLocaleString("en-US")}`,
  nps: (v) => (v > 0 ? `+${Math.round(v)}` : String(Math.round(v))),
  minutes: (v) => (v >= 7200 ? `${(v / 3600).toFixed(1)} h` : `${Math.round(v / 60)} min`),
};

/** A monthly trend, one or more lines. */
export function TrendChart({ data, series, label, format, log }: { data: Record<string, string | number | null>[]; series: { key: string; label: string }[]; label: string; format: Format; log?: boolean }) {
  const f = formatters[format];
  return (
    <div className="h-56 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, left: 4, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={AXIS} tickLine={false} axisLine={false} minTickGap={16} />
          <YAxis scale={log ? "log" : "auto"} domain={log ? ["auto", "auto"] : format === "nps" ? [-100, 100] : ["auto", "auto"]} allowDataOverflow={log} tickFormatter={(v) => f(Number(v))} tick={AXIS} tickLine={false} axisLine={false} width={64} />
          <Tooltip formatter={(v) => (typeof v === "number" ? f(v) : "—")} />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} /> : null}
          {series.map((s, i) => (
            <Line key={s.key} type="linear" dataKey={s.key} name={s.label} stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot={data.length < 16} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
