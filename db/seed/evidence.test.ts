import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "../client";
import { seedDemo } from ".";

const NOW = new Date("2026-11-26T09:00:00Z");

describe("evidence demo seed", () => {
  it("has installs on every stack, partner-led and self-serve, histories with drops, reports, exports and NPS over quarters", { timeout: 120_000 }, async () => {
    const db = await getDb();
    await seedDemo(db, { now: NOW });
    const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(db, q))[0]!;

    const stacks = await queryRows<{ stack: string; partner: number; self: number }>(
      db,
      sql`select stack, count(*) filter (where partner_id is not null)::int as partner, count(*) filter (where partner_id is null)::int as self from installs group by stack order by stack`,
    );
    expect(stacks.map((s) => s.stack).sort()).toEqual(["custom", "shopify", "wordpress", "workers"]);
    for (const s of stacks) {
      expect(s.partner).toBeGreaterThan(5);
      expect(s.self).toBeGreaterThan(5);
    }
    const partners = await one<{ n: number }>(sql`select count(distinct partner_id)::int as n from installs`);
    expect(partners.n).toBeGreaterThan(30);

    const history = await one<{ days: number; checks: number }>(sql`select (max(checked_at)::date - min(checked_at)::date)::int as days, count(*)::int as checks from survival_checks`);
    expect(history.days).toBeGreaterThanOrEqual(115);
    expect(history.checks).toBeGreaterThan(10_000);
    // Some partners dropped below the 99.9% bar over 30 days; most did not.
    const below = await one<{ below: number; total: number }>(
      sql`select count(*) filter (where assets_survived * 1000 < assets_checked * 999)::int as below, count(*)::int as total
          from survival_windows where window_days = 90 and stack = 'all' and owner not in ('program', 'self_serve')`,
    );
    expect(below.below).toBeGreaterThan(0);
    expect(below.below).toBeLessThan(below.total / 2);
    // Every verified install has a verifying check at its verification time or history start.
    const tti = await one<{ n: number }>(sql`select count(*)::int as n from tti_rollups where owner = 'self_serve' and installs_verified > 0`);
    expect(tti.n).toBeGreaterThan(0);

    const reports = await one<{ published: number; drafts: number }>(
      sql`select count(*) filter (where published_at is not null)::int as published, count(*) filter (where published_at is null)::int as drafts from survival_reports`,
    );
    expect(reports.published).toBeGreaterThan(5);
    expect(reports.drafts).toBeGreaterThan(0);
    const exportsCount = await one<{ n: number }>(sql`select count(*)::int as n from evidence_exports`);
    expect(exportsCount.n).toBeGreaterThan(10);

    const quarters = await queryRows<{ quarter: string; audience: string; n: number }>(
      db,
      sql`select quarter, audience, count(*)::int as n from nps_responses group by quarter, audience order by quarter, audience`,
    );
    expect(new Set(quarters.map((q) => q.quarter)).size).toBe(5);
    expect(quarters.every((q) => q.n > 0)).toBe(true);
    const perPartner = await one<{ n: number }>(
      sql`select count(*)::int as n from (select partner_id, quarter from nps_responses where audience = 'customer' group by 1, 2) t`,
    );
    expect(perPartner.n).toBeGreaterThan(50);
    // The fixture-site installs are ready for "Check now".
    const fixture = await one<{ n: number }>(sql`select count(*)::int as n from installs where sample_urls[1] like '%/fixture-site/%'`);
    expect(fixture.n).toBe(4);
  });
});
