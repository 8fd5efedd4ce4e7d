// Fraud rules: run on every matched conversion and every new commission. A hit
// puts the commission on hold with the reasons; an admin clears or rejects it.
// Pure: the store gathers the numbers (FraudContext), these decide.
//
//   self_referral    the customer's domain is the partner's own (its website or
//                    a team member's email domain), or the customer is a team member;
//   click_flood      the attributed click's hashed IP or user agent clicked the
//                    partner's links more than `maxClicksPerIpHour` /
//                    `maxClicksPerUaHour` times in the hour around it;
//   impossible_timing the event happened before the click it is attributed to
//                    (e.g. paid before click);
//   spike            the partner's matched conversions in the last 24 hours are
//                    more than `spikeFactor` times its daily average over the
//                    previous 90 days (and at least `spikeMinimum`);
//   refund_heavy     over the last 90 days, refunds took back more than
//                    `maxRefundSharePct` of the partner's commissions (at least
//                    `refundMinCommissions` of them).
//
// Worked example: a partner averaging 2 conversions a day has 25 in the last 24
// hours: 25 > 5 x 2 and 25 >= 10 -> spike; its commissions from those
// conversions wait for an admin.

export const FRAUD_THRESHOLDS = {
  maxClicksPerIpHour: 20,
  maxClicksPerUaHour: 200,
  spikeFactor: 5,
  spikeMinimum: 10,
  historyDays: 90,
  maxRefundSharePct: 30,
  refundMinCommissions: 5,
} as const;

export type FraudRule = "self_referral" | "click_flood" | "impossible_timing" | "spike" | "refund_heavy";

export interface FraudHit {
  rule: FraudRule;
  detail: string;
}

export const FRAUD_RULE_LABELS: Record<FraudRule, string> = {
  self_referral: "Self-referral",
  click_flood: "Click flood",
  impossible_timing: "Impossible timing",
  spike: "Sudden spike",
  refund_heavy: "Refund-heavy partner",
};

export interface FraudContext {
  customerDomain: string | null;
  customerEmail: string | null;
  /** The partner's own domains: its website and its team's email domains. */
  partnerDomains: readonly string[];
  partnerMemberEmails: readonly string[];
  eventAt: Date;
  clickedAt: Date | null;
  /** Clicks on the partner's links from the attributed click's hashed IP / user agent within an hour of it. */
  clicksFromIpInHour: number;
  clicksFromUaInHour: number;
  /** The partner's matched conversions in the last 24 hours, and in the 90 days before. */
  conversionsLastDay: number;
  conversionsPrior90Days: number;
  /** Over the last 90 days: commission earned (gross) and taken back by refunds, cents (any currency). */
  commissionGross90Days: number;
  commissionRefunded90Days: number;
  commissionCount90Days: number;
}

const GENERIC_EMAIL_DOMAINS = new Set(["gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "proton.me", "protonmail.com"]);

export function evaluateFraud(c: FraudContext): FraudHit[] {
  const t = FRAUD_THRESHOLDS;
  const hits: FraudHit[] = [];
  const own = new Set(c.partnerDomains.filter((d) => !GENERIC_EMAIL_DOMAINS.has(d)));
  const email = c.customerEmail?.toLowerCase() ?? null;
  if (email && c.partnerMemberEmails.map((e) => e.toLowerCase()).includes(email)) {
    hits.push({ rule: "self_referral", detail: `The customer ${email} is a member of the partner's team` });
  } else if (c.customerDomain && own.has(c.customerDomain)) {
    hits.push({ rule: "self_referral", detail: `The customer's domain ${c.customerDomain} is the partner's own` });
  }
  if (c.clicksFromIpInHour > t.maxClicksPerIpHour) {
    hits.push({ rule: "click_flood", detail: `${c.clicksFromIpInHour} clicks from one IP within an hour (limit ${t.maxClicksPerIpHour})` });
  } else if (c.clicksFromUaInHour > t.maxClicksPerUaHour) {
    hits.push({ rule: "click_flood", detail: `${c.clicksFromUaInHour} clicks from one user agent within an hour (limit ${t.maxClicksPerUaHour})` });
  }
  if (c.clickedAt && c.eventAt.getTime() < c.clickedAt.getTime()) {
    hits.push({ rule: "impossible_timing", detail: `The event (${c.eventAt.toISOString()}) happened before the click (${c.clickedAt.toISOString()})` });
  }
  const dailyAverage = c.conversionsPrior90Days / t.historyDays;
  if (c.conversionsLastDay >= t.spikeMinimum && c.conversionsLastDay > t.spikeFactor * dailyAverage) {
    hits.push({
      rule: "spike",
      detail: `${c.conversionsLastDay} conversions in 24 hours against a daily average of ${dailyAverage.toFixed(1)}`,
    });
  }
  if (c.commissionCount90Days >= t.refundMinCommissions && c.commissionGross90Days > 0) {
    const pct = (c.commissionRefunded90Days / c.commissionGross90Days) * 100;
    if (pct > t.maxRefundSharePct) {
      hits.push({ rule: "refund_heavy", detail: `Refunds took back ${pct.toFixed(0)}% of the last 90 days' commissions (limit ${t.maxRefundSharePct}%)` });
    }
  }
  return hits;
}
