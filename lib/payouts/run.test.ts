import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { auditEvents, commissions, events, ledgerEntries, payoutLines, payouts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { systemActor } from "@/lib/audit/actor";
import { ledgerBalances, postLedgerEntry, reverseLedgerEntry } from "./ledger";
import { recordManualPayment, verifyTaxForm } from "./manage";
import { PAYOUT_ACTOR, runPayouts, settlePartner, settlePartners } from "./run";
import { payoutPeriodFor } from "./rules";
import { addCommission, makePayee } from "./testing";
import { makeAdmin } from "@/lib/testing/factories";

// Runs on 2026-12-01 pay October (earned before 2026-11-01).
const RUN = new Date("2026-12-01T06:00:00.000Z");
const OCT = new Date("2026-10-15T12:00:00.000Z");
const NOV = new Date("2026-11-10T12:00:00.000Z");

async function payoutsOf(partnerId: string) {
  const db = await getDb();
  return db.select().from(payouts).where(eq(payouts.partnerId, partnerId));
}

async function assertBalanced(partnerId: string) {
  const db = await getDb();
  for (const p of await payoutsOf(partnerId)) {
    const lines = await db.select().from(payoutLines).where(eq(payoutLines.payoutId, p.id));
    expect(lines.reduce((s, l) => s + l.amountCents, 0)).toBe(p.totalCents);
    expect(lines).toHaveLength(p.lineCount);
    const [entry] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.payoutId, p.id));
    expect(entry!.amountCents).toBe(-p.totalCents);
  }
}

describe("a payout run", () => {
  it("pays the period's payable commissions, leaves later ones, and balances the ledger to zero", async () => {
    const { partner } = await makePayee();
    const a = await addCommission(partner.id, 4_000, OCT);
    const b = await addCommission(partner.id, 3_500, new Date("2026-09-02T00:00:00Z"));
    const late = await addCommission(partner.id, 9_000, NOV);
    const pending = await addCommission(partner.id, 2_000, OCT, { status: "pending" });
    const held = await addCommission(partner.id, 2_000, OCT, { status: "held" });

    await runPayouts({ now: RUN, gateway: null });

    const [p] = await payoutsOf(partner.id);
    expect(p).toMatchObject({ period: "2026-10", totalCents: 7_500, lineCount: 2, status: "manual", method: "manual", currency: "USD" });
    await assertBalanced(partner.id);
    const db = await getDb();
    const rows = await db.select().from(commissions).where(inArray(commissions.id, [a.id, b.id, late.id, pending.id, held.id]));
    const status = Object.fromEntries(rows.map((r) => [r.id, `${r.status}:${r.payoutId ?? "-"}`]));
    expect(status).toEqual({ [a.id]: `paid:${p!.id}`, [b.id]: `paid:${p!.id}`, [late.id]: "payable:-", [pending.id]: "pending:-", [held.id]: "held:-" });
    expect(await ledgerBalances(db, partner.id)).toEqual({ USD: 0 });
    const [ev] = await db.select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, "partner.payout.created")));
    expect(ev!.payload).toMatchObject({ payoutId: p!.id, amount: { amount: 7_500, currency: "USD" }, lineCount: 2 });
    const trail = await db.select().from(auditEvents).where(eq(auditEvents.objectId, p!.id));
    expect(trail.map((t) => t.action)).toEqual(["payout.created"]);
  });

  it("writes complete ledger entries: who and when, the commission posted, the payout taken off, nulls where nothing applies", async () => {
    const { partner } = await makePayee();
    const a = await addCommission(partner.id, 4_000, OCT);
    const b = await addCommission(partner.id, -500, OCT, { kind: "clawback" });
    const c = await addCommission(partner.id, 3_000, new Date("2026-09-02T00:00:00Z"));
    await runPayouts({ now: RUN, gateway: null });
    const [p] = await payoutsOf(partner.id);
    const db = await getDb();
    const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.partnerId, partner.id));
    const shape = entries
      .map((e) => ({
        kind: e.kind,
        amountCents: e.amountCents,
        currency: e.currency,
        commissionId: e.commissionId,
        payoutId: e.payoutId,
        reversesEntryId: e.reversesEntryId,
        sourceRef: e.sourceRef,
        memo: e.memo,
        effectiveAt: e.effectiveAt.toISOString(),
        createdAt: e.createdAt.toISOString(),
        createdBy: e.createdBy,
      }))
      .sort((x, y) => x.amountCents - y.amountCents);
    const common = { currency: "USD", reversesEntryId: null, sourceRef: null, createdAt: RUN.toISOString(), createdBy: PAYOUT_ACTOR.label };
    expect(shape).toEqual([
      { ...common, kind: "payout", amountCents: -6_500, commissionId: null, payoutId: p!.id, memo: "Payout for 2026-10", effectiveAt: RUN.toISOString() },
      { ...common, kind: "clawback", amountCents: -500, commissionId: b.id, payoutId: null, memo: "Clawback (refund)", effectiveAt: OCT.toISOString() },
      { ...common, kind: "commission", amountCents: 3_000, commissionId: c.id, payoutId: null, memo: "Commission: subscription provenance-pro", effectiveAt: "2026-09-02T00:00:00.000Z" },
      { ...common, kind: "commission", amountCents: 4_000, commissionId: a.id, payoutId: null, memo: "Commission: subscription provenance-pro", effectiveAt: OCT.toISOString() },
    ]);
    for (const e of entries) expect(e.id).toMatch(/^led_[0-9a-z]{20}$/);
    const lines = await db.select().from(payoutLines).where(eq(payoutLines.payoutId, p!.id));
    expect(lines.map((l) => l.amountCents).sort((x, y) => x - y)).toEqual([-500, 3_000, 4_000]);
    for (const l of lines) expect(l.id).toMatch(/^pol_[0-9a-z]{20}$/);
  });

  it("is idempotent: running again pays nobody twice", async () => {
    const { partner } = await makePayee();
    await addCommission(partner.id, 6_000, OCT);
    await runPayouts({ now: RUN, gateway: null });
    await addCommission(partner.id, 6_000, new Date("2026-10-20T00:00:00Z")); // arrives after the run
    const again = await runPayouts({ now: new Date(RUN.getTime() + 3_600_000), gateway: null });
    expect(again.created).toBe(0);
    expect(await payoutsOf(partner.id)).toHaveLength(1);
    // ...it rides along with next month's payout instead.
    await addCommission(partner.id, 1_000, NOV);
    await runPayouts({ now: new Date("2027-01-01T06:00:00Z"), gateway: null });
    const all = (await payoutsOf(partner.id)).sort((x, y) => x.period.localeCompare(y.period));
    expect(all.map((p) => [p.period, p.totalCents])).toEqual([
      ["2026-10", 6_000],
      ["2026-11", 7_000],
    ]);
    await assertBalanced(partner.id);
  });

  it("carries a balance below the minimum over to the next run, and nets clawbacks", async () => {
    const { partner } = await makePayee();
    await addCommission(partner.id, 3_000, OCT);
    const first = await runPayouts({ now: RUN, gateway: null });
    expect(first.carried).toBeGreaterThanOrEqual(1);
    expect(await payoutsOf(partner.id)).toHaveLength(0);
    const db = await getDb();
    expect(await ledgerBalances(db, partner.id)).toEqual({ USD: 3_000 }); // the carried balance is in the ledger

    await addCommission(partner.id, 4_000, NOV);
    await addCommission(partner.id, -500, NOV, { kind: "clawback" });
    await runPayouts({ now: new Date("2027-01-01T06:00:00Z"), gateway: null });
    const [p] = await payoutsOf(partner.id);
    expect(p).toMatchObject({ period: "2026-11", totalCents: 6_500, lineCount: 3 });
    const kinds = await db.select({ kind: ledgerEntries.kind, amount: ledgerEntries.amountCents }).from(ledgerEntries).where(eq(ledgerEntries.partnerId, partner.id));
    expect(kinds.map((k) => `${k.kind}:${k.amount}`).sort()).toEqual(["clawback:-500", "commission:3000", "commission:4000", "payout:-6500"]);
    expect(await ledgerBalances(db, partner.id)).toEqual({ USD: 0 });
  });

  it("reverses a carried entry whose commission changed before it was paid", async () => {
    const { partner } = await makePayee();
    const c = await addCommission(partner.id, 4_000, OCT);
    await runPayouts({ now: RUN, gateway: null }); // below the minimum: posted, carried
    const db = await getDb();
    await db.update(commissions).set({ refundedCents: 1_000, amountCents: 3_000 }).where(eq(commissions.id, c.id)); // a partial refund lands
    await addCommission(partner.id, 5_000, NOV);
    await runPayouts({ now: new Date("2027-01-01T06:00:00Z"), gateway: null });
    const [p] = await payoutsOf(partner.id);
    expect(p!.totalCents).toBe(8_000);
    const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.commissionId, c.id));
    expect(entries.map((e) => e.amountCents).sort((x, y) => x - y)).toEqual([-4_000, 3_000, 4_000]);
    expect(entries.find((e) => e.amountCents === -4_000)!.reversesEntryId).toBe(entries.find((e) => e.amountCents === 4_000)!.id);
    expect(await ledgerBalances(db, partner.id)).toEqual({ USD: 0 });
    await assertBalanced(partner.id);
  });

  it("holds a payout while the tax form is missing, and releases it once verified", async () => {
    const { partner } = await makePayee({ tax: "submitted" });
    await addCommission(partner.id, 8_000, OCT);
    await runPayouts({ now: RUN, gateway: null });
    const [held] = await payoutsOf(partner.id);
    expect(held).toMatchObject({ status: "held" });
    expect(held!.statusReason).toMatch(/tax form/i);
    const admin = await makeAdmin();
    await expect(recordManualPayment({ principal: admin, payoutId: held!.id, input: { reference: "BANK-1" }, now: RUN })).rejects.toMatchObject({ code: "conflict" });
    await verifyTaxForm({ principal: admin, partnerId: partner.id, now: RUN });
    const r = await runPayouts({ now: new Date(RUN.getTime() + 86_400_000), gateway: null });
    expect(r.released).toBe(1);
    const [manual] = await payoutsOf(partner.id);
    expect(manual!.status).toBe("manual");
    await recordManualPayment({ principal: admin, payoutId: manual!.id, input: { reference: "BANK-2026-12-0042" }, now: RUN });
    const [paid] = await payoutsOf(partner.id);
    expect(paid).toMatchObject({ status: "paid", reference: "BANK-2026-12-0042" });
    await expect(recordManualPayment({ principal: admin, payoutId: paid!.id, input: { reference: "again" }, now: RUN })).rejects.toMatchObject({ code: "conflict" });
    await expect(recordManualPayment({ principal: admin, payoutId: paid!.id, input: { reference: "" }, now: RUN })).rejects.toMatchObject({ name: "ZodError" });
  });

  it("settles each currency on its own, one payout per partner, period and currency", async () => {
    const { partner } = await makePayee({ currency: "EUR" });
    await addCommission(partner.id, 7_000, OCT, { currency: "EUR" });
    await addCommission(partner.id, 6_000, OCT, { currency: "USD" });
    await runPayouts({ now: RUN, gateway: null });
    const all = await payoutsOf(partner.id);
    expect(all.map((p) => `${p.currency}:${p.totalCents}`).sort()).toEqual(["EUR:7000", "USD:6000"]);
    const db = await getDb();
    await expect(
      db.insert(payouts).values({ partnerId: partner.id, period: "2026-10", periodEnd: all[0]!.periodEnd, currency: "EUR", totalCents: 1, lineCount: 1, status: "manual", method: "manual", runAt: RUN, createdAt: RUN, updatedAt: RUN }),
    ).rejects.toThrow();
  });

  it("pays MDF reimbursements posted by another area, once per claim", async () => {
    const { partner } = await makePayee();
    const db = await getDb();
    const post = () =>
      db.transaction((tx) =>
        postLedgerEntry(tx, { partnerId: partner.id, kind: "mdf_reimbursement", amountCents: 12_000, currency: "USD", effectiveAt: OCT, memo: "MDF claim: webinar", sourceRef: "mdf_claim_1", actor: systemActor("mdf"), now: OCT }),
      );
    const first = await post();
    const second = await post();
    expect(second.id).toBe(first.id);
    await runPayouts({ now: RUN, gateway: null });
    const [p] = await payoutsOf(partner.id);
    expect(p).toMatchObject({ totalCents: 12_000, lineCount: 1 });
  });
});

describe("the ledger's invariants", () => {
  it("refuses to change or delete an entry, or a payout line", async () => {
    const { partner } = await makePayee();
    await addCommission(partner.id, 6_000, OCT);
    await runPayouts({ now: RUN, gateway: null });
    const db = await getDb();
    const refusal = (q: Promise<unknown>) =>
      q.then(
        () => "allowed",
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(db.execute(sql`update ledger_entries set amount_cents = 1 where partner_id = ${partner.id}`))).toMatch(/append-only: UPDATE/);
    expect(await refusal(db.execute(sql`delete from ledger_entries where partner_id = ${partner.id}`))).toMatch(/append-only: DELETE/);
    expect(await refusal(db.execute(sql`delete from payout_lines`))).toMatch(/append-only: DELETE/);
    expect(await refusal(db.execute(sql`truncate ledger_entries cascade`))).toMatch(/append-only: TRUNCATE/);
  });

  it("a reversal must cancel its original exactly, once, and never a paid-out entry", async () => {
    const { partner } = await makePayee();
    const db = await getDb();
    const actor = systemActor("test");
    const entry = await db.transaction((tx) => postLedgerEntry(tx, { partnerId: partner.id, kind: "adjustment", amountCents: 2_500, currency: "USD", effectiveAt: OCT, memo: "Goodwill", actor, now: OCT }));
    await expect(
      db.insert(ledgerEntries).values({ partnerId: partner.id, kind: "adjustment", amountCents: -2_000, currency: "USD", reversesEntryId: entry.id, effectiveAt: OCT, createdAt: OCT, createdBy: "x" }),
    ).rejects.toThrow();
    const reversal = await db.transaction((tx) => reverseLedgerEntry(tx, { entryId: entry.id, reason: "posted twice", actor, now: OCT }));
    expect(reversal.amountCents).toBe(-2_500);
    await expect(db.transaction((tx) => reverseLedgerEntry(tx, { entryId: entry.id, reason: "again", actor, now: OCT }))).rejects.toMatchObject({ code: "conflict" });
    expect(await ledgerBalances(db, partner.id)).toEqual({ USD: 0 });

    await addCommission(partner.id, 6_000, OCT);
    await runPayouts({ now: RUN, gateway: null });
    const [line] = await queryRows<{ ledger_entry_id: string }>(db, sql`select ledger_entry_id from payout_lines l join payouts p on p.id = l.payout_id where p.partner_id = ${partner.id}`);
    await expect(db.transaction((tx) => reverseLedgerEntry(tx, { entryId: line!.ledger_entry_id, reason: "late", actor, now: RUN }))).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses, at commit, a payout whose lines do not sum to its total", async () => {
    const { partner } = await makePayee();
    const db = await getDb();
    const entry = await db.transaction((tx) => postLedgerEntry(tx, { partnerId: partner.id, kind: "adjustment", amountCents: 9_000, currency: "USD", effectiveAt: OCT, memo: "x", actor: systemActor("t"), now: OCT }));
    await expect(
      db.transaction(async (tx) => {
        const [p] = await tx.insert(payouts).values({ partnerId: partner.id, period: "2026-10", periodEnd: RUN, currency: "USD", totalCents: 10_000, lineCount: 1, status: "manual", method: "manual", runAt: RUN, createdAt: RUN, updatedAt: RUN }).returning();
        await tx.insert(payoutLines).values({ payoutId: p!.id, ledgerEntryId: entry.id, amountCents: 9_000 });
        await tx.insert(ledgerEntries).values({ partnerId: partner.id, kind: "payout", amountCents: -10_000, currency: "USD", payoutId: p!.id, effectiveAt: RUN, createdAt: RUN, createdBy: "x" });
      }),
    ).rejects.toThrow(/does not balance/);
    expect(await payoutsOf(partner.id)).toHaveLength(0);

    // A balanced payout is closed: no line can be added to it later.
    await addCommission(partner.id, 6_000, OCT);
    await runPayouts({ now: RUN, gateway: null });
    const [paid] = await payoutsOf(partner.id);
    const extra = await db.transaction((tx) => postLedgerEntry(tx, { partnerId: partner.id, kind: "adjustment", amountCents: 100, currency: "USD", effectiveAt: OCT, memo: "late", actor: systemActor("t"), now: OCT }));
    const refused = await db.insert(payoutLines).values({ payoutId: paid!.id, ledgerEntryId: extra.id, amountCents: 100 }).then(
      () => "allowed",
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );
    expect(refused).toMatch(/is closed/);
  });

  it("checks every reversal of a multi-row insert: an unknown original or an inexact amount refuses the statement", async () => {
    const { partner } = await makePayee();
    const db = await getDb();
    const actor = systemActor("test");
    const entry = await db.transaction((tx) => postLedgerEntry(tx, { partnerId: partner.id, kind: "adjustment", amountCents: 2_500, currency: "USD", effectiveAt: OCT, memo: "Goodwill", actor, now: OCT }));
    const row = (amountCents: number, reversesEntryId: string | null = null) => ({ partnerId: partner.id, kind: "adjustment" as const, amountCents, currency: "USD", reversesEntryId, effectiveAt: OCT, createdAt: OCT, createdBy: "x" });
    const refusal = (q: Promise<unknown>) =>
      q.then(
        () => "allowed",
        (e: Error & { cause?: Error & { code?: string } }) => `${e.cause?.code ?? ""} ${e.cause?.message ?? e.message}`,
      );
    expect(await refusal(db.insert(ledgerEntries).values([row(700), row(300, "led_unknown")]))).toMatch(/^23503 .*reverses unknown entry led_unknown/);
    expect(await refusal(db.insert(ledgerEntries).values([row(700), row(-2_000, entry.id)]))).toMatch(new RegExp(`^23514 .*is not an exact reversal of ${entry.id}`));
    expect(await ledgerBalances(db, partner.id)).toEqual({ USD: 2_500 });
    expect(await refusal(db.insert(ledgerEntries).values([row(700), row(-2_500, entry.id)]))).toBe("allowed");
    expect(await ledgerBalances(db, partner.id)).toEqual({ USD: 700 });
  });

  it("refuses a multi-row insert of lines when one of them goes to a closed payout, whatever the others", async () => {
    const { partner } = await makePayee();
    await addCommission(partner.id, 6_000, OCT);
    await runPayouts({ now: RUN, gateway: null });
    const [closed] = await payoutsOf(partner.id);
    const db = await getDb();
    const actor = systemActor("t");
    const post = (amountCents: number) => db.transaction((tx) => postLedgerEntry(tx, { partnerId: partner.id, kind: "adjustment", amountCents, currency: "USD", effectiveAt: OCT, memo: "late", actor, now: OCT }));
    const [open, late] = [await post(900), await post(100)];
    const refused = await db
      .transaction(async (tx) => {
        const [p] = await tx.insert(payouts).values({ partnerId: partner.id, period: "2026-09", periodEnd: RUN, currency: "USD", totalCents: 900, lineCount: 1, status: "manual", method: "manual", runAt: RUN, createdAt: RUN, updatedAt: RUN }).returning();
        await tx.insert(payoutLines).values([
          { payoutId: p!.id, ledgerEntryId: open.id, amountCents: 900 },
          { payoutId: closed!.id, ledgerEntryId: late.id, amountCents: 100 },
        ]);
      })
      .then(
        () => "allowed",
        (e: Error & { cause?: Error & { code?: string } }) => `${e.cause?.code ?? ""} ${e.cause?.message ?? e.message}`,
      );
    expect(refused).toMatch(new RegExp(`^23514 .*payout ${closed!.id} is closed`));
    expect(await db.select().from(payoutLines).where(inArray(payoutLines.ledgerEntryId, [open.id, late.id]))).toHaveLength(0);
    expect(await payoutsOf(partner.id)).toHaveLength(1);
  });
});

describe("reliability", () => {
  async function program(n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { partner } = await makePayee();
      await addCommission(partner.id, 5_000 + i * 100, OCT);
      await addCommission(partner.id, 1_000, new Date("2026-09-05T00:00:00Z"));
      if (i % 3 === 0) await addCommission(partner.id, -700, OCT, { kind: "clawback" });
      ids.push(partner.id);
    }
    return ids;
  }
  const expected = (i: number) => 5_000 + i * 100 + 1_000 - (i % 3 === 0 ? 700 : 0);

  it("a crash after N partners, then a re-run, pays everyone exactly once", async () => {
    const ids = await program(7);
    // Chunks of two partners: the crash lands after the second chunk (4 partners) committed.
    await expect(runPayouts({ now: RUN, gateway: null, chunkSize: 2, crashAfterPartners: 3 })).rejects.toThrow(/injected crash/);
    const db = await getDb();
    const afterCrash = await db.select().from(payouts).where(inArray(payouts.partnerId, ids));
    expect(afterCrash.length).toBeGreaterThan(0);
    expect(afterCrash.length).toBeLessThan(7); // the crash stopped the run part-way
    for (let crashAt = 1; crashAt <= 2; crashAt++) {
      await runPayouts({ now: RUN, gateway: null, chunkSize: 2, crashAfterPartners: crashAt }).catch(() => undefined);
    }
    await runPayouts({ now: RUN, gateway: null });
    const all = await db.select().from(payouts).where(inArray(payouts.partnerId, ids));
    expect(all).toHaveLength(7);
    for (const [i, id] of ids.entries()) {
      expect(all.find((p) => p.partnerId === id)!.totalCents).toBe(expected(i));
      expect(await ledgerBalances(db, id)).toEqual({ USD: 0 });
      await assertBalanced(id);
    }
  });

  it("two runs at once produce one payout per partner", async () => {
    const ids = await program(5);
    const results = await Promise.allSettled([runPayouts({ now: RUN, gateway: null }), runPayouts({ now: RUN, gateway: null })]);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    await runPayouts({ now: RUN, gateway: null }); // anyone skipped as locked is settled by the next run
    const db = await getDb();
    const all = await db.select().from(payouts).where(inArray(payouts.partnerId, ids));
    expect(all).toHaveLength(5);
    for (const [i, id] of ids.entries()) expect(all.find((p) => p.partnerId === id)!.totalCents).toBe(expected(i));
  });
});

describe("settling in chunks", () => {
  // One of each story: paid, below the minimum, held (tax form), a clawback, a
  // commission changed after it was posted, a commission no longer payable, two currencies.
  async function cast() {
    const db = await getDb();
    const paid = await makePayee();
    await addCommission(paid.partner.id, 6_000, OCT);
    const below = await makePayee();
    await addCommission(below.partner.id, 2_000, OCT);
    const held = await makePayee({ tax: "submitted" });
    await addCommission(held.partner.id, 9_000, OCT);
    const clawed = await makePayee();
    await addCommission(clawed.partner.id, 7_000, OCT);
    await addCommission(clawed.partner.id, -1_500, OCT, { kind: "clawback" });
    const changed = await makePayee();
    const c = await addCommission(changed.partner.id, 4_000, new Date("2026-09-10T00:00:00Z"));
    const gone = await makePayee();
    const g = await addCommission(gone.partner.id, 4_500, new Date("2026-09-10T00:00:00Z"));
    await addCommission(gone.partner.id, 5_500, OCT);
    const multi = await makePayee({ currency: "EUR" });
    await addCommission(multi.partner.id, 8_000, OCT, { currency: "EUR" });
    await addCommission(multi.partner.id, 3_000, OCT, { currency: "GBP" });
    await db.insert(webhookEndpoints).values({ partnerId: paid.partner.id, url: "https://hooks.example.com/payouts", eventTypes: ["partner.payout.created"], secretEncrypted: "x", secretHint: "x" });
    const ids = [paid, below, held, clawed, changed, gone, multi].map((t) => t.partner.id);
    return {
      ids,
      // After a first settlement of September: a refund changes one posted commission, another is held for fraud.
      async between() {
        await db.update(commissions).set({ refundedCents: 500, amountCents: 3_500 }).where(eq(commissions.id, c.id));
        await addCommission(changed.partner.id, 5_000, OCT);
        await db.update(commissions).set({ status: "held" }).where(eq(commissions.id, g.id));
      },
    };
  }

  async function story(ids: string[]) {
    const db = await getDb();
    const out = [];
    for (const id of ids) {
      const ps = (await db.select().from(payouts).where(eq(payouts.partnerId, id))).sort((a, b) => `${a.period}${a.currency}`.localeCompare(`${b.period}${b.currency}`));
      const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.partnerId, id));
      const coms = await db.select().from(commissions).where(eq(commissions.partnerId, id));
      const evs = await db.select().from(events).where(and(eq(events.partnerId, id), sql`${events.type} like 'partner.payout.%'`));
      const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.partnerId, id));
      const trail = await db.select().from(auditEvents).where(and(eq(auditEvents.partnerId, id), sql`${auditEvents.action} like 'payout.%'`));
      out.push({
        payouts: ps.map((p) => ({ period: p.period, currency: p.currency, total: p.totalCents, lines: p.lineCount, status: p.status, reason: p.statusReason })),
        ledger: entries.map((e) => `${e.kind} ${e.amountCents} ${e.currency} ${e.memo} ${e.reversesEntryId ? "reversal" : ""} ${e.payoutId ? "payout" : ""}`).sort(),
        commissions: coms.map((c) => `${c.amountCents} ${c.status} ${c.payoutId ? "paid" : ""}`).sort(),
        events: evs.map((e) => {
          const { payoutId: _, ...rest } = e.payload as { payoutId: string };
          return `${e.type} ${JSON.stringify(rest)}`;
        }),
        deliveries: deliveries.length,
        audit: trail.map((t) => `${t.action} ${JSON.stringify(t.after)}`).sort(),
      });
    }
    return out;
  }

  it("gives exactly the payouts, ledger, events and audit of settling the partners one by one", async () => {
    const db = await getDb();
    const september = payoutPeriodFor(new Date("2026-11-01T06:00:00Z"));
    const october = payoutPeriodFor(RUN);
    const args = { mode: "manual" as const, actor: PAYOUT_ACTOR };
    const alone = await cast();
    const together = await cast();

    for (const id of alone.ids) await db.transaction((tx) => settlePartner(tx, { partnerId: id, period: september, now: new Date("2026-11-01T06:00:00Z"), ...args }));
    const first = await db.transaction((tx) => settlePartners(tx, { partnerIds: together.ids, period: september, now: new Date("2026-11-01T06:00:00Z"), ...args }));
    expect([...first.values()]).toEqual(["carried", "carried", "carried", "carried", "carried", "carried", "carried"]); // September: below the minimum everywhere
    await alone.between();
    await together.between();
    const outcomes = [];
    for (const id of alone.ids) outcomes.push(await db.transaction((tx) => settlePartner(tx, { partnerId: id, period: october, now: RUN, ...args })));
    const second = await db.transaction((tx) => settlePartners(tx, { partnerIds: together.ids, period: october, now: RUN, ...args }));
    expect(together.ids.map((id) => second.get(id))).toEqual(outcomes);
    expect(outcomes).toEqual(["created", "carried", "created", "created", "created", "created", "created"]);

    const expected = await story(alone.ids);
    expect(await story(together.ids)).toEqual(expected);
    // The stories themselves, so that "the same" is not "the same mistake".
    expect(expected.map((s) => s.payouts.map((p) => `${p.currency}:${p.total}:${p.status}`))).toEqual([
      ["USD:6000:manual"],
      [],
      ["USD:9000:held"],
      ["USD:5500:manual"],
      ["USD:8500:manual"],
      ["USD:5500:manual"],
      ["EUR:8000:manual"],
    ]);
    expect(expected[4]!.ledger.filter((l) => l.includes("reversal"))).toHaveLength(1); // the changed commission
    expect(expected[5]!.ledger.filter((l) => l.includes("no longer payable"))).toHaveLength(1); // the held one
    expect(expected[6]!.ledger.some((l) => l.startsWith("commission 3000 GBP"))).toBe(true); // GBP posted, carried below its minimum
    expect(expected[0]!.deliveries).toBe(1);

    // Settled again the same day: nothing more.
    const again = await db.transaction((tx) => settlePartners(tx, { partnerIds: together.ids, period: october, now: RUN, ...args }));
    expect(together.ids.map((id) => again.get(id))).toEqual(["done", "carried", "done", "done", "done", "done", "carried"]); // GBP is still below its minimum
    expect(await story(together.ids)).toEqual(expected);
  });

  it("two runs at once, in small chunks, still make one payout per partner", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) {
      const { partner } = await makePayee();
      await addCommission(partner.id, 6_000 + i, OCT);
      ids.push(partner.id);
    }
    const runs = await Promise.allSettled([0, 1].map(() => runPayouts({ now: RUN, gateway: null, chunkSize: 2, concurrency: 2 })));
    expect(runs.every((r) => r.status === "fulfilled")).toBe(true);
    await runPayouts({ now: RUN, gateway: null });
    const db = await getDb();
    const all = await db.select().from(payouts).where(inArray(payouts.partnerId, ids));
    expect(all.map((p) => p.partnerId).sort()).toEqual([...ids].sort());
  });
});
