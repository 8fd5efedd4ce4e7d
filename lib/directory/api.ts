import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError, notFound } from "@/lib/errors";
import { directoryGeneration } from "./cache";
import type { directoryApiQuerySchema } from "./schemas";
import { getPublicProfile, searchDirectory } from "./search";

// The public directory API: the same search as the pages, plus caching headers
// for CDNs and browsers. The ETag changes with the content, so a client that
// sends If-None-Match gets a 304 until something it shows changes.


const CACHE_CONTROL = "public, max-age=30, s-maxage=30, stale-while-revalidate=60";

function encodeCursor(page: number): string {
  return Buffer.from(`page:${page}`).toString("base64url");
}

function decodeCursor(cursor: string): number {
  const m = /^page:(\d{1,5})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m || Number(m[1]) < 1) throw new AppError({ code: "bad_request", message: "The cursor is not valid", fields: { cursor: ["Pass nextCursor from a previous page"] } });
  return Number(m[1]);
}

export async function directoryApiPage(query: z.infer<typeof directoryApiQuerySchema>, now: Date) {
  const { cursor, ...rest } = query;
  const q = cursor ? { ...rest, page: decodeCursor(cursor) } : rest;
  const r = await searchDirectory(q, now);
  const nextPage = r.page < r.pages && r.total > 0 ? r.page + 1 : null;
  return {
    data: r.partners,
    page: r.page,
    pageSize: r.pageSize,
    total: r.total,
    pages: r.pages,
    nextPage,
    nextCursor: nextPage ? encodeCursor(nextPage) : null,
    sort: r.sort,
    facets: r.facets,
    suggestions: r.suggestions,
  };
}

export async function directoryApiProfile(slugOrId: string, now: Date) {
  const profile = await getPublicProfile(slugOrId, now);
  if (!profile) throw notFound("Partner");
  return { data: { ...profile.partner, ttiByStack: profile.ttiByStack, survivalWindows: profile.survival } };
}

/** A JSON response with Cache-Control and an ETag; 304 when the client's copy is current. */
export async function cachedJson(req: Request, body: unknown): Promise<Response> {
  const json = JSON.stringify(body);
  const etag = `W/"${(await directoryGeneration()).toString(36)}-${createHash("sha1").update(json).digest("base64url").slice(0, 20)}"`;
  const headers = { etag, "cache-control": CACHE_CONTROL, vary: "accept-encoding" };
  const inm = req.headers.get("if-none-match");
  if (inm && inm.split(",").some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers });
  return new Response(json, { status: 200, headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
}
