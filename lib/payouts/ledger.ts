import "server-only";
import { and, asc, eq, getTableColumns, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { queryRows, slices, textArray, type Queryable } from "@/db/client";
import { ledgerEntries, payoutLines, type LedgerKind } from "@/db/schema";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";

// The payout ledger. A partner's balance in a currency is the sum of their
// entries: commissions and MDF reimbursements add, clawbacks and payouts take
// off, adjustments go either way. Entries are never changed (the database
// refuses): a wrong one is cancelled by a reversal, a new entry of the
// opposite amount that names it. Other areas post through postLedgerEntry.

export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;

export interface PostLedgerEntryInput {
  partnerId: string;
  kind: Exclude<LedgerKind, "payout">;
  /** Signed minor units; never zero. */
  amountCents: number;
  currency: string;
  /** When it was earned or became due: the payout period rule reads this. */
  effectiveAt: Date;
  memo: string;
  commissionId?: string | null;
  /** The posting area's own id (an MDF claim id...): posting the same one twice returns the first entry. */
  sourceRef?: string | null;
  actor: Actor;
  now: Date;
}

/**
 * Appends one entry, with its audit event, in the caller's transaction. With a
 * sourceRef the call is idempotent: the same (kind, sourceRef) posts once.
 */
export async function postLedgerEntry(tx: Queryable, input: PostLedgerEntryInput): Promise<LedgerEntryRow> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents === 0) {
    throw new AppError({ code: "validation_failed", message: "A ledger entry needs a non-zero whole number of minor units", fields: { amountCents: ["Must be a non-zero integer"] } });
  }
  if (!/^[A-Z]{3}$/.test(input.currency)) {
    throw new AppError({ code: "validation_failed", message: "Unknown currency", fields: { currency: ["Must be an ISO 4217 code like USD"] } });
  }
  const [row] = await tx
    .insert(ledgerEntries)
    .values({
      partnerId: input.partnerId,
      kind: input.kind,
      amountCents: input.amountCents,
      currency: input.currency,
      commissionId: input.commissionId ?? null,
      sourceRef: input.sourceRef ?? null,
      memo: input.memo,
      effectiveAt: input.effectiveAt,
      createdAt: input.now,
      createdBy: input.actor.label,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const [existing] = await tx
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.kind, input.kind), eq(ledgerEntries.sourceRef, input.sourceRef ?? "")));
    if (!existing) throw new AppError({ code: "conflict", message: "The ledger entry could not be posted" });
    return existing;
  }
  await audit(tx, {
    actor: input.actor,
    action: "ledger.entry_posted",
    object: { type: "ledger_entry", id: row.id },
    partnerId: input.partnerId,
    after: { kind: row.kind, amountCents: row.amountCents, currency: row.currency, memo: row.memo, sourceRef: row.sourceRef },
    at: input.now,
  });
  return row;
}

/**
 * Cancels an open entry with an exact opposite one. A settled entry (part of a
 * payout) or an already reversed one cannot be reversed: 409.
 */
export async function reverseLedgerEntry(tx: Queryable, args: { entryId: string; partnerId?: string; reason: string; actor: Actor; now: Date }): Promise<LedgerEntryRow> {
  const [original] = await tx.select().from(ledgerEntries).where(eq(ledgerEntries.id, args.entryId)).for("update");
  if (!original || (args.partnerId && original.partnerId !== args.partnerId)) throw new AppError({ code: "not_found", message: "Ledger entry not found" });
  if (original.kind === "payout" || original.reversesEntryId) throw new AppError({ code: "conflict", message: "Payout entries and reversals cannot be reversed" });
  const [settled] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from payout_lines where ledger_entry_id = ${original.id}`);
  if (Number(settled?.n ?? 0) > 0) throw new AppError({ code: "conflict", message: "This entry was already paid out; post an adjustment instead" });
  const [row] = await tx
    .insert(ledgerEntries)
    .values({
      partnerId: original.partnerId,
      kind: original.kind,
      amountCents: -original.amountCents,
      currency: original.currency,
      commissionId: original.commissionId,
      reversesEntryId: original.id,
      memo: `Reversal: ${args.reason}`,
      effectiveAt: original.effectiveAt,
      createdAt: args.now,
      createdBy: args.actor.label,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError({ code: "conflict", message: "This entry was already reversed" });
  await audit(tx, {
    actor: args.actor,
    action: "ledger.entry_reversed",
    object: { type: "ledger_entry", id: original.id },
    partnerId: original.partnerId,
    before: { amountCents: original.amountCents },
    after: { reversalId: row.id, amountCents: row.amountCents, reason: args.reason },
    at: args.now,
  });
  return row;
}

/** Balance per currency: the sum of every entry. */
export async function ledgerBalances(tx: Queryable, partnerId: string): Promise<Record<string, number>> {
  const rows = await queryRows<{ currency: string; total: string | number }>(
    tx,
    sql`select currency, coalesce(sum(amount_cents), 0)::bigint as total from ledger_entries where partner_id = ${partnerId} group by currency order by currency`,
  );
  return Object.fromEntries(rows.map((r) => [r.currency, Number(r.total)]));
}

/**
 * Open entries: not in any payout, not reversed and not reversals (a reversed
 * pair nets to zero and is never paid). Their sum equals the balance.
 */
export async function openEntries(tx: Queryable, partnerId: string): Promise<LedgerEntryRow[]> {
  return (await openEntriesOf(tx, [partnerId])).get(partnerId) ?? [];
}

/**
 * openEntries for many partners in one query: partner id -> open entries (by
 * effective date, then id). Only the open entries leave the database, not the
 * partners' whole history: their entries are read by index, and each is probed
 * in payout_lines and for a reversal by index (LATERAL ... LIMIT 1 keeps the
 * probes: no anti-join over the whole ledger, whatever the planner believes
 * about a table that grew during the run).
 */
export async function openEntriesOf(tx: Queryable, partnerIds: readonly string[]): Promise<Map<string, LedgerEntryRow[]>> {
  const byPartner = new Map<string, LedgerEntryRow[]>();
  if (!partnerIds.length) return byPartner;
  const reversals = alias(ledgerEntries, "reversal");
  const settled = tx.select({ hit: sql<number>`1`.as("settled_hit") }).from(payoutLines).where(eq(payoutLines.ledgerEntryId, ledgerEntries.id)).limit(1).as("settled");
  const reversed = tx.select({ hit: sql<number>`1`.as("reversed_hit") }).from(reversals).where(eq(reversals.reversesEntryId, ledgerEntries.id)).limit(1).as("reversed");
  const rows = await tx
    .select(getTableColumns(ledgerEntries))
    .from(ledgerEntries)
    .leftJoinLateral(settled, sql`true`)
    .leftJoinLateral(reversed, sql`true`)
    .where(
      and(
        sql`${ledgerEntries.partnerId} = any(${textArray(partnerIds)})`,
        ne(ledgerEntries.kind, "payout"),
        isNull(ledgerEntries.reversesEntryId),
        isNull(settled.hit),
        isNull(reversed.hit),
      ),
    )
    .orderBy(asc(ledgerEntries.partnerId), asc(ledgerEntries.effectiveAt), asc(ledgerEntries.id));
  for (const e of rows) {
    const list = byPartner.get(e.partnerId);
    if (list) list.push(e);
    else byPartner.set(e.partnerId, [e]);
  }
  return byPartner;
}

/**
 * Appends complete entries (ids set by the caller) in multi-row inserts: the
 * payout run's postings, reversals and payout entries. No audit event per entry:
 * the run audits the payouts they make up. Each statement's rows share their
 * created_at and created_by (one statement per pair), sent once; a null column
 * is left out of the row's JSON (jsonb_to_recordset reads it as null).
 */
export async function insertLedgerEntries(tx: Queryable, rows: readonly LedgerEntryRow[]): Promise<void> {
  const groups = new Map<string, LedgerEntryRow[]>();
  for (const e of rows) {
    const key = `${e.createdAt.toISOString()} ${e.createdBy}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  for (const group of groups.values()) {
    const { createdAt, createdBy } = group[0]!;
    for (const slice of slices(group, 10_000)) {
      const json = JSON.stringify(
        slice.map((e) => ({
          id: e.id,
          partner_id: e.partnerId,
          kind: e.kind,
          amount_cents: e.amountCents,
          currency: e.currency,
          commission_id: e.commissionId ?? undefined,
          payout_id: e.payoutId ?? undefined,
          reverses_entry_id: e.reversesEntryId ?? undefined,
          source_ref: e.sourceRef ?? undefined,
          memo: e.memo,
          effective_at: e.effectiveAt.toISOString(),
        })),
      );
      await tx.execute(
        sql`insert into ledger_entries (id, partner_id, kind, amount_cents, currency, commission_id, payout_id, reverses_entry_id, source_ref, memo, effective_at, created_at, created_by)
            select id, partner_id, kind, amount_cents, currency, commission_id, payout_id, reverses_entry_id, source_ref, memo, effective_at, ${createdAt.toISOString()}::timestamptz, ${createdBy}::text
              from jsonb_to_recordset(${json}::jsonb) as r(id text, partner_id text, kind text, amount_cents integer, currency text, commission_id text, payout_id text,
                   reverses_entry_id text, source_ref text, memo text, effective_at timestamptz)`,
      );
    }
  }
}
