"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

interface MonthPoint {
  month: string;
  bySource: { subscriptions: number; addOns: number; bounties: number; proration: number; clawbacks: number };
  estimatedCents: number;
  actualCents: number;
  paidCents: number;
}

const money = (currency: string) => {
  const f = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 });
  return (v: number) => f.format(v);
};

const short = (month: string) => new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "short", year: "2-digit", timeZone: "UTC" });

/** Commissions earned per month, stacked by source (amounts in whole currency units). */
export function EarningsBySourceChart({ data, currency }: { data: MonthPoint[]; currency: string }) {
  const rows = data.map((m) => ({
    month: short(m.month),
    Subscriptions: m.bySource.subscriptions / 100,
    "Add-ons": m.bySource.addOns / 100,
    Bounties: m.bySource.bounties / 100,
    Proration: m.bySource.proration / 100,
    Clawbacks: m.bySource.clawbacks / 100,
  }));
  const fmt = money(currency);
  return (
    <div className="h-72 w-full" role="img" aria-label="Commissions earned per month by source: subscriptions, add-ons, bounties, proration and clawbacks">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, left: 8, bottom: 0 }} stackOffset="sign">
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} />
          <YAxis tickFormatter={fmt} tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} width={72} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="Subscriptions" stackId="s" fill="#236f66" isAnimationActive={false} />
          <Bar dataKey="Add-ons" stackId="s" fill="#5fb3a7" isAnimationActive={false} />
          <Bar dataKey="Bounties" stackId="s" fill="#a78bfa" isAnimationActive={false} />
          <Bar dataKey="Proration" stackId="s" fill="#60a5fa" isAnimationActive={false} />
          <Bar dataKey="Clawbacks" stackId="s" fill="#f87171" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Per month: what commissions were worth when earned (estimated) beside what they are now (paid + to pay). */
export function EstimatedVsActualChart({ data, currency }: { data: MonthPoint[]; currency: string }) {
  const rows = data.map((m) => ({ month: short(m.month), Estimated: m.estimatedCents / 100, Actual: m.actualCents / 100, Paid: m.paidCents / 100 }));
  const fmt = money(currency);
  return (
    <div className="h-72 w-full" role="img" aria-label="Estimated against actual commissions per month">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} />
          <YAxis tickFormatter={fmt} tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} width={72} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="Estimated" fill="#cbd5e1" isAnimationActive={false} />
          <Bar dataKey="Actual" fill="#236f66" isAnimationActive={false} />
          <Bar dataKey="Paid" fill="#5fb3a7" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
