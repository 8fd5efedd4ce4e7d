import "server-only";
import { getPartner, getPartnerBySlug, type PartnerRow } from "@/lib/partners/store";
import type { DirectoryQuery } from "@/lib/partners/schemas";
import { toPartnerPublic } from "@/lib/partners/to-public";
import { cachedDirectory } from "./cache";
import type { DirectorySort } from "./constants";
import type { DirectoryPartner, Facets, PublicBadge } from "./schemas";
import {
  allFacetCounts,
  countPartners,
  publicBadgesOf,
  publicMetricsOf,
  searchPartners,
  survivalWindowsOf,
  ttiByStackOf,
  type BadgeRow,
  type FacetName,
  type MetricsRow,
} from "./store";

export interface DirectoryResult {
  partners: DirectoryPartner[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  sort: DirectorySort;
  facets: Facets;
  /** With no results: which single filter to remove, and how many results that gives. */
  suggestions: { filter: string; total: number }[];
}

const FACETS: FacetName[] = ["track", "tier", "region", "stack", "language", "badge"];

/** Rank order by default; relevance when there is a search text (unless rank is asked for). */
export function effectiveSort(q: Pick<DirectoryQuery, "q" | "sort">): DirectorySort {
  if (!q.q) return "rank";
  return q.sort ?? "relevance";
}

function cacheKey(prefix: string, q: object): string {
  return `${prefix}:${JSON.stringify(q, Object.keys(q).sort())}`;
}

/** One page of the public directory, with facet counts; cached briefly (lib/directory/cache.ts). */
export async function searchDirectory(query: DirectoryQuery, now: Date): Promise<DirectoryResult> {
  return cachedDirectory(cacheKey("search", query), () => runSearch(query, now), now.getTime());
}

async function runSearch(query: DirectoryQuery, now: Date): Promise<DirectoryResult> {
  const sort = effectiveSort(query);
  const { rows, total, mode } = await searchPartners(query, sort, now);
  // Facets count with the same text match as the listing (names resembling the text included or not).
  const facets = (await allFacetCounts(query, mode, FACETS)) as Facets;
  const suggestions = total === 0 ? await zeroResultSuggestions(query) : [];
  return {
    partners: await enrich(rows.map((r) => r.partner), now),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pages: Math.max(1, Math.ceil(total / query.pageSize)),
    sort,
    facets,
    suggestions,
  };
}

/** For an empty result: each active filter whose removal alone would give results. */
async function zeroResultSuggestions(query: DirectoryQuery): Promise<{ filter: string; total: number }[]> {
  const active: (FacetName | "q")[] = [];
  if (query.q) active.push("q");
  if (query.track) active.push("track");
  for (const f of ["tier", "region", "stack", "language", "badge"] as const) if (query[f].length) active.push(f);
  const out: { filter: string; total: number }[] = [];
  for (const f of active) {
    const n = await countPartners(query, f);
    if (n > 0) out.push({ filter: f, total: n });
  }
  return out.sort((a, b) => b.total - a.total);
}

function toBadge(b: BadgeRow): PublicBadge {
  return {
    id: b.id,
    badge: b.badge as PublicBadge["badge"],
    kind: b.kind as PublicBadge["kind"],
    tier: b.tier,
    state: b.state as PublicBadge["state"],
    verifyUrl: `/verify/${b.id}`,
  };
}

function toMetrics(m: MetricsRow | undefined): DirectoryPartner["metrics"] {
  if (!m) return { survival30: null, assetsChecked30: 0, ttiP50Seconds: null, verifiedInstalls: 0, nps: null, npsResponses: 0 };
  return {
    survival30: m.checked30 > 0 ? m.survived30 / m.checked30 : null,
    assetsChecked30: Number(m.checked30),
    ttiP50Seconds: m.ttiP50 === null ? null : Number(m.ttiP50),
    verifiedInstalls: Number(m.verified),
    nps: m.responses > 0 ? Math.round((100 * (m.promoters - m.detractors)) / m.responses) : null,
    npsResponses: Number(m.responses),
  };
}

/** Listing rows plus their public badges and evidence figures. */
export async function enrich(rows: PartnerRow[], now: Date): Promise<DirectoryPartner[]> {
  const ids = rows.map((r) => r.id);
  const [badges, metrics] = await Promise.all([publicBadgesOf(ids), publicMetricsOf(ids, now)]);
  return rows.map((r) => ({
    ...toPartnerPublic(r, now),
    badges: badges.filter((b) => b.partnerId === r.id).map(toBadge),
    metrics: toMetrics(metrics.find((m) => m.partnerId === r.id)),
  }));
}

export interface PublicProfile {
  partner: DirectoryPartner;
  ttiByStack: { stack: string; verified: number; p50: number | null; p95: number | null }[];
  survival: { days: number; checks: number; checked: number; survived: number }[];
}

/** A public profile by slug or public id; null when unknown or not listed. Cached briefly. */
export async function getPublicProfile(slugOrId: string, now: Date): Promise<PublicProfile | null> {
  if (slugOrId.length > 200) return null;
  return cachedDirectory(
    `profile:${slugOrId}`,
    async () => {
      const row = slugOrId.startsWith("ptr_") ? await getPartner(slugOrId) : await getPartnerBySlug(slugOrId);
      if (!row || row.status === "suspended") return null;
      const [[partner], ttiByStack, survival] = await Promise.all([enrich([row], now), ttiByStackOf(row.id), survivalWindowsOf(row.id)]);
      return { partner: partner!, ttiByStack, survival };
    },
    now.getTime(),
  );
}
