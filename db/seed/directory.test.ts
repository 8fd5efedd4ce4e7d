import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "../client";
import { seedDemo } from ".";

const NOW = new Date("2026-11-26T09:00:00Z");

describe("directory demo seed", () => {
  it("lists 60+ partners across facets, with badges, leads, proof-link reviews and a ranking", { timeout: 180_000 }, async () => {
    const db = await getDb();
    await seedDemo(db, { now: NOW });
    const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(db, q))[0]!;

    const listed = await one<{ n: number; tracks: number; tiers: number; regions: number; stacks: number; languages: number }>(
      sql`select count(*)::int as n, count(distinct track)::int as tracks, count(distinct tier)::int as tiers,
                 (select count(distinct r)::int from partners, unnest(regions) r) as regions,
                 (select count(distinct s)::int from partners, unnest(stacks) s) as stacks,
                 (select count(distinct l)::int from partners, unnest(languages) l) as languages
          from partners where status <> 'suspended'`,
    );
    expect(listed.n).toBeGreaterThanOrEqual(60);
    expect(listed).toMatchObject({ tracks: 3, tiers: 3, regions: 5, stacks: 4 });
    expect(listed.languages).toBeGreaterThan(5);

    // Every listed partner is ranked, ranks are 1..n, Premier partners come first.
    const ranks = await one<{ n: number; min: number; max: number; distinct: number }>(
      sql`select count(*)::int as n, min(rank)::int as min, max(rank)::int as max, count(distinct rank)::int as distinct from partner_rankings`,
    );
    expect(ranks).toEqual({ n: listed.n, min: 1, max: listed.n, distinct: listed.n });
    const top = await one<{ tier: string }>(sql`select p.tier from partner_rankings r join partners p on p.id = r.partner_id order by r.rank limit 1`);
    expect(top.tier).toBe("premier");
    const spread = await one<{ lo: number; hi: number }>(sql`select min(score) as lo, max(score) as hi from partner_rankings`);
    expect(spread.hi - spread.lo).toBeGreaterThan(0.2);

    const badges = await queryRows<{ state: string; n: number }>(db, sql`select state, count(*)::int as n from partner_badges group by state`);
    expect(badges.map((b) => b.state).sort()).toEqual(["active", "expired", "probation", "revoked"]);

    const leadStates = await queryRows<{ status: string }>(db, sql`select distinct status from leads`);
    expect(leadStates.map((l) => l.status).sort()).toEqual(["answered", "closed", "new"]);
    const brightLeads = await one<{ n: number }>(
      sql`select count(*)::int as n from leads l join partners p on p.id = l.partner_id where p.slug = 'brightpixel-studio' and l.status = 'new'`,
    );
    expect(brightLeads.n).toBeGreaterThan(0);

    const reviews = await queryRows<{ state: string; slug: string }>(
      db,
      sql`select r.state, p.slug from listing_reviews r join partners p on p.id = r.partner_id order by r.state`,
    );
    expect(reviews.map((r) => r.state)).toEqual(["approved", "pending", "pending", "rejected"]);
    expect(reviews.filter((r) => r.state === "pending").map((r) => r.slug).sort()).toEqual(["brightpixel-studio", "northwind-integrations"]);
  });
});
