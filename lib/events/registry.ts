import { z } from "zod";

// Every event type the program emits, with the zod schema of its `data` and an
// example (shown on /docs/webhooks and checked against the schema in tests).
// A capability adds its events here and calls emit() (lib/events/emit.ts); the
// webhook machinery needs no other change.
//
// Conventions for payloads: ids are our opaque public ids, times are ISO 8601
// strings in UTC, money is { amount: integer minor units, currency: ISO 4217 }.

const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[0-9A-Za-z]+$`), `must be a ${prefix}_ id`);
const isoTime = z.iso.datetime({ offset: true });
const money = z.strictObject({ amount: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/) });
const tier = z.enum(["verified", "advanced", "premier"]);
const stack = z.enum(["wordpress", "shopify", "workers", "custom"]);

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  /** What happened, for the docs and the console's event picker. */
  description: string;
  data: S;
  example: z.input<S>;
}

const define = <S extends z.ZodType>(def: EventDefinition<S>) => def;

export const EVENT_REGISTRY = {
  "partner.test": define({
    description: "A test event, sent from the console or the API to check an endpoint. Safe to ignore.",
    data: z.strictObject({ message: z.string(), endpointId: id("whe"), sentBy: z.string().nullable() }),
    example: {
      message: "This is a test event from Provenant Partners.",
      endpointId: "whe_3k2j9x0c8v7b6n5m4l1q",
      sentBy: "olivia@brightpixel.studio",
    },
  }),
  "partner.deal_registered": define({
    description: "A deal was registered for a prospective customer and is protected for 60 days.",
    data: z.strictObject({
      dealId: id("deal"),
      company: z.string(),
      domain: z.string(),
      stack: stack.nullable(),
      estimatedValue: money.nullable(),
      registeredAt: isoTime,
      expiresAt: isoTime,
    }),
    example: {
      dealId: "deal_8f3k2m1n0p9q8r7s6t5u",
      company: "Northwind Traders",
      domain: "northwind.example",
      stack: "shopify",
      estimatedValue: { amount: 1_200_000, currency: "USD" },
      registeredAt: "2026-11-02T09:30:00.000Z",
      expiresAt: "2027-01-01T09:30:00.000Z",
    },
  }),
  "partner.deal_expired": define({
    description: "A registered deal reached the end of its 60-day window without closing.",
    data: z.strictObject({ dealId: id("deal"), company: z.string(), registeredAt: isoTime, expiredAt: isoTime }),
    example: {
      dealId: "deal_8f3k2m1n0p9q8r7s6t5u",
      company: "Northwind Traders",
      registeredAt: "2026-09-01T09:30:00.000Z",
      expiredAt: "2026-10-31T09:30:00.000Z",
    },
  }),
  "partner.attribution_matched": define({
    description:
      "A signup, pilot or paid event was attributed to you: through one of your tracking links (within 60 days of the click), a registered deal, your partner id, or because the customer is already yours.",
    data: z.strictObject({
      attributionId: id("attr"),
      stage: z.enum(["signup", "pilot", "paid"]),
      customerId: z.string(),
      matchedVia: z.enum(["customer", "deal", "click", "partner_id"]),
      linkCode: z.string().nullable(),
      clickedAt: isoTime.nullable(),
      dealId: id("deal").nullable(),
      matchedAt: isoTime,
    }),
    example: {
      attributionId: "attr_2b4d6f8h0j2l4n6p8r0t",
      stage: "paid",
      customerId: "cus_7Hk2Lm9Np3Qr",
      matchedVia: "click",
      linkCode: "brightpixel-spring",
      clickedAt: "2026-10-20T14:05:00.000Z",
      dealId: null,
      matchedAt: "2026-11-03T08:12:00.000Z",
    },
  }),
  "partner.commission.created": define({
    description:
      "A payment (or a plan change) earned you a commission. It is pending during the 30-day hold period, so refunds can land, then payable; held when a fraud check needs an admin's review.",
    data: z.strictObject({
      commissionId: id("com"),
      kind: z.enum(["subscription", "add_on", "bounty", "proration"]),
      invoiceId: z.string().nullable(),
      attributionId: id("attr").nullable(),
      sku: z.string(),
      amount: money,
      rateBps: z.number().int().min(0).max(10_000).nullable(),
      status: z.enum(["pending", "payable", "held"]),
      payableAt: isoTime,
    }),
    example: {
      commissionId: "com_5c7e9g1i3k5m7o9q1s3u",
      kind: "subscription",
      invoiceId: "in_1QxY2z3A4b5C6d",
      attributionId: "attr_2b4d6f8h0j2l4n6p8r0t",
      sku: "provenance-pro-annual",
      amount: { amount: 36_000, currency: "USD" },
      rateBps: 2000,
      status: "pending",
      payableAt: "2026-12-03T00:00:00.000Z",
    },
  }),
  "partner.payout.created": define({
    description: "A monthly payout was prepared from your payable commissions (paid net-30).",
    data: z.strictObject({
      payoutId: id("po"),
      amount: money,
      periodStart: isoTime,
      periodEnd: isoTime,
      dueAt: isoTime,
      lineCount: z.number().int().min(1),
      status: z.enum(["held", "pending", "manual"]).optional(),
    }),
    example: {
      payoutId: "po_9a8s7d6f5g4h3j2k1l0z",
      amount: { amount: 148_250, currency: "USD" },
      periodStart: "2026-10-01T00:00:00.000Z",
      periodEnd: "2026-11-01T00:00:00.000Z",
      dueAt: "2026-12-01T00:00:00.000Z",
      lineCount: 7,
      status: "pending",
    },
  }),
  "partner.payout.paid": define({
    description: "A payout was paid out to you.",
    data: z.strictObject({
      payoutId: id("po"),
      amount: money,
      paidAt: isoTime,
      method: z.enum(["stripe", "manual"]),
      reference: z.string().nullable(),
    }),
    example: {
      payoutId: "po_9a8s7d6f5g4h3j2k1l0z",
      amount: { amount: 148_250, currency: "USD" },
      paidAt: "2026-12-01T10:00:00.000Z",
      method: "stripe",
      reference: "tr_1QzA2b3C4d5E6f",
    },
  }),
  "partner.payout.failed": define({
    description: "Sending a payout failed (for example, your Stripe account cannot receive transfers yet). We retry once the cause is fixed; nothing was paid twice.",
    data: z.strictObject({
      payoutId: id("po"),
      amount: money,
      failedAt: isoTime,
      reason: z.string(),
      attempts: z.number().int().min(1),
    }),
    example: {
      payoutId: "po_9a8s7d6f5g4h3j2k1l0z",
      amount: { amount: 148_250, currency: "USD" },
      failedAt: "2026-12-01T10:00:00.000Z",
      reason: "Your destination account needs to have at least one of the following capabilities enabled: transfers",
      attempts: 1,
    },
  }),
  "partner.badge.awarded": define({
    description: "You earned a badge (for example a certification) that shows on your profile and embeds.",
    data: z.strictObject({ badgeId: id("bdg"), kind: z.string(), label: z.string(), awardedAt: isoTime, expiresAt: isoTime.nullable() }),
    example: {
      badgeId: "bdg_4r5t6y7u8i9o0p1a2s3d",
      kind: "certified_installer_wordpress",
      label: "Certified Installer — WordPress",
      awardedAt: "2026-11-10T12:00:00.000Z",
      expiresAt: "2027-11-10T12:00:00.000Z",
    },
  }),
  "partner.badge.revoked": define({
    description: "A badge was withdrawn; embeds stop showing it.",
    data: z.strictObject({ badgeId: id("bdg"), kind: z.string(), revokedAt: isoTime, reason: z.string() }),
    example: {
      badgeId: "bdg_4r5t6y7u8i9o0p1a2s3d",
      kind: "certified_installer_wordpress",
      revokedAt: "2026-11-20T16:45:00.000Z",
      reason: "Certification expired",
    },
  }),
  "partner.badge.restored": define({
    description: "A revoked badge was restored by the program; embeds show it as valid again.",
    data: z.strictObject({ badgeId: id("bdg"), kind: z.string(), restoredAt: isoTime, state: z.enum(["active", "probation"]) }),
    example: { badgeId: "bdg_4r5t6y7u8i9o0p1a2s3d", kind: "certified_installer", restoredAt: "2026-11-22T09:00:00.000Z", state: "active" },
  }),
  "partner.badge_violation_opened": define({
    description:
      "The badge scanner (or the embed log) found a misuse of your badge: a copied image, a higher tier than you hold, an expired or revoked badge still shown, a badge without its verification link, or a badge on a domain you have not declared. Fix it before the deadline, then mark it fixed in the console.",
    data: z.strictObject({
      violationId: id("bvi"),
      kind: z.enum(["foreign_image", "tier_overclaim", "inactive_badge", "missing_verify_link", "undeclared_domain"]),
      badgeId: id("bdg").nullable(),
      pageUrl: z.string().nullable(),
      host: z.string(),
      detail: z.string(),
      openedAt: isoTime,
      deadlineAt: isoTime,
    }),
    example: {
      violationId: "bvi_7h6g5f4d3s2a1q0w9e8r",
      kind: "missing_verify_link",
      badgeId: "bdg_4r5t6y7u8i9o0p1a2s3d",
      pageUrl: "https://brightpixel.studio/about",
      host: "brightpixel.studio",
      detail: "The badge is not linked to its verify page.",
      openedAt: "2026-11-18T03:00:00.000Z",
      deadlineAt: "2026-12-02T03:00:00.000Z",
    },
  }),
  "partner.badge_violation_closed": define({
    description: "A badge violation was closed: fixed (a rescan no longer finds it), resolved by an admin, or escalated (the badge was revoked).",
    data: z.strictObject({
      violationId: id("bvi"),
      kind: z.enum(["foreign_image", "tier_overclaim", "inactive_badge", "missing_verify_link", "undeclared_domain"]),
      outcome: z.enum(["fixed", "resolved", "escalated"]),
      note: z.string().nullable(),
      closedAt: isoTime,
    }),
    example: { violationId: "bvi_7h6g5f4d3s2a1q0w9e8r", kind: "missing_verify_link", outcome: "fixed", note: null, closedAt: "2026-11-21T03:00:00.000Z" },
  }),
  "partner.tier.changed": define({
    description: "Your program tier changed (Verified, Advanced, Premier).",
    data: z.strictObject({ from: tier, to: tier, effectiveAt: isoTime, reason: z.string() }),
    example: { from: "advanced", to: "premier", effectiveAt: "2026-11-01T00:00:00.000Z", reason: "Quarterly tier review" },
  }),
  "partner.mdf_request.decided": define({
    description: "An MDF request was approved, partly approved or rejected. Amounts in minor units.",
    data: z.strictObject({
      requestId: id("mdf"),
      status: z.enum(["approved", "partly_approved", "rejected"]),
      requested: money,
      approved: money.nullable(),
      reason: z.string().nullable(),
      decidedAt: isoTime,
    }),
    example: {
      requestId: "mdf_7h6g5f4d3s2a1q0w9e8r",
      status: "partly_approved",
      requested: { amount: 500_000, currency: "USD" },
      approved: { amount: 350_000, currency: "USD" },
      reason: "Venue costs are covered; catering is not.",
      decidedAt: "2026-11-12T10:00:00.000Z",
    },
  }),
  "partner.mdf_claim.decided": define({
    description: "The claim for an MDF activity was approved and reimbursed, or rejected.",
    data: z.strictObject({
      requestId: id("mdf"),
      status: z.enum(["reimbursed", "claim_rejected"]),
      reimbursed: money.nullable(),
      reason: z.string().nullable(),
      decidedAt: isoTime,
    }),
    example: {
      requestId: "mdf_7h6g5f4d3s2a1q0w9e8r",
      status: "reimbursed",
      reimbursed: { amount: 342_150, currency: "USD" },
      reason: null,
      decidedAt: "2026-12-20T15:30:00.000Z",
    },
  }),
  "partner.marketing.reviewed": define({
    description: "The program reviewed material you submitted for brand use: approved (with its reference id) or changes requested.",
    data: z.strictObject({
      submissionId: id("cms"),
      status: z.enum(["approved", "changes_requested"]),
      referenceId: z.string().nullable(),
      comment: z.string().nullable(),
      reviewedAt: isoTime,
    }),
    example: {
      submissionId: "cms_1a2s3d4f5g6h7j8k9l0z",
      status: "approved",
      referenceId: "CM-2026-0042",
      comment: "Looks good. Quote the reference id in the footer.",
      reviewedAt: "2026-11-18T09:15:00.000Z",
    },
  }),
  "partner.webinar.lead_registered": define({
    description: "Someone registered for one of your webinars. `qualified` follows the program's lead qualification rules.",
    data: z.strictObject({
      webinarId: id("wbn"),
      registrationId: id("wbr"),
      company: z.string(),
      qualified: z.boolean(),
      registeredAt: isoTime,
    }),
    example: {
      webinarId: "wbn_0p9o8i7u6y5t4r3e2w1q",
      registrationId: "wbr_q1w2e3r4t5y6u7i8o9p0",
      company: "Northwind Traders",
      qualified: true,
      registeredAt: "2026-11-20T17:02:00.000Z",
    },
  }),
  "partner.agreement_signed": define({
    description:
      "An owner signed the current version of the Master Partner Agreement and/or the Marketplace Terms. Each document comes with the SHA-256 of the exact text signed.",
    data: z.strictObject({
      receiptId: id("rcp"),
      signedBy: z.string(),
      signedAt: isoTime,
      documents: z
        .array(
          z.strictObject({
            document: z.enum(["master_agreement", "marketplace_terms"]),
            version: z.string(),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
          }),
        )
        .min(1),
    }),
    example: {
      receiptId: "rcp_6h5g4f3d2s1a0q9w8e7r",
      signedBy: "olivia@brightpixel.studio",
      signedAt: "2026-11-26T09:15:00.000Z",
      documents: [
        { document: "master_agreement", version: "2.0", sha256: "23c74747f0c430f9bd5f09d44dfd300f4f60238401d25677ed014e6f424b141b" },
        { document: "marketplace_terms", version: "1.0", sha256: "a7e525ba0774609ccf1784356243aef5dd92e48c256158b7fa710924cf39de89" },
      ],
    },
  }),
  "partner.badge.changed": define({
    description: "A badge you hold changed state or tier: probation (shown gray) to active, or the tier it shows.",
    data: z.strictObject({
      badgeId: id("bdg"),
      kind: z.string(),
      state: z.enum(["active", "probation", "expired"]),
      tier: tier.nullable(),
      changedAt: isoTime,
    }),
    example: { badgeId: "bdg_4r5t6y7u8i9o0p1a2s3d", kind: "certified_installer", state: "active", tier: "advanced", changedAt: "2026-11-20T02:00:00.000Z" },
  }),
  "partner.certification.changed": define({
    description:
      "Your certification status changed: certified (the first 60 days are probation), in its re-certification window (the last 30 days before expiry), renewed for a year, or expired.",
    data: z.strictObject({
      from: z.enum(["uncertified", "probation", "certified", "recertifying", "expired"]),
      to: z.enum(["uncertified", "probation", "certified", "recertifying", "expired"]),
      action: z.enum(["none", "certify", "renew", "expire", "recertify"]),
      certifiedAt: isoTime.nullable(),
      expiresAt: isoTime.nullable(),
      changedAt: isoTime,
    }),
    example: {
      from: "probation",
      to: "certified",
      action: "none",
      certifiedAt: "2026-09-01T02:00:00.000Z",
      expiresAt: "2027-09-01T02:00:00.000Z",
      changedAt: "2026-10-31T02:00:00.000Z",
    },
  }),
} as const satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof EVENT_REGISTRY;
export type EventData<T extends EventType> = z.input<(typeof EVENT_REGISTRY)[T]["data"]>;

export const EVENT_TYPES = Object.keys(EVENT_REGISTRY) as EventType[];

/** The event types an endpoint can subscribe to (the test event goes to whichever endpoint asks for it). */
export const SUBSCRIBABLE_EVENT_TYPES = EVENT_TYPES.filter((t) => t !== "partner.test");

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_REGISTRY, value);
}

/** The JSON body receivers get: the same bytes on every retry of a delivery. */
export interface EventEnvelope {
  id: string;
  type: string;
  timestamp: string;
  data: unknown;
}

export function envelopeOf(event: { id: string; type: string; createdAt: Date; payload: unknown }): EventEnvelope {
  return { id: event.id, type: event.type, timestamp: event.createdAt.toISOString(), data: event.payload };
}
