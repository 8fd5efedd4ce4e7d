import "server-only";
import type { z } from "zod";
import { decodeCursor, pageFrom } from "@/lib/api/pagination";
import { ownPartnerId } from "@/lib/attribution/api";
import { assertAdmin, assertPartner, type Principal } from "@/lib/auth/permissions";
import { csvStream } from "@/lib/csv/csv";
import { notFound } from "@/lib/errors";
import type { PayoutStatus } from "./rules";
import type { PayoutLineSchema, PayoutSchema } from "./schemas";
import { findPayout, linesOf, listPayouts, payoutLinesForExport, type PayoutLineView, type PayoutRow } from "./store";

export function toPayoutPublic(p: PayoutRow): z.infer<typeof PayoutSchema> {
  return {
    id: p.id,
    period: p.period,
    periodEnd: p.periodEnd.toISOString(),
    status: p.status,
    method: p.method,
    amount: { amount: p.totalCents, currency: p.currency },
    lineCount: p.lineCount,
    statusReason: p.statusReason,
    reference: p.stripeTransferId ?? p.reference,
    createdAt: p.createdAt.toISOString(),
    paidAt: p.paidAt?.toISOString() ?? null,
  };
}

export function toLinePublic(l: PayoutLineView): z.infer<typeof PayoutLineSchema> {
  return {
    id: l.lineId,
    ledgerEntryId: l.entryId,
    kind: l.kind as z.infer<typeof PayoutLineSchema>["kind"],
    amount: { amount: l.amountCents, currency: l.currency },
    description: l.memo,
    effectiveAt: l.effectiveAt.toISOString(),
    commissionId: l.commissionId,
    sku: l.sku,
    customerId: l.customerId,
  };
}

export async function listOwnPayouts(principal: Principal | null, q: { cursor?: string; limit: number; status?: PayoutStatus }) {
  const partnerId = ownPartnerId(principal);
  assertPartner(principal, "payouts:read", partnerId);
  const rows = await listPayouts({ partnerId, status: q.status, limit: q.limit + 1, cursor: decodeCursor(q.cursor) });
  const page = pageFrom(rows, q.limit, (r) => ({ at: r.createdAt.toISOString(), id: r.id }));
  return { data: page.data.map(toPayoutPublic), nextCursor: page.nextCursor };
}

export async function getOwnPayout(principal: Principal | null, id: string) {
  const partnerId = ownPartnerId(principal);
  assertPartner(principal, "payouts:read", partnerId);
  const p = await findPayout(id);
  // Someone else's payout is indistinguishable from a missing one.
  if (!p || p.partnerId !== partnerId) throw notFound("Payout");
  return { ...toPayoutPublic(p), lines: (await linesOf([p.id])).map(toLinePublic) };
}

export const PAYOUT_CSV_COLUMNS = [
  "payout_id",
  "partner",
  "period",
  "status",
  "method",
  "payout_total",
  "currency",
  "paid_at",
  "reference",
  "line_id",
  "ledger_entry_id",
  "line_kind",
  "line_amount",
  "line_description",
  "effective_at",
  "commission_id",
  "commission_kind",
  "sku",
  "customer_id",
];

function decimal(cents: number, currency: string): string {
  const digits = new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return digits === 0 ? `${sign}${abs}` : `${sign}${Math.floor(abs / 10 ** digits)}.${String(abs % 10 ** digits).padStart(digits, "0")}`;
}

function exportRows(q: { partnerId?: string; status?: PayoutStatus; period?: string }) {
  return (async function* () {
    for await (const { payout: p, lines } of payoutLinesForExport(q)) {
      for (const l of lines) {
        yield [
          p.id,
          p.partnerName,
          p.period,
          p.status,
          p.method,
          decimal(p.totalCents, p.currency),
          p.currency,
          p.paidAt,
          p.stripeTransferId ?? p.reference,
          l.lineId,
          l.entryId,
          l.kind,
          decimal(l.amountCents, l.currency),
          l.memo,
          l.effectiveAt,
          l.commissionId,
          l.commissionKind,
          l.sku,
          l.customerId,
        ];
      }
    }
  })();
}

/** A partner's payouts as CSV, one row per line (streamed). */
export function exportPartnerPayoutsCsv(principal: Principal | null, partnerId: string): ReadableStream<Uint8Array> {
  assertPartner(principal, "payouts:read", partnerId);
  return csvStream(PAYOUT_CSV_COLUMNS, exportRows({ partnerId }));
}

/** Every payout (filtered) as CSV, one row per line (streamed; admins). */
export function exportAdminPayoutsCsv(principal: Principal | null, q: { status?: PayoutStatus; period?: string }): ReadableStream<Uint8Array> {
  assertAdmin(principal, "payouts:manage");
  return csvStream(PAYOUT_CSV_COLUMNS, exportRows(q));
}
