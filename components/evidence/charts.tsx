"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

const AXIS = { fontSize: 12, fill: "#475569" };
const COLORS = ["#236f66", "#2563eb", "#b45309", "#7c3aed", "#be123c"];

const pct = (v: unknown) => (typeof v === "number" ? `${(Math.floor(v * 10000) / 100).toFixed(2)}%` : "—");
const shortDay = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** Daily survival, one line per series, with the 99.9% bar. */
export function SurvivalTrendChart({
  data,
  series,
  label,
}: {
  data: Record<string, string | number | null>[];
  series: { key: string; label: string }[];
  label: string;
}) {
  const values = data.flatMap((d) => series.map((s) => d[s.key])).filter((v): v is number => typeof v === "number");
  const min = values.length ? Math.min(...values, 0.999) : 0.99;
  const floor = Math.max(0, Math.floor((min - 0.002) * 1000) / 1000);
  return (
    <div className="h-72 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={AXIS} tickLine={false} axisLine={false} minTickGap={24} />
          <YAxis domain={[floor, 1]} tickFormatter={pct} tick={AXIS} tickLine={false} axisLine={false} width={64} />
          <Tooltip formatter={(v) => pct(v)} labelFormatter={(l) => shortDay(String(l))} />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
          <ReferenceLine y={0.999} stroke="#be123c" strokeDasharray="4 4" label={{ value: "99.9% bar", fontSize: 11, fill: "#be123c", position: "insideBottomRight" }} />
          {series.map((s, i) => (
            <Line key={s.key} type="linear" dataKey={s.key} name={s.label} stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

const minutes = (v: unknown) => (typeof v === "number" ? (v >= 120 ? `${(v / 60).toFixed(1)} h` : `${Math.round(v)} min`) : "—");

/** Weekly TTI p50 and p95, in minutes. */
export function TtiWeeklyChart({ data }: { data: { week: string; p50: number; p95: number }[] }) {
  const rows = data.map((d) => ({ week: d.week, p50: d.p50 / 60, p95: d.p95 / 60 }));
  return (
    <div className="h-64 w-full" role="img" aria-label="Time to install by week, p50 and p95">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 12, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="week" tickFormatter={shortDay} tick={AXIS} tickLine={false} axisLine={false} minTickGap={24} />
          <YAxis scale="log" domain={["auto", "auto"]} allowDataOverflow tickFormatter={minutes} tick={AXIS} tickLine={false} axisLine={false} width={64} />
          <Tooltip formatter={(v) => minutes(v)} labelFormatter={(l) => `Week of ${shortDay(String(l))}`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="linear" dataKey="p95" name="p95" stroke="#b45309" strokeWidth={2} dot={rows.length < 30} isAnimationActive={false} />
          <Line type="linear" dataKey="p50" name="p50" stroke="#236f66" strokeWidth={2} dot={rows.length < 30} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** TTI p50 by stack: partner-led against self-serve, in minutes (log scale). */
export function TtiByStackChart({ data }: { data: { stack: string; partners: number | null; selfServe: number | null; bar: number }[] }) {
  const rows = data.map((d) => ({ stack: d.stack, partners: d.partners === null ? null : d.partners / 60, selfServe: d.selfServe === null ? null : d.selfServe / 60, bar: d.bar / 60 }));
  return (
    <div className="h-72 w-full" role="img" aria-label="Median time to install by stack, partner-led and self-serve">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 12, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="stack" tick={AXIS} tickLine={false} axisLine={false} />
          <YAxis scale="log" domain={[1, "auto"]} allowDataOverflow tickFormatter={minutes} tick={AXIS} tickLine={false} axisLine={false} width={64} />
          <Tooltip formatter={(v) => minutes(v)} cursor={{ fill: "#f1f5f9" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="partners" name="Partner-led p50" fill="#236f66" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="selfServe" name="Self-serve p50" fill="#94a3b8" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="bar" name="Bar" fill="#fca5a5" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** NPS by quarter with its 95% margin of error. */
export function NpsChart({ data, label, series }: { data: Record<string, string | number | null>[]; label: string; series: { key: string; label: string; moe: string }[] }) {
  return (
    <div className="h-72 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 12, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="quarter" tick={AXIS} tickLine={false} axisLine={false} />
          <YAxis domain={[-100, 100]} allowDataOverflow ticks={[-100, -50, 0, 50, 100]} tick={AXIS} tickLine={false} axisLine={false} width={44} />
          <Tooltip formatter={(v) => (typeof v === "number" ? (v > 0 ? `+${Math.round(v)}` : String(Math.round(v))) : "—")} cursor={{ fill: "#f1f5f9" }} />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
          <ReferenceLine y={0} stroke="#94a3b8" />
          {series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={COLORS[i % COLORS.length]} radius={[4, 4, 0, 0]} isAnimationActive={false}>
              <ErrorBar dataKey={s.moe} width={6} stroke="#0f172a" strokeWidth={1} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
