import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { audit } from "@/lib/audit/audit";
import { emit } from "@/lib/events/emit";
import { postLedgerEntry } from "@/lib/payouts/ledger";
import { PAYOUT_ACTOR, settlePartner } from "@/lib/payouts/run";
import { dueAt, PAYOUT_TERMS_VERSION, payoutPeriodFor, type PayoutPeriod } from "@/lib/payouts/rules";
import type { Tx } from "../client";
import { hashKeySecret } from "@/lib/api-keys/keys";
import { apiKeys, commissions, partnerPayoutSettings, payoutRuns, payouts } from "../schema";
import { seedId, type AreaSeeder } from "./context";
import { DEMO_PARTNER_API_KEY } from "./core";

// Demo payouts, made by the real payout engine (settlePartner) run on the two
// past due dates, then Stripe's answers applied:
//   - Brightpixel Studio: paid through Stripe, then a failed transfer;
//   - Ledgerline Assurance: paid by bank transfer; its latest period is left for
//     the next run (the admin's button), which makes one awaiting manual payment;
//   - Northwind Integrations: tax form missing, so its payouts are held;
//   - other partners: a Stripe payout still pending, one awaiting manual payment,
//     a small balance carried over below the minimum, and one held while its tax
//     form awaits verification.
// The last two due periods are paid (by then a daily cron would have run them);
// partners outside the demo cast are left for the next run (the admin's button
// or the cron), and everyone has an upcoming payout: the next month's.

const DAY = 86_400_000;

function monthsBefore(p: PayoutPeriod, n: number): PayoutPeriod {
  const start = new Date(Date.UTC(p.periodStart.getUTCFullYear(), p.periodStart.getUTCMonth() - n, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return { period: `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, "0")}`, periodStart: start, periodEnd: end };
}

async function stripeAnswer(tx: Tx, payoutId: string, answer: { paid: true; transferId: string } | { paid: false; reason: string }, at: Date) {
  const [p] = await tx.select().from(payouts).where(eq(payouts.id, payoutId));
  if (!p) return;
  if (answer.paid) {
    await tx.update(payouts).set({ status: "paid", stripeTransferId: answer.transferId, paidAt: at, updatedAt: at }).where(eq(payouts.id, p.id));
    await audit(tx, { actor: PAYOUT_ACTOR, action: "payout.paid", object: { type: "payout", id: p.id }, partnerId: p.partnerId, before: { status: "pending" }, after: { status: "paid", transferId: answer.transferId }, at });
    await emit(tx, { type: "partner.payout.paid", partnerId: p.partnerId, now: at, data: { payoutId: p.id, amount: { amount: p.totalCents, currency: p.currency }, paidAt: at.toISOString(), method: "stripe", reference: answer.transferId } });
  } else {
    await tx.update(payouts).set({ status: "failed", statusReason: answer.reason, attempts: 1, updatedAt: at }).where(eq(payouts.id, p.id));
    await audit(tx, { actor: PAYOUT_ACTOR, action: "payout.failed", object: { type: "payout", id: p.id }, partnerId: p.partnerId, before: { status: "pending" }, after: { status: "failed", reason: answer.reason, attempts: 1 }, at });
    await emit(tx, { type: "partner.payout.failed", partnerId: p.partnerId, now: at, data: { payoutId: p.id, amount: { amount: p.totalCents, currency: p.currency }, failedAt: at.toISOString(), reason: answer.reason, attempts: 1 } });
  }
}

export const seedPayouts: AreaSeeder = async ({ tx, now, core, faker }) => {
  const bySlug = (slug: string) => core.partners.find((p) => p.slug === slug)!;
  const bright = bySlug("brightpixel-studio").id!;
  const ledger = bySlug("ledgerline-assurance").id!;
  const north = bySlug("northwind-integrations").id!;
  const due = payoutPeriodFor(now);
  const runs = [monthsBefore(due, 2), monthsBefore(due, 1), due].map((p) => ({ p, at: new Date(dueAt(p).getTime() + 6 * 3_600_000) })).filter((r) => r.at.getTime() < now.getTime());

  // The demo partner key reads payouts too.
  await tx
    .update(apiKeys)
    .set({ scopes: sql`array(select distinct unnest(${apiKeys.scopes} || array['payouts:read']::text[]))` })
    .where(eq(apiKeys.hash, hashKeySecret(DEMO_PARTNER_API_KEY)));

  // Commissions other areas marked paid without a payout are paid by the engine instead.
  await tx.update(commissions).set({ status: "payable", paidAt: null, payoutId: null }).where(and(eq(commissions.status, "paid"), sql`not exists (select 1 from payouts p where p.id = ${commissions.payoutId})`));

  // Who earns: the partners with commissions, in a stable order.
  const earners = (
    await tx.selectDistinct({ id: commissions.partnerId }).from(commissions).orderBy(asc(commissions.partnerId))
  )
    .map((r) => r.id)
    .filter((id) => ![bright, ledger, north].includes(id));
  const pendingStripe = earners[0];
  const taxSubmitted = earners[1];
  const manualAwaiting = earners[2];
  const quiet = core.partners.filter((p) => p.status !== "suspended" && ![bright, ledger, north, ...earners].includes(p.id!)).map((p) => p.id!);
  const carried = quiet[0];

  // Earlier commissions of the demo cast (customers they brought before the
  // attribution demo's window), so the payout history spans a few months.
  const cast = [bright, ledger, north, ...[pendingStripe, taxSubmitted, manualAwaiting].filter((id): id is string => Boolean(id))];
  const history: (typeof commissions.$inferInsert)[] = [];
  for (const [ci, partnerId] of cast.entries()) {
    for (const [ri, run] of runs.entries()) {
      const n = faker.number.int({ min: 2, max: 4 });
      for (let k = 0; k < n; k++) {
        const earnedAt = new Date(run.p.periodStart.getTime() + faker.number.int({ min: 2, max: 26 }) * DAY + faker.number.int({ min: 0, max: 86_000 }) * 1000);
        const kind = faker.helpers.arrayElement(["subscription", "subscription", "add_on", "bounty"] as const);
        const base = kind === "bounty" ? 49_900 : faker.helpers.arrayElement([19_900, 49_900, 99_900, 250_000]);
        const rateBps = kind === "bounty" ? null : kind === "add_on" ? 1000 : 2500;
        const gross = kind === "bounty" ? 10_000 : Math.round((base * rateBps!) / 10_000);
        const refunded = ci === 0 && ri === 1 && k === 0 ? Math.round(gross / 2) : 0;
        history.push({
          id: seedId(faker, "com"),
          partnerId,
          customerId: `cus_hist_${ci}_${ri}_${k}`,
          kind,
          sourceKey: `seed-history:${partnerId}:${run.p.period}:${k}`,
          sku: kind === "add_on" ? "addon-survival-monitor" : "provenance-pro",
          baseCents: base,
          rateBps,
          grossCents: gross,
          refundedCents: refunded,
          amountCents: gross - refunded,
          currency: "USD",
          status: "payable",
          earnedAt,
          holdUntil: new Date(earnedAt.getTime() + 30 * DAY),
          createdAt: earnedAt,
          updatedAt: earnedAt,
        });
      }
      if (partnerId === bright && ri === 1) {
        // A mid-month upgrade, prorated like Stripe (credit 20 unused days at 49_900, charge them at 99_900: +33_333), at 25%.
        const at = new Date(run.p.periodStart.getTime() + 10 * DAY);
        history.push({ id: seedId(faker, "com"), partnerId, customerId: "cus_hist_0_1_0", kind: "proration", sourceKey: `seed-history:${partnerId}:${run.p.period}:upgrade`, sku: "provenance-enterprise", baseCents: 33_333, rateBps: 2500, grossCents: 8_333, refundedCents: 0, amountCents: 8_333, currency: "USD", status: "payable", earnedAt: at, holdUntil: new Date(at.getTime() + 30 * DAY), createdAt: at, updatedAt: at });
      }
      if (partnerId === bright && ri === 2) {
        // A refund on an already-paid commission, netted off by a clawback.
        const at = new Date(run.p.periodStart.getTime() + 15 * DAY);
        history.push({ id: seedId(faker, "com"), partnerId, customerId: "cus_hist_0_0_0", kind: "clawback", sourceKey: `seed-history:${partnerId}:${run.p.period}:claw`, sku: null, baseCents: -4_990, rateBps: null, grossCents: -1_248, refundedCents: 0, amountCents: -1_248, currency: "USD", status: "payable", earnedAt: at, holdUntil: at, createdAt: at, updatedAt: at });
      }
    }
  }
  if (history.length) await tx.insert(commissions).values(history);

  // Settings: terms and a verified tax form for everyone, except the demo gaps.
  const stripeAccounts = new Map([
    [bright, `acct_1${faker.string.alphanumeric({ length: 15 })}`],
    ...(pendingStripe ? [[pendingStripe, `acct_1${faker.string.alphanumeric({ length: 15 })}`] as const] : []),
  ]);
  const acceptedAt = new Date(now.getTime() - 150 * DAY);
  await tx.insert(partnerPayoutSettings).values(
    core.partners.map((p) => {
      const id = p.id!;
      const tax = id === north ? "missing" : id === taxSubmitted ? "submitted" : "verified";
      return {
        partnerId: id,
        stripeAccountId: stripeAccounts.get(id) ?? null,
        payoutsEnabled: stripeAccounts.has(id),
        detailsSubmitted: stripeAccounts.has(id),
        termsAcceptedAt: acceptedAt,
        termsVersion: PAYOUT_TERMS_VERSION,
        taxFormType: tax === "missing" ? null : p.hqCountry === "US" || !p.hqCountry ? ("w9" as const) : ("w8ben" as const),
        taxFormStatus: tax as "missing" | "submitted" | "verified",
        taxLegalName: tax === "missing" ? null : `${p.name} LLC`,
        taxSubmittedAt: tax === "missing" ? null : acceptedAt,
        taxVerifiedAt: tax === "verified" ? acceptedAt : null,
        updatedAt: acceptedAt,
      };
    }),
  );

  // A small goodwill credit that stays below the minimum: a carried-over balance.
  if (carried) {
    await postLedgerEntry(tx, {
      partnerId: carried,
      kind: "adjustment",
      amountCents: 3_200,
      currency: "USD",
      effectiveAt: new Date(runs[1]!.p.periodStart.getTime() + 9 * DAY),
      memo: "Goodwill credit: delayed install verification",
      sourceRef: "seed-goodwill-1",
      actor: PAYOUT_ACTOR,
      now: new Date(runs[1]!.p.periodStart.getTime() + 9 * DAY),
    });
  }

  // The two past runs, by the engine, Stripe for the partners that use it.
  const stripePartners = new Set([bright, ...(pendingStripe ? [pendingStripe] : [])]);
  for (const [i, run] of runs.entries()) {
    // Ledgerline's latest period is left for the next run (the admin's button).
    const last = i === runs.length - 1;
    const candidates = [...new Set([...cast, ...(carried ? [carried] : [])])].filter((id) => !(last && id === ledger));
    for (const partnerId of candidates) {
      await settlePartner(tx, { partnerId, period: run.p, mode: stripePartners.has(partnerId) ? "stripe" : "manual", now: run.at, actor: PAYOUT_ACTOR });
    }
    const made = await tx.select().from(payouts).where(and(eq(payouts.period, run.p.period), inArray(payouts.partnerId, candidates)));
    await tx.insert(payoutRuns).values({
      id: seedId(faker, "prun"),
      period: run.p.period,
      startedAt: run.at,
      finishedAt: new Date(run.at.getTime() + 40_000),
      trigger: "cron",
      created: made.length,
      carried: candidates.length - made.length,
      transferred: last ? 0 : made.filter((p) => p.method === "stripe").length,
      failed: last ? made.filter((p) => p.partnerId === bright).length : 0,
    });
    const paidAt = new Date(run.at.getTime() + 2 * 3_600_000);
    for (const p of made) {
      if (p.partnerId === bright) {
        await stripeAnswer(tx, p.id, !last ? { paid: true, transferId: `tr_1${faker.string.alphanumeric({ length: 15 })}` } : { paid: false, reason: "Your destination account needs to have at least one of the following capabilities enabled: transfers" }, paidAt);
      } else if (p.partnerId === pendingStripe) {
        if (!last) await stripeAnswer(tx, p.id, { paid: true, transferId: `tr_1${faker.string.alphanumeric({ length: 15 })}` }, paidAt);
      } else if (p.status === "manual" && !last) {
        const reference = `BANK-${p.period.replace("-", "")}-${seedId(faker, "ref").slice(4, 10).toUpperCase()}`;
        const at = new Date(run.at.getTime() + 3 * DAY);
        await tx.update(payouts).set({ status: "paid", method: "manual", reference, paidAt: at, updatedAt: at }).where(eq(payouts.id, p.id));
        await audit(tx, { actor: PAYOUT_ACTOR, action: "payout.paid_manually", object: { type: "payout", id: p.id }, partnerId: p.partnerId, before: { status: "manual" }, after: { status: "paid", reference }, at });
        await emit(tx, { type: "partner.payout.paid", partnerId: p.partnerId, now: at, data: { payoutId: p.id, amount: { amount: p.totalCents, currency: p.currency }, paidAt: at.toISOString(), method: "manual", reference } });
      }
    }
  }
};
