import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";

// Figures that depend on other capabilities' tables (payout ledger, webinars,
// certification incidents, badge misuse violations). Each read is one function:
// while its table does not exist in this database it returns `null` with the
// reason, and the screens say "not measured yet" — a missing figure is never
// shown as zero, and never lets an exit test pass.

export type Measured<T> = { value: T; reason: null } | { value: null; reason: string };

const missing = <T>(reason: string): Measured<T> => ({ value: null, reason });

export async function tableExists(db: Queryable, table: string): Promise<boolean> {
  const rows = await queryRows<{ present: boolean }>(db, sql`select to_regclass(${`public.${table}`}) is not null as present`);
  return Boolean(rows[0]?.present);
}

export interface Period {
  since: Date;
  until: Date;
}

/** Qualified leads per partner from partner webinars held in the period. */
export async function qualifiedWebinarLeads(
  db: Queryable,
  _period: Period,
): Promise<Measured<{ partnerId: string; partnerName: string; qualifiedLeads: number }[]>> {
  if (!(await tableExists(db, "webinars"))) return missing("webinar registrations not available");
  return missing("webinar leads are not connected to the analytics yet");
}

/** Commission payout accuracy by month: paid amounts against a recomputation from the ledger (0..1). */
export async function payoutAccuracyByMonth(db: Queryable, _period: Period): Promise<Measured<{ month: string; accuracy: number | null }[]>> {
  if (!(await tableExists(db, "ledger_entries"))) return missing("payout ledger not available");
  return missing("payout ledger is not connected to the analytics yet");
}

/** Quality incidents per 100 active installs by month (certification incidents). */
export async function qualityIncidentRateByMonth(db: Queryable, _period: Period): Promise<Measured<{ month: string; rate: number | null }[]>> {
  if (!(await tableExists(db, "incidents"))) return missing("certification incidents not available");
  return missing("certification incidents are not connected to the analytics yet");
}

/** Share of badge-displaying partners without a misuse violation, by month (0..1). */
export async function brandComplianceRateByMonth(db: Queryable, _period: Period): Promise<Measured<{ month: string; rate: number | null }[]>> {
  if (!(await tableExists(db, "badge_violations"))) return missing("badge misuse violations not available");
  return missing("badge misuse violations are not connected to the analytics yet");
}
