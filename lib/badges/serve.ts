import "server-only";
import { badgePng, badgeSvg, type PngRenderer, type RenderedImage } from "./cache";
import { embedLog } from "./embed-log";
import { parseBadgeRequest, type BadgeFormat, type Variant } from "./model";
import { renderErrorSvg } from "./svg";

// The badge image endpoint: GET /badges/<badge id>.svg|.png?size=sm|md|lg&theme=light|dark.
// Warm path: a Map lookup, a header compare, a counter bump. ETag per image;
// 304 on If-None-Match; short max-age with stale-while-revalidate so a CDN
// serves it but a revocation shows within minutes; CORS open to every site.

export const IMAGE_CACHE_CONTROL = "public, max-age=60, s-maxage=60, stale-while-revalidate=120";
const ERROR_CACHE_CONTROL = "public, max-age=30";

const baseHeaders = (contentType: string, cacheControl: string): Record<string, string> => ({
  "content-type": contentType,
  "cache-control": cacheControl,
  "access-control-allow-origin": "*",
  "cross-origin-resource-policy": "cross-origin",
  "x-content-type-options": "nosniff",
});

/** Whether an If-None-Match header names this ETag (weak or strong, in a list, or "*"). */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/** 400/404 as a small image in the asked format (SVG; PNG asks get the SVG too rather than a render). */
function errorImage(status: 400 | 404, message: string, _format: BadgeFormat, variant?: Variant): Response {
  return new Response(renderErrorSvg(message, variant), { status, headers: baseHeaders("image/svg+xml; charset=utf-8", ERROR_CACHE_CONTROL) });
}

function send(req: Request, image: RenderedImage): Response {
  const headers = baseHeaders(image.contentType, IMAGE_CACHE_CONTROL);
  headers.etag = image.etag;
  if (etagMatches(req.headers.get("if-none-match"), image.etag)) return new Response(null, { status: 304, headers });
  return new Response(image.body as BodyInit, { status: 200, headers });
}

export async function handleBadgeImage(req: Request, file: string, renderPng: PngRenderer | null): Promise<Response> {
  const q = req.url.indexOf("?");
  const params = new URLSearchParams(q === -1 ? "" : req.url.slice(q + 1));
  const parsed = parseBadgeRequest(file, params.get("size"), params.get("theme"));
  if (!parsed.ok) return errorImage(parsed.status, parsed.message, parsed.format);
  const image =
    parsed.format === "png" && renderPng ? await badgePng(parsed.id, parsed.variant, renderPng) : await badgeSvg(parsed.id, parsed.variant);
  if (!image) return errorImage(404, "Unknown badge", parsed.format, parsed.variant);
  embedLog().record(parsed.id, req.headers.get("referer"));
  return send(req, image);
}

export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, HEAD, OPTIONS", "access-control-allow-headers": "if-none-match", "access-control-max-age": "86400" },
  });
}
