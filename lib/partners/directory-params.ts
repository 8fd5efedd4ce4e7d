import { flattenSearchParams } from "@/lib/search-params";
import type { Track } from "./constants";
import { directoryQuerySchema, type DirectoryQuery } from "./schemas";

const KNOWN = new Set(["q", "track", "tier", "stack", "region", "language", "badge", "sort", "page"]);

/**
 * Reads directory filters from a page's searchParams. Bad values do not break
 * the page: the filters they belong to are dropped and the reason is returned
 * for display; the rest still apply.
 */
export function readDirectoryParams(
  searchParams: Record<string, string | string[] | undefined>,
  fixedTrack?: Track,
): { query: DirectoryQuery; params: Record<string, string>; error?: string } {
  const params = Object.fromEntries(Object.entries(flattenSearchParams(searchParams)).filter(([k]) => KNOWN.has(k)));
  if (fixedTrack) delete params.track;
  const parse = (p: Record<string, string>) => directoryQuerySchema.safeParse({ ...p, ...(fixedTrack ? { track: fixedTrack } : {}) });
  const first = parse(params);
  if (first.success) return { query: first.data, params };
  const bad = new Set(first.error.issues.map((i) => String(i.path[0])));
  const error = first.error.issues.map((i) => `${String(i.path[0])}: ${i.message}.`).join(" ");
  const kept = Object.fromEntries(Object.entries(params).filter(([k]) => !bad.has(k)));
  const second = parse(kept);
  return second.success
    ? { query: second.data, params: kept, error }
    : { query: directoryQuerySchema.parse(fixedTrack ? { track: fixedTrack } : {}), params: {}, error };
}
