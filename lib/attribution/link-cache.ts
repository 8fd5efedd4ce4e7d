import "server-only";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { countCacheLookup } from "@/lib/metrics/registry";
import { checkDestination } from "./rules";
import { findLinkByCode, type LinkRow } from "./store";

// Tracking links by code, in process memory, so a warm redirect reads no
// database. Entries live TTL_MS (other instances see a change within that
// time); this instance invalidates or primes an entry the moment it changes a
// link. Unknown codes are remembered briefly too, so a stream of bad codes
// cannot hammer the database.

const TTL_MS = 60_000;
const MISS_TTL_MS = 10_000;
const MAX_ENTRIES = 50_000;

export interface CachedLink {
  id: string;
  code: string;
  partnerId: string;
  campaign: string;
  /** Parsed and re-checked against the allow-list; null if it no longer passes. */
  destination: URL | null;
}

type Entry = { link: CachedLink | null; expiresAt: number };

const g = globalThis as typeof globalThis & { __ppLinkCache?: Map<string, Entry>; __ppLinkLoads?: Map<string, Promise<CachedLink | null>> };
const cache = (g.__ppLinkCache ??= new Map());
const loads = (g.__ppLinkLoads ??= new Map());

export function appHost(): string {
  return new URL(getEnv().APP_URL).hostname;
}

export function toCachedLink(row: LinkRow): CachedLink | null {
  if (row.archivedAt) return null;
  const check = checkDestination(row.destination, [appHost()]);
  return { id: row.id, code: row.code, partnerId: row.partnerId, campaign: row.campaign || row.code, destination: check.ok ? check.url : null };
}

function put(code: string, link: CachedLink | null, now: number): void {
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(code, { link, expiresAt: now + (link ? TTL_MS : MISS_TTL_MS) });
}

/** The link for a code: from memory when warm, else one database read (shared by concurrent callers). */
export async function lookupLink(code: string): Promise<CachedLink | null> {
  const now = Date.now();
  const hit = cache.get(code);
  if (hit && hit.expiresAt > now) {
    countCacheLookup("links", true);
    return hit.link;
  }
  countCacheLookup("links", false);
  let pending = loads.get(code);
  if (!pending) {
    pending = (async () => {
      const row = await findLinkByCode(await getDb(), code);
      const link = row ? toCachedLink(row) : null;
      put(code, link, Date.now());
      return link;
    })().finally(() => loads.delete(code));
    loads.set(code, pending);
  }
  return pending;
}

/** After a link is created or changed in this process. */
export function primeLink(row: LinkRow): void {
  put(row.code, toCachedLink(row), Date.now());
}

export function invalidateLink(code: string): void {
  cache.delete(code);
}

export function clearLinkCache(): void {
  cache.clear();
}
