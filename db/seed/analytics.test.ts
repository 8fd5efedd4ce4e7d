import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { evaluateAll } from "@/lib/exit-tests/evaluate";
import { loadExitTestData } from "@/lib/exit-tests/load";
import { getDb, queryRows } from "../client";
import { seedDemo } from ".";

const NOW = new Date("2026-11-26T09:00:00Z");

describe("analytics demo seed", () => {
  it("makes the demo admin an exec, publishes last quarter's NPS, and passes exit tests 1 and 2", { timeout: 120_000 }, async () => {
    const db = await getDb();
    await seedDemo(db, { now: NOW });
    const [admin] = await queryRows<{ is_exec: boolean }>(db, sql`select is_exec from users where email = 'admin@provenant.dev'`);
    expect(admin?.is_exec).toBe(true);
    const pubs = await queryRows<{ quarter: string }>(db, sql`select quarter from nps_publications`);
    expect(pubs.map((p) => p.quarter)).toEqual(["2026-Q3"]);
    const direct = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from crm_opportunities where partner_id is null and stage in ('closed_won', 'closed_lost')`);
    expect(direct[0]!.n).toBeGreaterThan(10);

    const results = evaluateAll(await loadExitTestData(db, NOW), NOW);
    expect(results.map((r) => r.status)).toEqual(["PASS", "PASS", "FAIL"]);
    expect(results[0]!.figures.partners_with_proven_paid_work as number).toBeGreaterThanOrEqual(3);
    // Suspicious customers (self-referral, click flood) have no CRM proof and do not count.
    expect(results[0]!.figures.customers_without_crm_proof as number).toBeGreaterThan(0);
    expect(results[1]!.figures.mann_whitney_p as number).toBeLessThan(0.05);
    // The NPS half holds; only the webinar source is missing.
    expect(results[2]!.reasons).toEqual(["not enough data: no webinar registrations (webinar registrations not available)"]);
  });
});
