import "server-only";
import type { z } from "zod";
import { decodeCursor, pageFrom } from "@/lib/api/pagination";
import { ownPartnerId } from "@/lib/attribution/api";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import type { CommissionStatus } from "./rules";
import type { CommissionSchema } from "./schemas";
import { listCommissions, type CommissionRow } from "./store";

export function toCommissionPublic(c: CommissionRow): z.infer<typeof CommissionSchema> {
  const m = (amount: number) => ({ amount, currency: c.currency });
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    customerId: c.customerId,
    invoiceId: c.invoiceId,
    sku: c.sku,
    base: m(c.baseCents),
    rateBps: c.rateBps,
    gross: m(c.grossCents),
    amount: m(c.amountCents),
    earnedAt: c.earnedAt.toISOString(),
    payableAt: c.holdUntil.toISOString(),
    heldReasons: c.heldReasons ?? [],
    reversesCommissionId: c.reversesCommissionId,
    paidAt: c.paidAt?.toISOString() ?? null,
  };
}

export async function listOwnCommissions(principal: Principal | null, q: { cursor?: string; limit: number; status?: CommissionStatus }) {
  const partnerId = ownPartnerId(principal);
  assertPartner(principal, "commissions:read", partnerId);
  const rows = await listCommissions({ partnerId, status: q.status, limit: q.limit + 1, cursor: decodeCursor(q.cursor) });
  const page = pageFrom(rows, q.limit, (r) => ({ at: r.earnedAt.toISOString(), id: r.id }));
  return { data: page.data.map(toCommissionPublic), nextCursor: page.nextCursor };
}
