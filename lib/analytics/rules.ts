import { funnelSteps, type FunnelStep } from "@/lib/attribution/rules";

// Program analytics as pure functions of plain rows: the funnel by quarter,
// partner-sourced against non-partner deals, and the monthly health series.

export interface FunnelCountsRow {
  partnerId: string;
  quarter: string;
  clicks: number;
  signups: number;
  pilots: number;
  paid: number;
}

export interface QuarterFunnel {
  quarter: string;
  steps: FunnelStep[];
}

const sumRows = (rows: readonly FunnelCountsRow[]) =>
  rows.reduce((a, r) => ({ clicks: a.clicks + r.clicks, signups: a.signups + r.signups, pilots: a.pilots + r.pilots, paid: a.paid + r.paid }), { clicks: 0, signups: 0, pilots: 0, paid: 0 });

/** UTM click -> signup -> pilot -> paid per quarter (every listed quarter, zeros included), and the total. */
export function funnelByQuarter(rows: readonly FunnelCountsRow[], quarters: readonly string[]): { quarters: QuarterFunnel[]; total: FunnelStep[] } {
  return {
    quarters: quarters.map((quarter) => ({ quarter, steps: funnelSteps(sumRows(rows.filter((r) => r.quarter === quarter))) })),
    total: funnelSteps(sumRows(rows.filter((r) => quarters.includes(r.quarter)))),
  };
}

/** Per partner over the listed quarters, busiest first. */
export function funnelByPartner(rows: readonly FunnelCountsRow[], quarters: readonly string[], names: ReadonlyMap<string, string>) {
  const ids = [...new Set(rows.filter((r) => quarters.includes(r.quarter)).map((r) => r.partnerId))];
  return ids
    .map((partnerId) => {
      const c = sumRows(rows.filter((r) => r.partnerId === partnerId && quarters.includes(r.quarter)));
      return { partnerId, partnerName: names.get(partnerId) ?? partnerId, ...c, steps: funnelSteps(c) };
    })
    .sort((a, b) => b.paid - a.paid || b.signups - a.signups || b.clicks - a.clicks || a.partnerName.localeCompare(b.partnerName));
}

export interface DealGroup {
  closed: number;
  won: number;
  /** won / closed, 0..1; null without closed deals. */
  closeRate: number | null;
  /** Average amount of won deals, minor units; null without won deals with an amount. */
  aspCents: number | null;
}

//   close rate = won / (won + lost);  ASP = mean amount of won deals
//   delta = partner-sourced - non-partner (close rate in percentage points)
// Worked example: partner 3 won of 4 closed (75%), ASP 600.00; non-partner
// 2 won of 8 (25%), ASP 400.00 -> close-rate delta +50 pp, ASP delta +200.00.
export function compareDeals(opps: readonly { partnerSourced: boolean; stage: string; amountCents: number | null }[]) {
  const group = (partnerSourced: boolean): DealGroup => {
    const mine = opps.filter((o) => o.partnerSourced === partnerSourced && (o.stage === "closed_won" || o.stage === "closed_lost"));
    const won = mine.filter((o) => o.stage === "closed_won");
    const amounts = won.map((o) => o.amountCents).filter((a): a is number => a !== null);
    return {
      closed: mine.length,
      won: won.length,
      closeRate: mine.length ? won.length / mine.length : null,
      aspCents: amounts.length ? Math.round(amounts.reduce((s, a) => s + a, 0) / amounts.length) : null,
    };
  };
  const partner = group(true);
  const direct = group(false);
  return {
    partner,
    direct,
    closeRateDeltaPp: partner.closeRate !== null && direct.closeRate !== null ? (partner.closeRate - direct.closeRate) * 100 : null,
    aspDeltaCents: partner.aspCents !== null && direct.aspCents !== null ? partner.aspCents - direct.aspCents : null,
  };
}

/** "YYYY-MM" for the last `n` months up to `now`'s, oldest first (UTC). */
export function lastMonths(now: Date, n: number): string[] {
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return out;
}

//   acquisition rate(m) = partners joined in m / partners in the program at the start of m
//   retention rate(m)   = partners active in both m-1 and m / partners active in m-1
//   (active: started an install, registered a deal or had a customer attributed that month)
// Worked example: 40 partners on 1 March, 2 join in March -> acquisition 5%;
// 20 active in February, 17 of them active again in March -> retention 85%.
export function acquisitionAndRetention(
  months: readonly string[],
  joined: readonly { month: string; joined: number }[],
  active: readonly { month: string; partnerId: string }[],
) {
  const activeBy = new Map<string, Set<string>>();
  for (const a of active) {
    const s = activeBy.get(a.month) ?? new Set<string>();
    s.add(a.partnerId);
    activeBy.set(a.month, s);
  }
  return months.map((month, i) => {
    const before = joined.filter((j) => j.month < month).reduce((s, j) => s + j.joined, 0);
    const inMonth = joined.find((j) => j.month === month)?.joined ?? 0;
    const prevMonth = i > 0 ? months[i - 1]! : previousMonth(month);
    const prev = activeBy.get(prevMonth) ?? new Set<string>();
    const cur = activeBy.get(month) ?? new Set<string>();
    const kept = [...prev].filter((p) => cur.has(p)).length;
    return {
      month,
      joined: inMonth,
      partnersAtStart: before,
      acquisitionRate: before ? inMonth / before : null,
      activePartners: cur.size,
      retentionRate: prev.size ? kept / prev.size : null,
    };
  });
}

export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}
