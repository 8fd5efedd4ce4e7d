import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { ledgerEntries } from "@/db/schema";
import { assertAdmin, type Principal } from "@/lib/auth/permissions";
import { ledgerBalances } from "./ledger";

// The admin's view of one partner's payout ledger: balance per currency and the
// latest entries, beside the form that posts an adjustment (manage.ts).

export async function getPartnerLedgerView(principal: Principal | null, partnerId: string, limit = 12) {
  assertAdmin(principal, "payouts:manage");
  const db = await getDb();
  const [balances, entries] = await Promise.all([
    ledgerBalances(db, partnerId),
    db.select().from(ledgerEntries).where(eq(ledgerEntries.partnerId, partnerId)).orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id)).limit(limit),
  ]);
  return { balances, entries };
}
