import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runCertification } from "@/lib/certification/run-certification";
import { getDb, queryRows } from "../client";
import { seedDemo } from ".";

const NOW = new Date("2026-11-26T09:00:00Z");

describe("certification demo seed", () => {
  it("shows every state, and the evaluation agrees with it (a run right after the seed changes nothing)", { timeout: 180_000 }, async () => {
    const db = await getDb();
    await seedDemo(db, { now: NOW });
    const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(db, q);

    const statuses = await rows<{ status: string; n: number }>(sql`select status, count(*)::int as n from certifications group by status`);
    const count = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
    for (const s of ["probation", "certified", "recertifying", "expired", "uncertified"]) expect(count[s], s).toBeGreaterThan(0);

    const demo = await rows<{ slug: string; status: string; badge: string; state: string; tier: string }>(
      sql`select p.slug, c.status, b.badge, b.state, b.tier from partners p join certifications c on c.partner_id = p.id join partner_badges b on b.partner_id = p.id and b.kind = 'track' where p.slug in ('brightpixel-studio', 'ledgerline-assurance') order by p.slug`,
    );
    expect(demo).toEqual([
      expect.objectContaining({ slug: "brightpixel-studio", status: "certified", badge: "certified_installer", state: "active", tier: "premier" }),
      expect.objectContaining({ slug: "ledgerline-assurance", status: "certified", badge: "certified_auditor", state: "active" }),
    ]);
    // Probation partners show gray (probation) badges; expired ones expired badges.
    const states = await rows<{ status: string; state: string }>(sql`select distinct c.status, b.state from certifications c join partner_badges b on b.partner_id = c.partner_id and b.kind = 'track'`);
    expect(states).toEqual(expect.arrayContaining([{ status: "probation", state: "probation" }, { status: "expired", state: "expired" }, { status: "recertifying", state: "active" }]));

    const missTwice = await rows<{ n: number }>(sql`select count(*)::int as n from tier_changes where reason = 'miss_twice'`);
    expect(missTwice[0]!.n).toBeGreaterThan(0);
    const queue = await rows<{ kind: string }>(sql`select distinct kind from certification_submissions where status = 'pending'`);
    expect(queue.map((q) => q.kind).sort()).toEqual(["enterprise_reference", "pen_test_letter", "runbook"]);
    const quizzes = await rows<{ passed: boolean; n: number }>(sql`select passed, count(*)::int as n from quiz_attempts group by passed`);
    expect(quizzes.map((q) => q.passed).sort()).toEqual([false, true]);
    const bankSizes = await rows<{ n: number }>(sql`select count(*)::int as n from quiz_questions group by assessment`);
    expect(bankSizes).toHaveLength(3);
    for (const b of bankSizes) expect(b.n).toBeGreaterThanOrEqual(15);
    const sla = await rows<{ missed: number; open: number }>(
      sql`select count(*) filter (where first_response_at > opened_at + sla_hours * interval '1 hour')::int as missed, count(*) filter (where first_response_at is null)::int as open from incidents`,
    );
    expect(sla[0]!.missed).toBeGreaterThan(0);
    expect(sla[0]!.open).toBeGreaterThan(0);

    const again = await runCertification({ now: NOW, notify: false });
    expect(again.changes).toEqual([]);
    expect(again.changed).toBe(0);
  });
});
