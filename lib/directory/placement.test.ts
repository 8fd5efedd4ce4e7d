import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { partners } from "@/db/schema";
import { directoryQuerySchema } from "@/lib/partners/schemas";
import type { Tier } from "@/lib/partners/constants";
import { T0 } from "@/lib/testing/factories";
import { TIER_BENEFITS } from "@/lib/tiers/benefits";
import { TUNING } from "./placement";
import { prefixTsQuery } from "./search-text";
import { allFacetCounts, countPartners, directoryWhere, searchPartners, TYPO_FALLBACK_BELOW, type FacetName, type TextMode } from "./store";

// The directory's reading paths (probe, walk, walk cut short, one-pass sort, typo fallback)
// against a reference: every match fetched and sorted by the documented rules, with scores
// read from partner_rankings (which also checks the placement table's triggers). A fixture
// of 1,200 listings, searched with the default tuning and with one so small that every
// path is taken.

const NOW = new Date(T0.getTime() + 30 * 86_400_000);
const DEFAULT_TUNING = { ...TUNING };
const TINY_TUNING = { probe: 4, firstWalk: 5, walk: 12, walkMax: 20, deep: 30 };

beforeAll(async () => {
  const db = await getDb();
  const at = NOW.toISOString();
  // Words from lists land in names, stacks, taglines and descriptions; tiers, probation and
  // scores vary independently of them (scores with many ties).
  await db.execute(sql`
    insert into partners (id, slug, name, track, tier, status, joined_at, probation_ends_at, tagline, description, regions, stacks, languages, updated_at)
    select 'ptr_fx_' || lpad(g::text, 5, '0'), 'fx-' || g,
           (array['Bright','Harbor','Pixel','Copper','Summit','Quartz','Ledger','Cedar'])[1 + (g * 7) % 8]
             || ' ' || (array['Studio','Digital','Audit','Works','Labs'])[1 + (g * 3) % 5] || ' ' || g,
           (array['installer','auditor','enterprise_integrator'])[1 + g % 3],
           (array['verified','verified','advanced','premier'])[1 + ((g / 3) * 5) % 4],
           case when g % 97 = 0 then 'suspended' when g % 6 = 0 then 'probation' else 'active' end,
           ${at}::timestamptz - interval '400 days',
           case g % 18 when 0 then null when 6 then ${at}::timestamptz - interval '2 days' else ${at}::timestamptz + interval '20 days' end,
           (array['Content Credentials that survive', 'WordPress and Shopify installs', 'Provenance audits'])[1 + (g * 5) % 3],
           (array['We install the WordPress plugin.', 'SOC 2 evidence packs for provenance.', 'Cloudflare Workers at the edge.', 'Pixel-perfect newsroom signing.'])[1 + (g * 11) % 4],
           case g % 4 when 0 then array['europe'] when 1 then array['na','europe'] when 2 then array['apac'] else array['latam'] end,
           case (g * 17) % 5 when 0 then array['wordpress'] when 1 then array['shopify','custom'] when 2 then array['workers'] when 3 then array['wordpress','workers'] else array['custom'] end,
           case g % 3 when 0 then array['en'] when 1 then array['en','de'] else array['fr'] end,
           ${at}::timestamptz
    from generate_series(1, 1200) g`);
  // Names that only resemble words the full text finds.
  await db.execute(sql`
    insert into partners (id, slug, name, track, tier, status, joined_at, regions, stacks, languages, updated_at)
    values ('ptr_fx_typo1', 'fx-typo1', 'Coper Hause', 'auditor', 'premier', 'active', ${at}::timestamptz, array['europe'], array['custom'], array['de'], ${at}::timestamptz),
           ('ptr_fx_typo2', 'fx-typo2', 'Brightt Pixell', 'installer', 'verified', 'active', ${at}::timestamptz, array['apac'], array['custom'], array['en'], ${at}::timestamptz)`);
  // Rankings for most listings (the rest stay unranked: score 0), written straight into
  // partner_rankings: directory_placement must follow through its triggers.
  await db.execute(sql`
    insert into partner_rankings (partner_id, score, compliance, performance, satisfaction, recency, placement_band, on_probation, rank, inputs, computed_at)
    select p.id, round((((g * 37) % 23) / 23.0)::numeric, 2)::float8, 0, 0, 0, 0, 0, 0, g, '{}'::jsonb, ${at}::timestamptz
    from generate_series(1, 1200) g join partners p on p.id = 'ptr_fx_' || lpad(g::text, 5, '0')
    where g % 10 <> 4 and p.status <> 'suspended'`);
});

afterEach(() => {
  Object.assign(TUNING, DEFAULT_TUNING);
});

interface RefRow {
  id: string;
  name: string;
  tier: Tier;
  on_probation: boolean;
  score: number;
  fts: boolean;
  in_name: boolean;
  in_profile: boolean;
  resembles: boolean;
}

/** Code point order, as collate "C" compares UTF-8 bytes. */
const byCodePoint = (a: string, b: string) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

/** Every match of the query in order, by the documented rules (README "Order"; lib/directory/store.ts header). */
async function reference(input: Record<string, unknown>, sort: "rank" | "relevance"): Promise<{ ids: string[]; mode: TextMode }> {
  const db = await getDb();
  const q = directoryQuerySchema.parse(input);
  const text = q.q ?? "";
  const match = (w: "" | "A" | "AB") => {
    const tsq = prefixTsQuery(text, w);
    return tsq ? sql`"partners"."search_document" @@ to_tsquery('simple', ${tsq})` : sql`false`;
  };
  const rows = await queryRows<RefRow>(
    db,
    sql`select "partners"."id" as id, "partners"."name" as name, "partners"."tier" as tier,
               ("partners"."status" = 'probation' and ("partners"."probation_ends_at" is null or "partners"."probation_ends_at" > ${NOW.toISOString()}::timestamptz)) as on_probation,
               coalesce(r.score, 0)::float8 as score,
               ${match("")} as fts, ${match("A")} as in_name, ${match("AB")} as in_profile,
               ${text ? sql`lower("partners"."name") %> lower(${text})` : sql`false`} as resembles
        from ${partners} left join partner_rankings r on r.partner_id = "partners"."id"
        where ${directoryWhere({ ...q, q: undefined })}`,
  );
  let kept = rows;
  let mode: TextMode = "fulltext";
  if (text) {
    const fts = rows.filter((r) => r.fts);
    mode = fts.length >= TYPO_FALLBACK_BELOW ? "fulltext" : "typos";
    kept = mode === "fulltext" ? fts : rows.filter((r) => r.fts || r.resembles);
  }
  const relevance = (r: RefRow) => (!text || sort === "rank" ? 0 : !r.fts ? 0.2 : r.in_name ? 1 : r.in_profile ? 0.8 : 0.6);
  kept.sort(
    (a, b) =>
      relevance(b) - relevance(a) ||
      TIER_BENEFITS[a.tier].placementBand - TIER_BENEFITS[b.tier].placementBand ||
      Number(a.on_probation) - Number(b.on_probation) ||
      Number(b.score) - Number(a.score) ||
      byCodePoint(a.name, b.name) ||
      byCodePoint(a.id, b.id),
  );
  return { ids: kept.map((r) => r.id), mode };
}

const TEXTS = [undefined, "studio", "wordpress", "bright digital", "cloudflare", "harbr", "soc evidence", "pixel", "copper", "brightt", "zzz", "%_%"];
const FILTERS: Record<string, unknown>[] = [{}, { region: "europe" }, { tier: "premier,advanced" }, { stack: "wordpress", language: "en" }, { track: "auditor" }];

async function compare(sort: "rank" | "relevance", pages: { page: number; pageSize: number }[]) {
  for (const q of TEXTS) {
    for (const f of FILTERS) {
      const expected = await reference({ q, ...f }, sort);
      for (const { page, pageSize } of pages) {
        const input = directoryQuerySchema.parse({ q, ...f, page, pageSize });
        const got = await searchPartners(input, sort, NOW);
        const label = JSON.stringify({ q, ...f, page, pageSize, sort });
        expect(got.total, label).toBe(expected.ids.length);
        expect(got.mode, label).toBe(q && prefixTsQuery(q) ? expected.mode : q ? "typos" : "fulltext");
        expect(
          got.rows.map((r) => r.partner.id),
          label,
        ).toEqual(expected.ids.slice((page - 1) * pageSize, page * pageSize));
      }
    }
  }
}

const PAGES = [
  { page: 1, pageSize: 20 },
  { page: 3, pageSize: 20 },
  { page: 2, pageSize: 100 },
];

describe("reading in placement order", () => {
  it("gives the reference order and totals with the default tuning", { timeout: 120_000 }, async () => {
    await compare("relevance", PAGES);
    await compare("rank", PAGES);
  });

  it("gives the same when every path is taken (tiny probes and walks, early sorting)", { timeout: 120_000 }, async () => {
    Object.assign(TUNING, TINY_TUNING);
    await compare("relevance", PAGES);
    await compare("rank", PAGES);
  });
});

describe("names resembling the text", () => {
  it("join only when the full text finds fewer than a page, and count in the total", async () => {
    // "copper" finds a page and more: the typo "Coper Hause" stays out.
    const broad = await searchPartners(directoryQuerySchema.parse({ q: "copper", pageSize: 100 }), "relevance", NOW);
    expect(broad.mode).toBe("fulltext");
    expect(broad.total).toBeGreaterThanOrEqual(TYPO_FALLBACK_BELOW);
    expect(broad.rows.map((r) => r.partner.name)).not.toContain("Coper Hause");
    // Narrowed below a page by the filters, the same text takes the typo in.
    const narrow = directoryQuerySchema.parse({ q: "copper", region: "europe", tier: "premier", track: "auditor", language: "de", pageSize: 100 });
    const found = await searchPartners(narrow, "relevance", NOW);
    expect(found.mode).toBe("typos");
    expect(found.rows.at(-1)!.partner.name).toBe("Coper Hause");
    expect(found.total).toBe(found.rows.length);
    // The zero-result suggestions count by the same rule.
    expect(await countPartners(narrow)).toBe(found.total);
  });

  it("come after the full-text matches, and find misspelt names", async () => {
    // "coper" is a word of one name only; every Copper resembles it.
    const found = await searchPartners(directoryQuerySchema.parse({ q: "coper", pageSize: 100 }), "relevance", NOW);
    expect(found.mode).toBe("typos");
    expect(found.rows[0]!.partner.name).toBe("Coper Hause");
    expect(found.rows.slice(1).every((r) => r.partner.name.startsWith("Copper") && r.relevance === 0.2)).toBe(true);
    expect(found.total).toBe(1 + 150 - 1); // 150 Copper listings, one of them suspended
    const misspelt = await searchPartners(directoryQuerySchema.parse({ q: "brightt pixell" }), "relevance", NOW);
    expect(misspelt.rows.map((r) => r.partner.name)).toEqual(["Brightt Pixell"]);
  });
});

describe("facets", () => {
  it("count every facet in one pass exactly as one query per facet would", async () => {
    const db = await getDb();
    const perFacet = async (f: Record<string, unknown>, facet: FacetName, mode: TextMode) => {
      const where = directoryWhere(directoryQuerySchema.parse(f), facet, mode);
      const rows =
        facet === "track" || facet === "tier"
          ? await queryRows<{ value: string; count: number }>(db, sql`select ${sql.raw(facet)} as value, count(*)::int as count from ${partners} where ${where} group by 1`)
          : facet === "badge"
            ? await queryRows<{ value: string; count: number }>(
                db,
                sql`select case when pb.kind = 'track' then 'certified' else pb.badge end as value, count(distinct "partners"."id")::int as count
                    from ${partners} join partner_badges pb on pb.partner_id = "partners"."id" and pb.state = 'active' where ${where} group by 1`,
              )
            : await queryRows<{ value: string; count: number }>(db, sql`select v as value, count(*)::int as count from ${partners}, unnest(${sql.raw(facet === "region" ? "regions" : facet === "stack" ? "stacks" : "languages")}) v where ${where} group by 1`);
      return rows.map((r) => ({ value: String(r.value), count: Number(r.count) })).sort((a, b) => byCodePoint(a.value, b.value));
    };
    await db.execute(sql`
      insert into partner_badges (id, partner_id, kind, badge, tier, state, issued_at, state_changed_at)
      select 'bdg_' || id, id, 'track', 'certified_installer', 'verified', case when right(id, 1) = '1' then 'expired' else 'active' end, now(), now()
      from partners where id like 'ptr_fx_%' and right(id, 1) in ('1', '2', '3')`);
    for (const f of [{}, { q: "wordpress", region: "europe" }, { q: "pixel", tier: "premier", stack: "wordpress,custom", badge: "certified" }, { q: "coper", language: "en" }]) {
      for (const mode of ["fulltext", "typos"] as const) {
        const all = await allFacetCounts(directoryQuerySchema.parse(f), mode);
        for (const facet of ["track", "tier", "region", "stack", "language", "badge"] as const) {
          expect(all[facet], `${JSON.stringify(f)} ${mode} ${facet}`).toEqual(await perFacet(f, facet, mode));
        }
      }
    }
  });
});

describe("placement stays live", () => {
  it("follows tier changes, probation, new listings and ranking changes at once", async () => {
    const db = await getDb();
    const search = async (page: number) =>
      (await searchPartners(directoryQuerySchema.parse({ q: "quartz", page, pageSize: 100 }), "rank", NOW)).rows.map((r) => r.partner.id);
    const check = async () => {
      const expected = (await reference({ q: "quartz" }, "rank")).ids;
      expect([...(await search(1)), ...(await search(2))]).toEqual(expected.slice(0, 200));
      return expected;
    };
    const before = await check();
    const last = before.at(-1)!;
    // Promoted to Premier: placed with Premier at once, before any ranking run.
    await db.update(partners).set({ tier: "premier" }).where(eq(partners.id, last));
    expect((await check()).indexOf(last)).toBeLessThan(before.indexOf(last));
    // Put on probation, then its probation ends (a later `now`).
    await db.update(partners).set({ status: "probation", probationEndsAt: new Date(NOW.getTime() + 1000) }).where(eq(partners.id, last));
    await check();
    await db.update(partners).set({ probationEndsAt: new Date(NOW.getTime() - 1000) }).where(eq(partners.id, last));
    await check();
    // A new listing, not ranked yet, and a ranking that changes.
    await db.execute(sql`insert into partners (id, slug, name, track, tier, status, joined_at, regions, stacks, languages, updated_at)
      values ('ptr_fx_new', 'fx-new', 'Quartz Newcomer', 'installer', 'premier', 'active', now(), array['europe'], array['custom'], array['en'], now())`);
    expect(await check()).toContain("ptr_fx_new");
    await db.execute(sql`update partner_rankings set score = 1 where partner_id = (select partner_id from partner_rankings r join partners p on p.id = r.partner_id where p.name like 'Quartz%' order by r.score, p.id limit 1)`);
    await check();
    // A deleted ranking counts as unranked (score 0); a deleted listing is gone.
    await db.execute(sql`delete from partner_rankings where partner_id = (select id from partners where name like 'Quartz%' and tier = 'premier' order by id limit 1)`);
    await check();
    await db.delete(partners).where(eq(partners.id, "ptr_fx_new"));
    expect(await check()).not.toContain("ptr_fx_new");
  });
});
