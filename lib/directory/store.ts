import "server-only";
import { and, arrayOverlaps, asc, count, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { partnerBadges, partnerRankings, partners } from "@/db/schema";
import type { PartnerRow } from "@/lib/partners/store";
import type { DirectoryQuery } from "@/lib/partners/schemas";
import { TIER_BENEFITS } from "@/lib/tiers/benefits";
import { RANKING } from "@/lib/ranking/score";
import type { BadgeFilter } from "./constants";
import { prefixTsQuery } from "./search-text";

// Directory reads. Text search: the stored search_document (name, stacks,
// tagline, description; 'simple' configuration) with prefix matching on every
// word, OR a trigram word similarity on the name above pg_trgm's default
// threshold (0.6), which forgives typos ("brightpixl"). Both are indexed and
// behave the same on PostgreSQL and PGlite.

export type DirectoryFilters = Omit<DirectoryQuery, "page" | "pageSize" | "sort">;
export type FacetName = "track" | "tier" | "region" | "stack" | "language" | "badge";

// partners.search_document: a stored generated column (drizzle/0018_directory_search.sql), not in the Drizzle table.
const document = sql`"partners"."search_document"`;

function textMatch(q: string): SQL {
  const tsq = prefixTsQuery(q);
  const trigram = sql`lower(${partners.name}) %> lower(${q})`;
  return tsq ? sql`(${document} @@ to_tsquery('simple', ${tsq}) or ${trigram})` : trigram;
}

function relevance(q: string): SQL<number> {
  const tsq = prefixTsQuery(q);
  const rank = tsq ? sql`ts_rank(${document}, to_tsquery('simple', ${tsq}))` : sql`0`;
  return sql<number>`(${rank} + word_similarity(lower(${q}), lower(${partners.name})))::float8`;
}

const BADGE_KEYS: Record<Exclude<BadgeFilter, "certified">, string> = {
  fast_installer: "fast_installer",
  compliance_pro: "compliance_pro",
  five_star_nps: "five_star_nps",
};

function hasBadge(b: BadgeFilter): SQL {
  const match = b === "certified" ? sql`pb.kind = 'track'` : sql`pb.badge = ${BADGE_KEYS[b]}`;
  return sql`exists (select 1 from partner_badges pb where pb.partner_id = ${partners.id} and pb.state = 'active' and ${match})`;
}

/** The WHERE clause for a set of filters, leaving out `omit` (for that facet's own counts). */
export function directoryWhere(f: Partial<DirectoryFilters>, omit?: FacetName | "q"): SQL {
  const where: SQL[] = [ne(partners.status, "suspended")];
  if (f.track && omit !== "track") where.push(eq(partners.track, f.track));
  if (f.tier?.length && omit !== "tier") where.push(inArray(partners.tier, f.tier));
  if (f.stack?.length && omit !== "stack") where.push(arrayOverlaps(partners.stacks, f.stack));
  if (f.region?.length && omit !== "region") where.push(arrayOverlaps(partners.regions, f.region));
  if (f.language?.length && omit !== "language") where.push(arrayOverlaps(partners.languages, f.language));
  if (f.badge?.length && omit !== "badge") for (const b of f.badge) where.push(hasBadge(b));
  if (f.q && omit !== "q") where.push(textMatch(f.q));
  return and(...where)!;
}

const bandOf = sql`case ${partners.tier} ${sql.join(
  Object.entries(TIER_BENEFITS).map(([tier, b]) => sql`when ${tier} then ${b.placementBand}`),
  sql` `,
)} end`;
const onProbation = (now: Date) =>
  sql`case when ${partners.status} = 'probation' and (${partners.probationEndsAt} is null or ${partners.probationEndsAt} > ${now.toISOString()}::timestamptz) then 1 else 0 end`;

/**
 * Placement order, the same as the ranking run's (lib/ranking/score.ts): tier band,
 * probation after its band, score, name, id. Partners not ranked yet score 0.
 */
export function placementOrder(now: Date): SQL[] {
  return [
    sql`${bandOf}`,
    onProbation(now),
    sql`coalesce(${partnerRankings.score}, 0) desc`,
    sql`${partners.name} collate "C"`,
    sql`${partners.id} collate "C"`,
  ];
}

export interface DirectoryRow {
  partner: PartnerRow;
  rank: number | null;
  relevance: number | null;
}

export async function searchPartners(
  q: DirectoryQuery,
  sort: "rank" | "relevance",
  now: Date,
): Promise<{ rows: DirectoryRow[]; total: number }> {
  const db = await getDb();
  const where = directoryWhere(q);
  const rel = q.q ? relevance(q.q) : null;
  // Relevance in steps of 0.1: within a step, placement decides (tiers first, within relevance).
  const order = sort === "relevance" && rel ? [sql`round((${rel})::numeric, 1) desc`, ...placementOrder(now)] : placementOrder(now);
  const [rows, [total]] = await Promise.all([
    db
      .select({ partner: partners, rank: partnerRankings.rank, relevance: rel ?? sql<null>`null` })
      .from(partners)
      .leftJoin(partnerRankings, eq(partnerRankings.partnerId, partners.id))
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(partners).where(where),
  ]);
  return { rows: rows.map((r) => ({ partner: r.partner, rank: r.rank, relevance: r.relevance === null ? null : Number(r.relevance) })), total: total?.n ?? 0 };
}

export async function countPartners(f: Partial<DirectoryFilters>, omit?: FacetName | "q"): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(partners).where(directoryWhere(f, omit));
  return row?.n ?? 0;
}

/** Counts per value of one facet, with every other filter applied. */
export async function facetCounts(f: Partial<DirectoryFilters>, facet: FacetName): Promise<{ value: string; count: number }[]> {
  const db = await getDb();
  const where = directoryWhere(f, facet);
  let rows: { value: string; count: number }[];
  if (facet === "track" || facet === "tier") {
    const col = facet === "track" ? partners.track : partners.tier;
    rows = await db.select({ value: col, count: count() }).from(partners).where(where).groupBy(col);
  } else if (facet === "badge") {
    rows = await queryRows<{ value: string; count: number }>(
      db,
      sql`select case when pb.kind = 'track' then 'certified' else pb.badge end as value, count(distinct ${partners.id})::int as count
          from ${partners} join ${partnerBadges} pb on pb.partner_id = ${partners.id} and pb.state = 'active'
          where ${where} group by 1`,
    );
  } else {
    const col = facet === "region" ? partners.regions : facet === "stack" ? partners.stacks : partners.languages;
    rows = await queryRows<{ value: string; count: number }>(
      db,
      sql`select v as value, count(*)::int as count from ${partners}, unnest(${col}) as v where ${where} group by v`,
    );
  }
  return rows.map((r) => ({ value: String(r.value), count: Number(r.count) }));
}

// --- public figures for cards and profiles ----------------------------------------

export interface BadgeRow {
  id: string;
  partnerId: string;
  badge: string;
  kind: string;
  tier: string | null;
  state: string;
}

/** Badges shown publicly: active ones, and track badges on probation (gray). */
export async function publicBadgesOf(partnerIds: string[]): Promise<BadgeRow[]> {
  if (!partnerIds.length) return [];
  const db = await getDb();
  return db
    .select({ id: partnerBadges.id, partnerId: partnerBadges.partnerId, badge: partnerBadges.badge, kind: partnerBadges.kind, tier: partnerBadges.tier, state: partnerBadges.state })
    .from(partnerBadges)
    .where(and(inArray(partnerBadges.partnerId, partnerIds), inArray(partnerBadges.state, ["active", "probation"])))
    .orderBy(asc(partnerBadges.kind), asc(partnerBadges.badge));
}

export interface MetricsRow {
  partnerId: string;
  checked30: number;
  survived30: number;
  ttiP50: number | null;
  verified: number;
  promoters: number;
  detractors: number;
  responses: number;
}

export async function publicMetricsOf(partnerIds: string[], now: Date): Promise<MetricsRow[]> {
  if (!partnerIds.length) return [];
  const db = await getDb();
  const npsFrom = new Date(now.getTime() - RANKING.npsWindowDays * 86_400_000).toISOString();
  const ids = sql.join(partnerIds.map((id) => sql`${id}`), sql`, `);
  return queryRows<MetricsRow>(
    db,
    sql`select p.id as "partnerId",
               coalesce(sw.assets_checked, 0)::float8 as "checked30", coalesce(sw.assets_survived, 0)::float8 as "survived30",
               tr.p50_seconds as "ttiP50", coalesce(tr.installs_verified, 0)::int as "verified",
               coalesce(n.promoters, 0)::int as "promoters", coalesce(n.detractors, 0)::int as "detractors", coalesce(n.responses, 0)::int as "responses"
        from partners p
        left join survival_windows sw on sw.owner = p.id and sw.stack = 'all' and sw.window_days = 30
        left join tti_rollups tr on tr.owner = p.id and tr.stack = 'all'
        left join (
          select partner_id, count(*) filter (where score >= 9) as promoters, count(*) filter (where score <= 6) as detractors, count(*) as responses
          from nps_responses where audience = 'customer' and responded_at >= ${npsFrom}::timestamptz and responded_at <= ${now.toISOString()}::timestamptz
            and partner_id in (${ids})
          group by partner_id
        ) n on n.partner_id = p.id
        where p.id in (${ids})`,
  );
}

export async function ttiByStackOf(partnerId: string) {
  const db = await getDb();
  return queryRows<{ stack: string; verified: number; p50: number | null; p95: number | null }>(
    db,
    sql`select stack, installs_verified::int as verified, p50_seconds as p50, p95_seconds as p95
        from tti_rollups where owner = ${partnerId} and stack <> 'all' order by stack`,
  );
}

export async function survivalWindowsOf(partnerId: string) {
  const db = await getDb();
  return queryRows<{ days: number; checks: number; checked: number; survived: number }>(
    db,
    sql`select window_days::int as days, checks::int as checks, assets_checked::float8 as checked, assets_survived::float8 as survived
        from survival_windows where owner = ${partnerId} and stack = 'all' order by window_days`,
  );
}

