import { flattenSearchParams } from "@/lib/search-params";
import type { Track } from "./constants";
import { directoryQuerySchema, type DirectoryQuery } from "./schemas";

/**
 * Reads directory filters from a page's searchParams. Bad values do not break
 * the page: the filters are dropped and the reason is returned for display.
 */
export function readDirectoryParams(
  searchParams: Record<string, string | string[] | undefined>,
  fixedTrack?: Track,
): { query: DirectoryQuery; params: Record<string, string>; error?: string } {
  const params = flattenSearchParams(searchParams);
  const parsed = directoryQuerySchema.safeParse({ ...params, ...(fixedTrack ? { track: fixedTrack } : {}) });
  if (parsed.success) return { query: parsed.data, params };
  const error = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}.`).join(" ");
  return { query: directoryQuerySchema.parse(fixedTrack ? { track: fixedTrack } : {}), params: {}, error };
}
