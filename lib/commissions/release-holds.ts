import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { systemActor } from "@/lib/audit/actor";
import { claimReleasable, updateCommission } from "./store";

const ACTOR = systemActor("commission-hold", "Commission hold release");

/** Pending commissions whose hold period is over become payable. Held (fraud) ones are never touched. */
export async function releaseHolds(now: Date, batch = 500): Promise<{ processed: number; skipped: number; changed: number }> {
  const db = await getDb();
  let changed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = await claimReleasable(tx, now, batch);
      for (const row of rows) {
        await updateCommission(tx, row.id, { status: "payable", updatedAt: now });
        await audit(tx, {
          actor: ACTOR,
          action: "commission.payable",
          object: { type: "commission", id: row.id },
          partnerId: row.partnerId,
          before: { status: "pending" },
          after: { status: "payable" },
          at: now,
        });
      }
      return rows.length;
    });
    changed += n;
    if (n < batch) break;
  }
  return { processed: changed, skipped: 0, changed };
}
