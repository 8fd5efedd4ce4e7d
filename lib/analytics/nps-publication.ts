import { summarizeCounts, type NpsSummary } from "@/lib/nps/score";

// A quarter's published NPS: what the public page shows, computed once at
// publication and stored (nps_publications.snapshot), so later responses do
// not change a published quarter.

/** Per-partner customer NPS is shown only from this many responses. */
export const MIN_PARTNER_RESPONSES = 5;

export interface CountsRow {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsPublicationSnapshot {
  quarter: string;
  periodStart: string;
  periodEnd: string;
  /** Partners rating the program. */
  partner: NpsSummary & { invited: number; responseRate: number | null };
  /** Customers rating the partner who installed for them, program-wide. */
  customer: NpsSummary & { invited: number; responseRate: number | null };
  /** Customer NPS per partner, partners with enough responses only. */
  perPartner: { partnerName: string; slug: string; n: number; nps: number | null; marginOfError: number | null }[];
  methodology: { sample: string; period: string; exclusions: string[]; formula: string; marginOfError: string };
}

export interface SnapshotInput {
  quarter: string;
  periodStart: Date;
  periodEnd: Date;
  partner: CountsRow & { invited: number; late: number };
  customer: CountsRow & { invited: number; late: number };
  perPartner: (CountsRow & { partnerName: string; slug: string })[];
}

const rate = (answered: number, invited: number) => (invited ? answered / invited : null);

export function buildSnapshot(input: SnapshotInput): NpsPublicationSnapshot {
  const partner = summarizeCounts(input.partner.promoters, input.partner.passives, input.partner.detractors);
  const customer = summarizeCounts(input.customer.promoters, input.customer.passives, input.customer.detractors);
  const rows = input.perPartner.map((r) => ({ partnerName: r.partnerName, slug: r.slug, ...summarizeCounts(r.promoters, r.passives, r.detractors) }));
  const shown = rows.filter((r) => r.n >= MIN_PARTNER_RESPONSES).sort((a, b) => (b.nps ?? -101) - (a.nps ?? -101) || a.partnerName.localeCompare(b.partnerName));
  const hidden = rows.length - shown.length;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const lastDay = day(new Date(input.periodEnd.getTime() - 1));
  return {
    quarter: input.quarter,
    periodStart: input.periodStart.toISOString(),
    periodEnd: input.periodEnd.toISOString(),
    partner: { ...partner, invited: input.partner.invited, responseRate: rate(partner.n, input.partner.invited) },
    customer: { ...customer, invited: input.customer.invited, responseRate: rate(customer.n, input.customer.invited) },
    perPartner: shown.map((r) => ({ partnerName: r.partnerName, slug: r.slug, n: r.n, nps: r.nps, marginOfError: r.marginOfError })),
    methodology: {
      sample: `Partner NPS: every partner organisation's owner was invited once (${input.partner.invited} invitations, ${partner.n} answers). Customer NPS: every customer with a verified install at least 14 days old and a contact address was invited about the partner who installed for them (${input.customer.invited} invitations, ${customer.n} answers). One answer per invitation; invitations expire after 30 days and are reminded once.`,
      period: `Answers given from ${day(input.periodStart)} to ${lastDay} (UTC) to the ${input.quarter} surveys.`,
      exclusions: [
        `${input.partner.late + input.customer.late} answers received after the survey closed are excluded.`,
        "Addresses that unsubscribed from surveys were not invited.",
        `Per-partner customer NPS is shown only for partners with at least ${MIN_PARTNER_RESPONSES} answers (${hidden} partner${hidden === 1 ? "" : "s"} below that are counted in the program figure but not listed).`,
      ],
      formula: "NPS = % promoters (9–10) − % detractors (0–6), from −100 to +100; passives (7–8) count in the total only.",
      marginOfError:
        "95% margin of error, normal approximation: each answer scores +1, 0 or −1; MoE = 100 × 1.96 × √(var / n) with var = pP + pD − (pP − pD)², pP and pD the shares of promoters and detractors.",
    },
  };
}

/** "2026-q4" (URL) <-> "2026-Q4". */
export function quarterFromSlug(slug: string): string | null {
  const m = /^(\d{4})-q([1-4])$/i.exec(slug);
  return m ? `${m[1]}-Q${m[2]}` : null;
}

export function quarterSlug(quarter: string): string {
  return quarter.toLowerCase();
}
