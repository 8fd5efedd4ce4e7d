import { z } from "zod";
import type { ApiRouteDoc } from "@/lib/api/openapi";
import { cursorQuerySchema } from "@/lib/api/pagination";
import { DirectoryResponseSchema, PublicProfileSchema, directoryApiQuerySchema } from "@/lib/directory/schemas";
import { PartnerPublicSchema, listingPatchSchema } from "./schemas";

const ActivityEventSchema = z.object({
  id: z.string(),
  at: z.string().describe("ISO 8601"),
  action: z.string(),
  actor: z.object({ type: z.enum(["user", "api_key", "system"]), label: z.string() }),
  object: z.object({ type: z.string(), id: z.string() }),
  before: z.unknown(),
  after: z.unknown(),
});

export const partnerRoutes: ApiRouteDoc[] = [
  {
    method: "GET",
    path: "/api/v1/partners",
    tag: "Directory",
    summary: "Search the public directory",
    description:
      "Listed partners, 20 per page, in placement order: Premier, then Advanced, then Verified; partners on probation after the rest of their tier; then by ranking score. With `q` (full-text over name, stacks, tagline and description, prefix-tolerant; when fewer than 20 listings match, names resembling the text are added after them, for typos) the default sort is relevance: every word in the name first, then in name, stacks or tagline, then anywhere, placement deciding within each. Lists are comma-separated; values within a filter are alternatives, filters combine, badges must all be held. Pages past the last are empty. Responses carry `Cache-Control` and an `ETag` (send `If-None-Match` for a 304).",
    auth: "public",
    query: directoryApiQuerySchema,
    response: DirectoryResponseSchema,
  },
  {
    method: "GET",
    path: "/api/v1/partners/{id}",
    tag: "Directory",
    summary: "One public partner profile, by id or slug",
    description: "The listing, public badges (with verification links), survival over 7/30/90 days, TTI per stack and customer NPS. Cached like the list.",
    auth: "public",
    response: z.object({ data: PublicProfileSchema }),
  },
  {
    method: "GET",
    path: "/api/v1/directory/version",
    tag: "Directory",
    summary: "The directory's current version",
    description: "A number that grows whenever a listing, a proof-link decision or the ranking changes. Open directory pages poll it and re-render when it moves; cached list and profile responses from an older version are stale.",
    auth: "public",
    response: z.object({ generation: z.number() }),
  },
  {
    method: "GET",
    path: "/api/v1/partner",
    tag: "Your partner",
    summary: "The partner the key belongs to",
    auth: "partner_key",
    scopes: ["partner:read"],
    response: z.object({ data: PartnerPublicSchema }),
  },
  {
    method: "PATCH",
    path: "/api/v1/partner",
    tag: "Your partner",
    summary: "Change listing fields",
    description: "Any subset of the listing fields; unknown fields are refused. Asset URLs in proofLinks become CAI Verify links.",
    auth: "partner_key",
    scopes: ["listing:write"],
    body: listingPatchSchema,
    response: z.object({ data: PartnerPublicSchema }),
  },
  {
    method: "GET",
    path: "/api/v1/partner/activity",
    tag: "Your partner",
    summary: "The partner's audit trail, newest first",
    description: "Cursor pagination: pass nextCursor as cursor to get the next page.",
    auth: "partner_key",
    scopes: ["activity:read"],
    query: cursorQuerySchema,
    response: z.object({ data: z.array(ActivityEventSchema), nextCursor: z.string().nullable() }),
  },
];
