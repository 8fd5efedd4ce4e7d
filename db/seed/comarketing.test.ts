import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { budgetSummary, MDF_STATUSES, type MdfStatus } from "@/lib/mdf/rules";
import { qualifiedWebinarLeads } from "@/lib/marketing/webinars";
import { funnelFor } from "@/lib/attribution/store";
import { getDb, queryRows } from "../client";
import { seedDemo } from ".";

const NOW = new Date("2026-11-26T09:00:00Z");

describe("co-marketing and MDF demo seed", () => {
  it("has kits, webinars with qualified leads in the funnel, submissions in every state and MDF in every state within budget", { timeout: 120_000 }, async () => {
    const db = await getDb();
    await seedDemo(db, { now: NOW });

    const states = await queryRows<{ status: MdfStatus; n: number }>(db, sql`select status, count(*)::int as n from mdf_requests group by status`);
    expect(states.map((s) => s.status).sort()).toEqual([...MDF_STATUSES].sort());

    const perBudget = await queryRows<{ partner_id: string; tier: "verified" | "advanced" | "premier"; budget_year: number; rows: { status: MdfStatus; requestedCents: number; approvedCents: number | null; reimbursedCents: number | null }[] }>(
      db,
      sql`select r.partner_id, p.tier, r.budget_year,
                 jsonb_agg(jsonb_build_object('status', r.status, 'requestedCents', r.requested_cents, 'approvedCents', r.approved_cents, 'reimbursedCents', r.reimbursed_cents)) as rows
            from mdf_requests r join partners p on p.id = r.partner_id group by 1, 2, 3`,
    );
    for (const b of perBudget) {
      const s = budgetSummary(b.tier, b.budget_year, b.rows);
      expect(s.pendingCents + s.committedCents + s.reimbursedCents).toBeLessThanOrEqual(s.budgetCents);
    }
    const [claims] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from mdf_requests where claim_submitted_at is not null and cardinality(receipt_upload_ids) > 0`);
    expect(claims!.n).toBeGreaterThanOrEqual(3);

    const subs = await queryRows<{ status: string; n: number; comments: number }>(
      db,
      sql`select s.status, count(distinct s.id)::int as n, count(c.id)::int as comments from marketing_submissions s left join marketing_comments c on c.submission_id = s.id group by s.status`,
    );
    expect(subs.map((s) => s.status).sort()).toEqual(["approved", "changes_requested", "pending"]);
    expect(subs.every((s) => s.comments > 0)).toBe(true);
    const refs = await queryRows<{ reference_id: string }>(db, sql`select reference_id from marketing_submissions where status = 'approved'`);
    expect(refs.every((r) => /^CM-\d{4}-\d{4}$/.test(r.reference_id))).toBe(true);

    const [pagers] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from one_pagers`);
    expect(pagers!.n).toBeGreaterThanOrEqual(3);

    const leads = await qualifiedWebinarLeads(db, { since: new Date(NOW.getTime() - 90 * 86_400_000), until: NOW });
    const [bp] = await queryRows<{ id: string }>(db, sql`select id from partners where slug = 'brightpixel-studio'`);
    expect(leads.find((l) => l.partnerId === bp!.id)?.qualifiedLeads).toBeGreaterThan(0);
    const [regs] = await queryRows<{ all: number; qualified: number }>(db, sql`select count(*)::int as all, count(*) filter (where qualified)::int as qualified from webinar_registrations`);
    expect(regs!.qualified).toBeGreaterThan(0);
    expect(regs!.qualified).toBeLessThan(regs!.all);
    // Every registration is a lead in the partner's attribution funnel.
    const [unlinked] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from webinar_registrations r left join customer_attributions a on a.customer_id = r.id and a.partner_id = r.partner_id where a.id is null`,
    );
    expect(unlinked!.n).toBe(0);
    expect((await funnelFor(bp!.id, new Date(NOW.getTime() - 90 * 86_400_000))).signups).toBeGreaterThan(0);
  });
});
