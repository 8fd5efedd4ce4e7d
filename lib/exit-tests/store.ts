import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { exitTestRuns, exitTestSignoffs, npsPublications } from "@/db/schema";
import type { ClosedCustomer, InstallTti } from "./types";

// The exit tests' database reads (the live data they evaluate) and their run records.

export type RunRow = typeof exitTestRuns.$inferSelect;
export type SignoffRow = typeof exitTestSignoffs.$inferSelect;

const n = (v: unknown) => Number(v ?? 0);

/** Partner-attributed customers that paid, with their net paid amount and CRM opportunity. */
export async function paidAttributedCustomers(db: Queryable): Promise<ClosedCustomer[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select ca.partner_id, p.name as partner_name, ca.customer_id, ca.via, ca.paid_at, ca.crm_system, ca.crm_opportunity_id,
               o.partner_id as crm_partner_id, o.stage as crm_stage,
               coalesce(inv.paid, pc.paid, 0) - coalesce(ref.back, 0) as net_paid,
               coalesce(inv.currency, pc.currency, p.currency) as currency
          from customer_attributions ca
          join partners p on p.id = ca.partner_id
          left join crm_opportunities o on o.id = ca.crm_opportunity_id
          left join lateral (select sum(amount_paid)::bigint as paid, min(currency) as currency from billing_invoices bi where bi.customer_id = ca.customer_id) inv on true
          left join lateral (select sum(amount_cents)::bigint as paid, min(currency) as currency from conversions c where c.customer_id = ca.customer_id and c.type = 'paid') pc on true
          left join lateral (select sum(refunded_cents + disputed_cents)::bigint as back from billing_refunds br where br.customer_id = ca.customer_id) ref on true
         where ca.paid_at is not null
         order by p.name, ca.paid_at`,
  );
  return rows.map((r) => ({
    partnerId: String(r.partner_id),
    partnerName: String(r.partner_name),
    customerId: String(r.customer_id),
    via: String(r.via) as ClosedCustomer["via"],
    paidAt: new Date(r.paid_at as string | Date).toISOString(),
    netPaidCents: n(r.net_paid),
    currency: String(r.currency ?? "USD"),
    crmSystem: (r.crm_system as string | null) ?? null,
    crmOpportunityId: (r.crm_opportunity_id as string | null) ?? null,
    crmPartnerId: (r.crm_partner_id as string | null) ?? null,
    crmStage: (r.crm_stage as string | null) ?? null,
  }));
}

/** Verified installs started in [since, until), partner-led and self-serve, with their TTI. */
export async function verifiedInstallsBetween(db: Queryable, since: Date, until: Date): Promise<InstallTti[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select id, partner_id, stack, started_at, verified_at, extract(epoch from verified_at - started_at) as tti
          from installs
         where verified_at is not null and started_at >= ${since.toISOString()}::timestamptz and started_at < ${until.toISOString()}::timestamptz
           and verified_at <= ${until.toISOString()}::timestamptz
         order by started_at, id`,
  );
  return rows.map((r) => ({
    installId: String(r.id),
    partnerId: (r.partner_id as string | null) ?? null,
    stack: String(r.stack),
    startedAt: new Date(r.started_at as string | Date).toISOString(),
    verifiedAt: new Date(r.verified_at as string | Date).toISOString(),
    ttiSeconds: Number(r.tti),
  }));
}

export async function latestNpsPublication(db: Queryable) {
  const [row] = await db.select().from(npsPublications).orderBy(desc(npsPublications.publishedAt)).limit(1);
  return row ?? null;
}

export async function insertRun(tx: Queryable, values: typeof exitTestRuns.$inferInsert): Promise<RunRow> {
  const [row] = await tx.insert(exitTestRuns).values(values).returning();
  return row!;
}

export async function findRun(db: Queryable, id: string): Promise<RunRow | null> {
  const [row] = await db.select().from(exitTestRuns).where(eq(exitTestRuns.id, id));
  return row ?? null;
}

export async function listRuns(db: Queryable, opts: { limit: number; offset: number }) {
  return db
    .select({ id: exitTestRuns.id, ranAt: exitTestRuns.ranAt, trigger: exitTestRuns.trigger, passed: exitTestRuns.passed, results: exitTestRuns.results, manifestSha256: exitTestRuns.manifestSha256 })
    .from(exitTestRuns)
    .orderBy(desc(exitTestRuns.ranAt), desc(exitTestRuns.id))
    .limit(opts.limit)
    .offset(opts.offset);
}

export async function countRuns(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(exitTestRuns);
  return row?.n ?? 0;
}

export async function signoffsOf(db: Queryable, runId: string): Promise<SignoffRow[]> {
  return db.select().from(exitTestSignoffs).where(eq(exitTestSignoffs.runId, runId)).orderBy(exitTestSignoffs.signedAt);
}

export async function findSignoff(db: Queryable, runId: string, userId: string): Promise<SignoffRow | null> {
  const [row] = await db.select().from(exitTestSignoffs).where(and(eq(exitTestSignoffs.runId, runId), eq(exitTestSignoffs.signerUserId, userId)));
  return row ?? null;
}

export async function insertSignoff(tx: Queryable, values: typeof exitTestSignoffs.$inferInsert): Promise<SignoffRow | null> {
  const [row] = await tx.insert(exitTestSignoffs).values(values).onConflictDoNothing().returning();
  return row ?? null;
}
