import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getAdminAnalytics, getGa4Guidance, getPartnerAnalytics, getProgramHealth, getPublishedQuarter } from "@/lib/analytics/views";
import { evaluateAll } from "@/lib/exit-tests/evaluate";
import { getExitTestsView } from "@/lib/exit-tests/views";
import { userPrincipal } from "@/lib/testing/factories";
import { loadExitTestData } from "@/lib/exit-tests/load";
import { getDb, queryRows } from "../client";
import { seedDemo } from ".";

const NOW = new Date("2026-11-26T09:00:00Z");

describe("analytics demo seed", () => {
  it("makes the demo admin an exec, publishes last quarter's NPS, and passes exit tests 1 and 2", { timeout: 120_000 }, async () => {
    const db = await getDb();
    await seedDemo(db, { now: NOW });
    // Two admins: the demo admin is an exec, the second is not (someone to grant the role to on /admin/staff).
    const staff = await queryRows<{ email: string; is_exec: boolean }>(db, sql`select email, is_exec from users where role = 'admin' order by email`);
    expect(staff).toEqual([
      { email: "admin@provenant.dev", is_exec: true },
      { email: "jordan@provenant.dev", is_exec: false },
    ]);
    const pubs = await queryRows<{ quarter: string }>(db, sql`select quarter from nps_publications`);
    expect(pubs.map((p) => p.quarter)).toEqual(["2026-Q3"]);
    const direct = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from crm_opportunities where partner_id is null and stage in ('closed_won', 'closed_lost')`);
    expect(direct[0]!.n).toBeGreaterThan(10);

    const results = evaluateAll(await loadExitTestData(db, NOW), NOW);
    expect(results.map((r) => r.status)).toEqual(["PASS", "PASS", "PASS"]);
    expect(results[0]!.figures.partners_with_proven_paid_work as number).toBeGreaterThanOrEqual(3);
    // Suspicious customers (self-referral, click flood) have no CRM proof and do not count.
    expect(results[0]!.figures.customers_without_crm_proof as number).toBeGreaterThan(0);
    expect(results[1]!.figures.mann_whitney_p as number).toBeLessThan(0.05);
    // Published NPS with methodology, and partner webinars that brought qualified leads.
    expect(results[2]!.figures.partners_with_qualified_webinar_leads as number).toBeGreaterThanOrEqual(1);

    // This morning's scheduled run is on record, intact and signed by the demo admin.
    const runs = await queryRows<{ id: string; passed: boolean; signer: string; signed: string; sha: string }>(
      db,
      sql`select r.id, r.passed, s.signer_email as signer, s.package_sha256 as signed, r.manifest_sha256 as sha from exit_test_runs r join exit_test_signoffs s on s.run_id = r.id`,
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ passed: true, signer: "admin@provenant.dev" });
    expect(runs[0]!.signed).toBe(runs[0]!.sha);

    // The dashboards read the same demo.
    const [ids] = await queryRows<{ admin: string; owner: string; partner: string }>(
      db,
      sql`select (select id from users where email = 'admin@provenant.dev') as admin, (select id from users where email = 'olivia@brightpixel.studio') as owner, (select id from partners where slug = 'brightpixel-studio') as partner`,
    );
    const admin = await userPrincipal(ids!.admin);
    const analytics = await getAdminAnalytics(admin, NOW);
    expect(analytics.quarters).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(analytics.funnel.total[3]!.count).toBeGreaterThan(10);
    expect(analytics.partners[0]!.partnerName).toBe("Brightpixel Studio");
    expect(analytics.deals.closeRateDeltaPp).not.toBeNull();
    expect(analytics.deals.aspDeltaCents).not.toBeNull();
    const health = await getProgramHealth(admin, NOW);
    expect(health.series).toHaveLength(12);
    expect(health.unmeasured).toEqual([]);
    // The demo's payouts all match the ledger they settle.
    expect(health.series.filter((m) => m.payoutAccuracy !== null).map((m) => m.payoutAccuracy)).toContain(1);
    expect(health.series.some((m) => m.brandComplianceRate !== null && m.brandComplianceRate < 1)).toBe(true);
    expect(health.series.some((m) => m.ttiPartnerP50 !== null && m.ttiSelfP50 !== null)).toBe(true);
    const q3 = await getPublishedQuarter("2026-Q3");
    expect(q3!.snapshot.partner.n).toBeGreaterThanOrEqual(10);
    const owner = await userPrincipal(ids!.owner);
    const mine = await getPartnerAnalytics(owner, ids!.partner, NOW);
    expect(mine.funnel.total[0]!.count).toBeGreaterThan(0);
    const ga4 = await getGa4Guidance(owner, ids!.partner);
    expect(ga4.example?.landingUrl).toMatch(/utm_source=partner&utm_medium=referral&utm_campaign=/);
    await expect(getPartnerAnalytics(owner, "ptr_someoneelse", NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getAdminAnalytics(owner, NOW)).rejects.toMatchObject({ code: "forbidden" });
    const view = await getExitTestsView(admin, { page: 1, pageSize: 10 });
    expect(view.selected?.check.intact).toBe(true);
    expect(view.selected?.signoffs.map((x) => x.matches)).toEqual([true]);
    expect(view.selected?.signedByMe).toBe(true);
  });
});
