import "server-only";
import { assertAdmin, assertPartner, type Principal } from "@/lib/auth/permissions";
import { previousQuarter, quarterOf, summarizeCounts, type NpsSummary } from "./score";
import { countsByPartner, countsByQuarter, invitationStats, listResponses } from "./store";

export interface QuarterNps extends NpsSummary {
  quarter: string;
}

/** The last `n` quarters up to the current one, oldest first, with empty ones filled in. */
export function lastQuarters(now: Date, n: number): string[] {
  const out = [quarterOf(now)];
  while (out.length < n) out.unshift(previousQuarter(out[0]!));
  return out;
}

function byQuarter(rows: { quarter: string; promoters: number; passives: number; detractors: number }[], quarters: string[]): QuarterNps[] {
  return quarters.map((quarter) => {
    const r = rows.find((x) => x.quarter === quarter);
    return { quarter, ...summarizeCounts(Number(r?.promoters ?? 0), Number(r?.passives ?? 0), Number(r?.detractors ?? 0)) };
  });
}

export async function getPartnerNps(principal: Principal | null, partnerId: string, now: Date, page: number) {
  assertPartner(principal, "nps:read", partnerId);
  const quarters = lastQuarters(now, 5);
  const [rows, responses] = await Promise.all([countsByQuarter("customer", partnerId), listResponses({ audience: "customer", partnerId, page, pageSize: 20 })]);
  const all = rows.reduce((a, r) => ({ p: a.p + Number(r.promoters), pa: a.pa + Number(r.passives), d: a.d + Number(r.detractors) }), { p: 0, pa: 0, d: 0 });
  return { quarters: byQuarter(rows, quarters), allTime: summarizeCounts(all.p, all.pa, all.d), responses };
}

export async function getAdminNps(principal: Principal | null, now: Date, quarter: string | undefined, page: number) {
  assertAdmin(principal, "nps:read");
  const quarters = lastQuarters(now, 5);
  const selected = quarter && /^\d{4}-Q[1-4]$/.test(quarter) ? quarter : quarterOf(now);
  const [customer, partner, perPartner, stats, comments] = await Promise.all([
    countsByQuarter("customer"),
    countsByQuarter("partner"),
    countsByPartner("customer", selected),
    invitationStats(selected),
    listResponses({ audience: "partner", page, pageSize: 15 }),
  ]);
  return {
    quarters,
    selected,
    customer: byQuarter(customer, quarters),
    partner: byQuarter(partner, quarters),
    perPartner: perPartner.map((r) => ({ partnerId: r.partnerId, partnerName: r.partnerName, ...summarizeCounts(Number(r.promoters), Number(r.passives), Number(r.detractors)) })),
    stats,
    comments,
  };
}
