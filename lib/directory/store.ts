import "server-only";
import { and, arrayOverlaps, asc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { getDb, queryRows, type Queryable } from "@/db/client";
import { partnerBadges, partnerRankings, partners } from "@/db/schema";
import type { PartnerRow } from "@/lib/partners/store";
import type { DirectoryQuery } from "@/lib/partners/schemas";
import { TIERS } from "@/lib/partners/constants";
import { RANKING } from "@/lib/ranking/score";
import { DIRECTORY_PAGE_SIZE, type BadgeFilter } from "./constants";
import { readInPlacement, stepPage, type Placed, type SizeHint, type Step } from "./placement";
import { prefixTsQuery } from "./search-text";

// Directory reads. Text search: the stored search_document (name, stacks, tagline,
// description; 'simple' configuration) with prefix matching on every word. When that finds
// fewer than a page of listings (with the filters), names that merely resemble the text
// join in: a trigram word similarity on the name above pg_trgm's default threshold (0.6),
// which forgives typos ("brightpixl"). Both are indexed and behave the same on PostgreSQL
// and PGlite.
//
// Relevance, in steps: every word found in the name (1.0), in the name, stacks or tagline
// (0.8), anywhere (0.6); then names that only resemble the text (0.2). Within a step,
// placement decides (lib/directory/placement.ts).

export type DirectoryFilters = Omit<DirectoryQuery, "page" | "pageSize" | "sort">;
export type FacetName = "track" | "tier" | "region" | "stack" | "language" | "badge";
/** Full text only, or full text and names resembling the text (typos). */
export type TextMode = "fulltext" | "typos";

/** Below this many full-text matches, names resembling the text are added (whatever the page size). */
export const TYPO_FALLBACK_BELOW = DIRECTORY_PAGE_SIZE;
const TYPO_RELEVANCE = 0.2;

// partners.search_document: a stored generated column (drizzle/0018_directory_search.sql), not in the Drizzle table.
const document = sql`"partners"."search_document"`;
const tsquery = (tsq: string) => sql`to_tsquery('simple', ${tsq})`;

function fullText(q: string): SQL {
  const tsq = prefixTsQuery(q);
  return tsq ? sql`${document} @@ ${tsquery(tsq)}` : sql`false`;
}

function resembles(q: string): SQL {
  return sql`lower(${partners.name}) %> lower(${q})`;
}

function textMatch(q: string, mode: TextMode): SQL {
  if (mode === "fulltext") return fullText(q);
  return prefixTsQuery(q) ? sql`(${fullText(q)} or ${resembles(q)})` : resembles(q);
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

/** Each active filter's own condition (listed partners only is not one of them). */
function filterConditions(f: Partial<DirectoryFilters>): Partial<Record<FacetName, SQL>> {
  const c: Partial<Record<FacetName, SQL>> = {};
  if (f.track) c.track = eq(partners.track, f.track);
  if (f.tier?.length) c.tier = inArray(partners.tier, f.tier);
  if (f.stack?.length) c.stack = arrayOverlaps(partners.stacks, f.stack);
  if (f.region?.length) c.region = arrayOverlaps(partners.regions, f.region);
  if (f.language?.length) c.language = arrayOverlaps(partners.languages, f.language);
  if (f.badge?.length) c.badge = and(...f.badge.map(hasBadge))!;
  return c;
}

/** The WHERE clause for a set of filters, leaving out `omit` (for that facet's own counts). */
export function directoryWhere(f: Partial<DirectoryFilters>, omit?: FacetName | "q", mode: TextMode = "fulltext"): SQL {
  const where: SQL[] = [ne(partners.status, "suspended")];
  for (const [name, cond] of Object.entries(filterConditions(f))) if (name !== omit) where.push(cond);
  if (f.q && omit !== "q") where.push(textMatch(f.q, mode));
  return and(...where)!;
}

export interface DirectoryRow {
  partner: PartnerRow;
  rank: number | null;
  relevance: number | null;
}

async function countWhere(db: Queryable, where: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${partners} where ${where}`);
  return Number(row?.n ?? 0);
}

/** The relevance steps of full-text matches (see the header). */
function relevanceSteps(base: SQL, q: string): Step[] {
  const any = prefixTsQuery(q)!;
  const inName = prefixTsQuery(q, "A")!;
  const inProfile = prefixTsQuery(q, "AB")!;
  // ts_filter(...) @@ is what the partners_search_name/profile indexes answer; the weighted
  // queries (word:*A) say the same per row, cheaply, to leave out the steps above.
  return [
    { where: sql`${base} and ts_filter(${document}, '{a}') @@ ${tsquery(any)}`, relevance: 1, probeFirst: true },
    { where: sql`${base} and ts_filter(${document}, '{a,b}') @@ ${tsquery(any)} and not ${document} @@ ${tsquery(inName)}`, relevance: 0.8 },
    { where: sql`${base} and ${document} @@ ${tsquery(any)} and not ${document} @@ ${tsquery(inProfile)}`, relevance: 0.6 },
  ];
}

async function loadRows(db: Queryable, placed: Placed[]): Promise<DirectoryRow[]> {
  if (!placed.length) return [];
  const found = await db
    .select({ partner: partners, rank: partnerRankings.rank })
    .from(partners)
    .leftJoin(partnerRankings, eq(partnerRankings.partnerId, partners.id))
    .where(inArray(partners.id, placed.map((p) => p.id)));
  const byId = new Map(found.map((r) => [r.partner.id, r]));
  return placed.flatMap((p) => {
    const r = byId.get(p.id);
    return r ? [{ partner: r.partner, rank: r.rank, relevance: p.relevance }] : [];
  });
}

export interface SearchResult {
  rows: DirectoryRow[];
  total: number;
  /** Whether names resembling the text were included (the full text found fewer than a page). */
  mode: TextMode;
}

/**
 * One page of the directory: relevance steps then placement, or placement only ("rank").
 * The total counts every match. Full text first; when it finds fewer than TYPO_FALLBACK_BELOW
 * listings, names resembling the text follow (mode "typos").
 */
export async function searchPartners(q: DirectoryQuery, sort: "rank" | "relevance", now: Date): Promise<SearchResult> {
  const db = await getDb();
  const offset = (q.page - 1) * q.pageSize;
  const base = directoryWhere({ ...q, q: undefined });
  const tiers = q.tier.length ? q.tier : TIERS;
  // Steps read in placement order while their rows are counted; the count, once known, tells
  // the reading how large the steps are.
  const readAndCount = async (steps: Step[], where: SQL) => {
    const hint: SizeHint = {};
    const [placed, total] = await Promise.all([
      readInPlacement(db, steps, now, offset, q.pageSize, { tiers, hint }),
      countWhere(db, where).then((n) => (hint.total = n)),
    ]);
    return { placed, total };
  };
  const placementOnly = async (where: SQL, mode: TextMode): Promise<SearchResult> => {
    const { placed, total } = await readAndCount([{ where, relevance: null }], where);
    return { rows: await loadRows(db, placed), total, mode };
  };

  if (!q.q) return placementOnly(base, "fulltext");
  const text = q.q;
  const fts = sql`${base} and ${fullText(text)}`;
  if (sort === "rank" && !prefixTsQuery(text)) return placementOnly(sql`${base} and ${resembles(text)}`, "typos");
  if (sort === "rank") {
    const found = await placementOnly(fts, "fulltext");
    if (found.total >= TYPO_FALLBACK_BELOW) return found;
    // Fewer than a page: names resembling the text join in, among the full-text matches.
    return placementOnly(sql`${base} and ${textMatch(text, "typos")}`, "typos");
  }

  // Relevance: the steps of the full-text matches, then (below a page) names resembling the text.
  const steps = prefixTsQuery(text) ? relevanceSteps(base, text) : [];
  let ftsTotal = 0;
  let ftsPage: Placed[] = [];
  if (steps.length) {
    ({ placed: ftsPage, total: ftsTotal } = await readAndCount(steps, fts));
    if (ftsTotal >= TYPO_FALLBACK_BELOW) return { rows: await loadRows(db, ftsPage), total: ftsTotal, mode: "fulltext" };
  }
  // Fewer than a page: the full-text matches (the page read above has those it shows), then
  // names that only resemble the text, listed and counted in one pass.
  const end = offset + q.pageSize;
  const typoStep = { where: sql`${base} and ${resembles(text)} and not ${fullText(text)}`, relevance: TYPO_RELEVANCE };
  const typos = await stepPage(db, typoStep, now, Math.max(0, offset - ftsTotal), Math.max(0, end - Math.max(offset, ftsTotal)));
  const placed = [...ftsPage, ...typos.ids.map((id) => ({ id, relevance: TYPO_RELEVANCE }))];
  return { rows: await loadRows(db, placed), total: ftsTotal + typos.total, mode: "typos" };
}

/**
 * How many listings a search with these filters (leaving out `omit`) would show: the same
 * rule as searchPartners (names resembling the text only below a page of full-text matches).
 */
export async function countPartners(f: Partial<DirectoryFilters>, omit?: FacetName | "q"): Promise<number> {
  const db = await getDb();
  if (!f.q || omit === "q") return countWhere(db, directoryWhere(f, omit));
  const n = prefixTsQuery(f.q) ? await countWhere(db, directoryWhere(f, omit, "fulltext")) : 0;
  return n >= TYPO_FALLBACK_BELOW ? n : countWhere(db, directoryWhere(f, omit, "typos"));
}

/** Counts per value of one facet, with every other filter applied. */
export async function facetCounts(f: Partial<DirectoryFilters>, facet: FacetName, mode: TextMode = "fulltext"): Promise<{ value: string; count: number }[]> {
  return (await allFacetCounts(f, mode, [facet]))[facet];
}

const ARRAY_FACETS = { region: partners.regions, stack: partners.stacks, language: partners.languages } as const;

/**
 * Counts per value of every facet, each with every other filter applied, in one pass over
 * the listings that fail at most one filter.
 */
export async function allFacetCounts(
  f: Partial<DirectoryFilters>,
  mode: TextMode = "fulltext",
  facets: readonly FacetName[] = ["track", "tier", "region", "stack", "language", "badge"],
): Promise<Record<FacetName, { value: string; count: number }[]>> {
  const db = await getDb();
  const conds = filterConditions(f);
  const active = Object.keys(conds) as FacetName[];
  const flag = (name: FacetName) => sql.raw(`ok_${name}`);
  // Rows for facet F: every active filter but F holds.
  const others = (facet: FacetName) => {
    const rest = active.filter((a) => a !== facet).map((a) => sql`m.${flag(a)}`);
    return rest.length ? sql.join(rest, sql` and `) : sql`true`;
  };
  const where: SQL[] = [ne(partners.status, "suspended")];
  if (f.q) where.push(textMatch(f.q, mode));
  // At most one active filter may fail.
  if (active.length) where.push(sql`(${sql.join(active.map((a) => sql`(case when ${conds[a]!} then 0 else 1 end)`), sql` + `)}) <= 1`);
  const parts: SQL[] = [];
  for (const facet of facets) {
    if (facet === "track" || facet === "tier") {
      parts.push(sql`select ${facet}::text as facet, m.${sql.raw(facet)}::text as value, count(*)::int as count from m where ${others(facet)} group by 2`);
    } else if (facet === "badge") {
      // The fenced subquery makes this one hash join over active badges, not a lookup per listing.
      parts.push(sql`select 'badge' as facet, case when pb.kind = 'track' then 'certified' else pb.badge end as value, count(distinct m.id)::int as count
                     from m join (select partner_id, kind, badge from ${partnerBadges} where state = 'active' offset 0) pb on pb.partner_id = m.id
                     where ${others(facet)} group by 2`);
    } else {
      parts.push(sql`select ${facet}::text as facet, v as value, count(*)::int as count from m, unnest(m.${sql.raw(facet)}) as v where ${others(facet)} group by 2`);
    }
  }
  const columns = sql.join(
    [
      sql`${partners.id} as id`,
      sql`${partners.track} as track`,
      sql`${partners.tier} as tier`,
      ...Object.entries(ARRAY_FACETS).map(([name, col]) => sql`${col} as ${sql.raw(name)}`),
      ...active.map((a) => sql`${conds[a]!} as ${flag(a)}`),
    ],
    sql`, `,
  );
  const rows = await queryRows<{ facet: FacetName; value: string; count: number }>(
    db,
    sql`with m as materialized (select ${columns} from ${partners} where ${and(...where)!})
        ${sql.join(parts, sql` union all `)}`,
  );
  const out = Object.fromEntries(facets.map((name) => [name, [] as { value: string; count: number }[]])) as Record<FacetName, { value: string; count: number }[]>;
  for (const r of rows) out[r.facet]?.push({ value: String(r.value), count: Number(r.count) });
  for (const list of Object.values(out)) list.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return out;
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

