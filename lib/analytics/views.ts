import "server-only";
import { getDb } from "@/db/client";
import { listLinksWithCounts } from "@/lib/attribution/store";
import { ATTRIBUTION_POLICY } from "@/lib/attribution/policy";
import { buildRedirectUrl } from "@/lib/attribution/rules";
import { trackingUrl } from "@/lib/attribution/manage-links";
import { assertAdmin, assertPartner, canAdmin, type Principal } from "@/lib/auth/permissions";
import { lastQuarters } from "@/lib/nps/views";
import { quarterOf, quarterRange, summarizeCounts } from "@/lib/nps/score";
import { percentile } from "@/lib/stats/descriptive";
import { quarterSlug, type NpsPublicationSnapshot } from "./nps-publication";
import { acquisitionAndRetention, compareDeals, funnelByPartner, funnelByQuarter, lastMonths } from "./rules";
import { brandComplianceRateByMonth, payoutAccuracyByMonth, qualityIncidentRateByMonth } from "./sources";
import {
  activePartnersByMonth,
  closedOpportunities,
  findPublication,
  funnelByPartnerQuarter,
  listPublications,
  npsByMonth,
  paidDealsByMonth,
  partnerNames,
  partnersJoinedByMonth,
  ttiByMonth,
} from "./store";

const QUARTERS = 4;

/** Admin: program-wide and per-partner funnel by quarter, and partner-sourced vs non-partner deals. */
export async function getAdminAnalytics(principal: Principal | null, now: Date) {
  assertAdmin(principal, "analytics:read");
  const db = await getDb();
  const quarters = lastQuarters(now, QUARTERS);
  const since = quarterRange(quarters[0]!).start;
  const [rows, names, opps] = await Promise.all([funnelByPartnerQuarter(db, since), partnerNames(db), closedOpportunities(db, since)]);
  const funnel = funnelByQuarter(rows, quarters);
  return { quarters, funnel, partners: funnelByPartner(rows, quarters, names), deals: compareDeals(opps), since };
}

/** A partner's own funnel by quarter. */
export async function getPartnerAnalytics(principal: Principal | null, partnerId: string, now: Date) {
  assertPartner(principal, "links:read", partnerId);
  const db = await getDb();
  const quarters = lastQuarters(now, QUARTERS);
  const rows = await funnelByPartnerQuarter(db, quarterRange(quarters[0]!).start, partnerId);
  return { quarters, funnel: funnelByQuarter(rows, quarters) };
}

/** Admin: the program's health by month over the last 12 months. */
export async function getProgramHealth(principal: Principal | null, now: Date) {
  assertAdmin(principal, "analytics:read");
  const db = await getDb();
  const months = lastMonths(now, 12);
  const since = new Date(`${months[0]}-01T00:00:00.000Z`);
  const prevSince = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() - 1, 1));
  const period = { since, until: now };
  const [joined, active, paid, nps, tti, payout, incidents, brand] = await Promise.all([
    partnersJoinedByMonth(db),
    activePartnersByMonth(db, prevSince),
    paidDealsByMonth(db, since),
    npsByMonth(db, since),
    ttiByMonth(db, since, now),
    payoutAccuracyByMonth(db, period),
    qualityIncidentRateByMonth(db, period),
    brandComplianceRateByMonth(db, period),
  ]);
  const partners = acquisitionAndRetention(months, joined, active);
  const series = months.map((month, i) => {
    const p = paid.find((x) => x.month === month);
    const npsOf = (aud: "customer" | "partner") => {
      const r = nps.find((x) => x.month === month && x.audience === aud);
      return r ? summarizeCounts(r.promoters, r.passives, r.detractors) : null;
    };
    const ttiOf = (partnerLed: boolean) => tti.find((x) => x.month === month && x.partnerLed === partnerLed) ?? null;
    const c = npsOf("customer");
    const pa = npsOf("partner");
    return {
      month,
      acquisitionRate: partners[i]!.acquisitionRate,
      joined: partners[i]!.joined,
      retentionRate: partners[i]!.retentionRate,
      activePartners: partners[i]!.activePartners,
      avgDealCents: p && p.deals ? Math.round(p.totalCents / p.deals) : null,
      paidDeals: p?.deals ?? 0,
      customerNps: c?.nps ?? null,
      customerNpsN: c?.n ?? 0,
      partnerNps: pa?.nps ?? null,
      partnerNpsN: pa?.n ?? 0,
      ttiPartnerP50: ttiOf(true)?.p50 ?? null,
      ttiSelfP50: ttiOf(false)?.p50 ?? null,
      ttiPartnerN: ttiOf(true)?.n ?? 0,
      payoutAccuracy: payout.value?.find((x) => x.month === month)?.accuracy ?? null,
      // Per 100 installs, as a share for the percentage axis.
      qualityIncidentRate: ((r) => (r === null || r === undefined ? null : r / 100))(incidents.value?.find((x) => x.month === month)?.rate),
      brandComplianceRate: brand.value?.find((x) => x.month === month)?.rate ?? null,
    };
  });
  return {
    months,
    series,
    /** Figures whose source is not in this database: shown as "not measured yet", never as zero. */
    unmeasured: [
      { key: "payoutAccuracy", label: "Commission payout accuracy", reason: payout.reason },
      { key: "qualityIncidentRate", label: "Quality incident rate", reason: incidents.reason },
      { key: "brandComplianceRate", label: "Brand compliance rate", reason: brand.reason },
    ].filter((m): m is { key: string; label: string; reason: string } => m.reason !== null),
  };
}

// ---------------------------------------------------------------------------
// Published NPS quarters
// ---------------------------------------------------------------------------

export async function getPublishedQuarters() {
  const rows = await listPublications(await getDb());
  return rows.map((r) => {
    const s = r.snapshot as NpsPublicationSnapshot;
    return { quarter: r.quarter, slug: quarterSlug(r.quarter), publishedAt: r.publishedAt, partner: s.partner, customer: s.customer };
  });
}

export async function getPublishedQuarter(quarter: string) {
  const row = await findPublication(await getDb(), quarter);
  return row ? { quarter: row.quarter, publishedAt: row.publishedAt, snapshot: row.snapshot as NpsPublicationSnapshot } : null;
}

/** Admin: which closed quarters can be published, and which are. */
export async function getNpsPublishing(principal: Principal | null, now: Date) {
  const viewer = assertAdmin(principal, "nps:read");
  const published = await getPublishedQuarters();
  const current = quarterOf(now);
  const closed = lastQuarters(now, 5).filter((q) => q !== current);
  return {
    published,
    publishable: closed.filter((q) => !published.some((p) => p.quarter === q)).reverse(),
    canPublish: canAdmin(viewer, "nps:publish"),
  };
}

// ---------------------------------------------------------------------------
// GA4 guidance
// ---------------------------------------------------------------------------

/** How this partner's links are tagged, with a real example from their own links. */
export async function getGa4Guidance(principal: Principal | null, partnerId: string) {
  assertPartner(principal, "links:read", partnerId);
  const [link] = await listLinksWithCounts(partnerId, { limit: 1, offset: 0, includeArchived: false });
  const example = link
    ? {
        code: link.code,
        trackingUrl: trackingUrl(link.code),
        destination: link.destination,
        campaign: link.campaign ?? link.code,
        landingUrl: buildRedirectUrl(link.destination, { partnerId, clickId: "clk_example0000000000000", campaign: link.campaign ?? link.code }),
      }
    : null;
  return { partnerId, example, policy: ATTRIBUTION_POLICY };
}

export { percentile };
