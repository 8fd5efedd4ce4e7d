import "server-only";
import { z } from "zod";
import { getDb, type Queryable } from "@/db/client";
import { partners } from "@/db/schema";
import { eq } from "drizzle-orm";
import { audit } from "@/lib/audit/audit";
import { systemActor } from "@/lib/audit/actor";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, assertPartner, type Principal } from "@/lib/auth/permissions";
import { emit } from "@/lib/events/emit";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import type { PayoutGateway } from "@/lib/integrations/stripe/connect";
import { postLedgerEntry, reverseLedgerEntry } from "./ledger";
import { canTransition, PAYOUT_TERMS_VERSION } from "./rules";
import { adjustmentSchema, manualPaymentSchema, taxFormSchema } from "./schemas";
import { lockPayout, lockSettings, settingsByStripeAccount, updatePayout, updateSettings } from "./store";
import { sendTransfers } from "./transfers";

// What partners and admins do to payouts and payout settings. Each operation
// authorizes, changes the rows and writes its audit event in one transaction.

// --- Partner: settings ---------------------------------------------------------

export async function acceptPayoutTerms(args: { principal: Principal | null; partnerId: string; now: Date }) {
  assertPartner(args.principal, "payouts:manage", args.partnerId);
  const actor = actorOf(args.principal!);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const s = await lockSettings(tx, args.partnerId, args.now);
    if (s.termsAcceptedAt && s.termsVersion === PAYOUT_TERMS_VERSION) return s;
    const userId = args.principal!.kind === "user" ? args.principal!.viewer.userId : null;
    const row = await updateSettings(tx, args.partnerId, { termsAcceptedAt: args.now, termsAcceptedByUserId: userId, termsVersion: PAYOUT_TERMS_VERSION, updatedAt: args.now });
    await audit(tx, { actor, action: "payout_settings.terms_accepted", object: { type: "partner", id: args.partnerId }, partnerId: args.partnerId, before: { termsVersion: s.termsVersion }, after: { termsVersion: PAYOUT_TERMS_VERSION }, at: args.now });
    return row;
  });
}

export async function submitTaxForm(args: { principal: Principal | null; partnerId: string; input: unknown; now: Date }) {
  assertPartner(args.principal, "payouts:manage", args.partnerId);
  const input = taxFormSchema.parse(args.input);
  const actor = actorOf(args.principal!);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const s = await lockSettings(tx, args.partnerId, args.now);
    const row = await updateSettings(tx, args.partnerId, { taxFormType: input.formType, taxLegalName: input.legalName, taxFormStatus: "submitted", taxSubmittedAt: args.now, taxVerifiedAt: null, updatedAt: args.now });
    await audit(tx, {
      actor,
      action: "payout_settings.tax_form_submitted",
      object: { type: "partner", id: args.partnerId },
      partnerId: args.partnerId,
      before: { taxFormStatus: s.taxFormStatus, taxFormType: s.taxFormType },
      after: { taxFormStatus: "submitted", taxFormType: input.formType },
      at: args.now,
    });
    return row;
  });
}

/**
 * Starts (or resumes) Stripe Express onboarding: creates the connected account
 * once (idempotency key from the partner id) and returns a fresh account link.
 */
export async function startStripeOnboarding(args: { principal: Principal | null; partnerId: string; gateway: PayoutGateway | null; appUrl: string; now: Date }): Promise<{ url: string }> {
  assertPartner(args.principal, "payouts:manage", args.partnerId);
  if (!args.gateway) throw new AppError({ code: "conflict", message: "Stripe payouts are not configured here: payouts are paid manually by the program team" });
  const actor = actorOf(args.principal!);
  const db = await getDb();
  const accountId = await db.transaction(async (tx) => {
    const s = await lockSettings(tx, args.partnerId, args.now);
    if (s.stripeAccountId) return s.stripeAccountId;
    const [p] = await tx.select({ email: partners.contactEmail, country: partners.hqCountry }).from(partners).where(eq(partners.id, args.partnerId));
    const country = p?.country && /^[A-Z]{2}$/.test(p.country) ? p.country : null;
    const account = await args.gateway!.createExpressAccount({ partnerId: args.partnerId, email: p?.email ?? null, country }, `express-account-${args.partnerId}`);
    await updateSettings(tx, args.partnerId, { stripeAccountId: account.id, payoutsEnabled: false, detailsSubmitted: false, updatedAt: args.now });
    await audit(tx, { actor, action: "payout_settings.stripe_account_created", object: { type: "partner", id: args.partnerId }, partnerId: args.partnerId, after: { stripeAccountId: account.id }, at: args.now });
    return account.id;
  });
  const base = args.appUrl.replace(/\/$/, "");
  const link = await args.gateway.createAccountLink({ account: accountId, refreshUrl: `${base}/console/payouts?stripe=refresh`, returnUrl: `${base}/console/payouts?stripe=return` });
  return { url: link.url };
}

const accountEventSchema = z.object({ id: z.string(), payouts_enabled: z.boolean().optional(), details_submitted: z.boolean().optional() });

/** account.updated: keeps payouts_enabled in step with Stripe. Unknown accounts are ignored. */
export async function syncStripeAccount(tx: Queryable, object: unknown, now: Date): Promise<{ partnerId: string | null }> {
  const a = accountEventSchema.parse(object);
  const s = await settingsByStripeAccount(tx, a.id);
  if (!s) return { partnerId: null };
  const payoutsEnabled = a.payouts_enabled ?? false;
  const detailsSubmitted = a.details_submitted ?? s.detailsSubmitted;
  if (payoutsEnabled !== s.payoutsEnabled || detailsSubmitted !== s.detailsSubmitted) {
    await updateSettings(tx, s.partnerId, { payoutsEnabled, detailsSubmitted, updatedAt: now });
    await audit(tx, {
      actor: systemActor("stripe", "Stripe"),
      action: "payout_settings.stripe_synced",
      object: { type: "partner", id: s.partnerId },
      partnerId: s.partnerId,
      before: { payoutsEnabled: s.payoutsEnabled, detailsSubmitted: s.detailsSubmitted },
      after: { payoutsEnabled, detailsSubmitted },
      at: now,
    });
  }
  return { partnerId: s.partnerId };
}

// --- Admin ------------------------------------------------------------------------

export async function verifyTaxForm(args: { principal: Principal | null; partnerId: string; now: Date }) {
  assertAdmin(args.principal, "payouts:manage");
  const actor = actorOf(args.principal!);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const s = await lockSettings(tx, args.partnerId, args.now);
    if (s.taxFormStatus !== "submitted") throw new AppError({ code: "conflict", message: "Only a submitted tax form can be verified" });
    const row = await updateSettings(tx, args.partnerId, { taxFormStatus: "verified", taxVerifiedAt: args.now, updatedAt: args.now });
    await audit(tx, { actor, action: "payout_settings.tax_form_verified", object: { type: "partner", id: args.partnerId }, partnerId: args.partnerId, before: { taxFormStatus: "submitted" }, after: { taxFormStatus: "verified" }, at: args.now });
    return row;
  });
}

/** Records that a manual (or failed Stripe) payout was paid outside the app, with its reference. */
export async function recordManualPayment(args: { principal: Principal | null; payoutId: string; input: unknown; now: Date }) {
  const viewer = assertAdmin(args.principal, "payouts:manage");
  const input = manualPaymentSchema.parse(args.input);
  const actor = actorOf(args.principal!);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const p = await lockPayout(tx, args.payoutId);
    if (!p) throw notFound("Payout");
    if (p.status !== "manual" && p.status !== "failed") throw new AppError({ code: "conflict", message: `A ${p.status} payout cannot be marked paid by hand` });
    const row = await updatePayout(tx, p.id, { status: "paid", method: "manual", reference: input.reference, paidAt: args.now, paidByUserId: viewer.userId, statusReason: null, updatedAt: args.now });
    await audit(tx, { actor, action: "payout.paid_manually", object: { type: "payout", id: p.id }, partnerId: p.partnerId, before: { status: p.status }, after: { status: "paid", reference: input.reference }, at: args.now });
    await emit(tx, {
      type: "partner.payout.paid",
      partnerId: p.partnerId,
      now: args.now,
      data: { payoutId: p.id, amount: { amount: p.totalCents, currency: p.currency }, paidAt: args.now.toISOString(), method: "manual", reference: input.reference },
    });
    return row!;
  });
}

/** A failed Stripe payout goes again: back to pending, then sent with a new idempotency key. */
export async function retryPayout(args: { principal: Principal | null; payoutId: string; gateway: PayoutGateway | null; now: Date }) {
  assertAdmin(args.principal, "payouts:manage");
  const actor = actorOf(args.principal!);
  const db = await getDb();
  const p = await db.transaction(async (tx) => {
    const row = await lockPayout(tx, args.payoutId);
    if (!row) throw notFound("Payout");
    if (row.status !== "failed" || !canTransition("failed", "pending")) throw new AppError({ code: "conflict", message: "Only a failed payout can be retried" });
    if (!args.gateway) throw new AppError({ code: "conflict", message: "Stripe is not configured: record a manual payment instead" });
    await updatePayout(tx, row.id, { status: "pending", updatedAt: args.now });
    await audit(tx, { actor, action: "payout.retried", object: { type: "payout", id: row.id }, partnerId: row.partnerId, before: { status: "failed", reason: row.statusReason }, after: { status: "pending" }, at: args.now });
    return row;
  });
  const sent = await sendTransfers(args.gateway!, args.now, { ids: [p.id], actor });
  return sent;
}

/** An adjustment to a partner's balance (a correction or goodwill), posted to the ledger. */
export async function postAdjustment(args: { principal: Principal | null; partnerId: string; input: unknown; now: Date }) {
  assertAdmin(args.principal, "payouts:manage");
  const input = parseOrThrow(adjustmentSchema, args.input);
  const db = await getDb();
  const [partner] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, args.partnerId));
  if (!partner) throw notFound("Partner");
  return db.transaction((tx) =>
    postLedgerEntry(tx, { partnerId: args.partnerId, kind: "adjustment", amountCents: input.amountCents, currency: input.currency, memo: input.memo, effectiveAt: args.now, actor: actorOf(args.principal!), now: args.now }),
  );
}

export async function reverseEntry(args: { principal: Principal | null; entryId: string; reason: string; now: Date }) {
  assertAdmin(args.principal, "payouts:manage");
  const db = await getDb();
  return db.transaction((tx) => reverseLedgerEntry(tx, { entryId: args.entryId, reason: args.reason, actor: actorOf(args.principal!), now: args.now }));
}
