import "server-only";
import { ttlCache } from "@/lib/cache/ttl-cache";
import { getEnv } from "@/lib/env";
import type { DirectoryQuery, PartnerPublic } from "./schemas";
import { getPartner, getPartnerBySlug, listDirectory, type PartnerRow } from "./store";
import { toPartnerPublic } from "./to-public";

// The directory and profiles are the busiest public reads: their rows are kept
// in memory for a few seconds (per instance), so a burst of visitors costs one
// query per distinct page. The `now`-dependent parts (probation) are computed
// per request from the cached rows. Tests read through (each expects its own writes at once).
const DIRECTORY_TTL_MS = () => (getEnv().NODE_ENV === "test" ? 0 : 10_000);
const directoryCache = ttlCache<{ rows: PartnerRow[]; total: number }>("directory", { ttlMs: DIRECTORY_TTL_MS, maxEntries: 2_000 });
const profileCache = ttlCache<PartnerRow | null>("profiles", { ttlMs: DIRECTORY_TTL_MS, maxEntries: 10_000 });

/** After a listing changes on this instance: show it at once here (others within the TTL). */
export function forgetDirectoryCache(): void {
  directoryCache.clear();
  profileCache.clear();
}

export interface DirectoryPage {
  partners: PartnerPublic[];
  total: number;
  page: number;
  pageSize: number;
}

/** The public directory: listed partners only (never suspended ones), in placement order. */
export async function searchDirectory(query: DirectoryQuery, now: Date): Promise<DirectoryPage> {
  const { rows, total } = await directoryCache.get(JSON.stringify(query), () => listDirectory(query));
  return { partners: rows.map((r) => toPartnerPublic(r, now)), total, page: query.page, pageSize: query.pageSize };
}

/** A public profile by slug or public id; null when unknown or not listed. */
export async function getPublicPartner(slugOrId: string, now: Date): Promise<PartnerPublic | null> {
  const row = await profileCache.get(slugOrId, () => (slugOrId.startsWith("ptr_") ? getPartner(slugOrId) : getPartnerBySlug(slugOrId)));
  if (!row || row.status === "suspended") return null;
  return toPartnerPublic(row, now);
}
