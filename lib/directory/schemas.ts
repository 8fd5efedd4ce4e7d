import { z } from "zod";
import { BADGE_STATES, PERFORMANCE_BADGES, TRACK_BADGES } from "@/db/schema/badges";
import { PartnerPublicSchema, directoryQuerySchema } from "@/lib/partners/schemas";
import { BADGE_FILTERS, MAX_QUERY_LENGTH } from "./constants";

// What the public directory shows of a partner: the listing plus its badges and
// public evidence figures. Never the ranking score (that is the partner's own).

export const PublicBadgeSchema = z.object({
  id: z.string(),
  badge: z.enum([...TRACK_BADGES, ...PERFORMANCE_BADGES]),
  kind: z.enum(["track", "performance"]),
  tier: z.string().nullable(),
  state: z.enum(BADGE_STATES),
  verifyUrl: z.string().describe("Public verification page of this badge"),
});
export type PublicBadge = z.infer<typeof PublicBadgeSchema>;

export const PublicMetricsSchema = z.object({
  /** Share of checked assets whose credentials survived over the last 30 days, 0..1. */
  survival30: z.number().nullable(),
  assetsChecked30: z.number(),
  /** Median time to install over all stacks, in seconds. */
  ttiP50Seconds: z.number().nullable(),
  verifiedInstalls: z.number(),
  /** Customer NPS (-100..100) over the last 365 days. */
  nps: z.number().nullable(),
  npsResponses: z.number(),
});
export type PublicMetrics = z.infer<typeof PublicMetricsSchema>;

export const DirectoryPartnerSchema = PartnerPublicSchema.extend({
  badges: z.array(PublicBadgeSchema),
  metrics: PublicMetricsSchema,
});
export type DirectoryPartner = z.infer<typeof DirectoryPartnerSchema>;

const FacetSchema = z.array(z.object({ value: z.string(), count: z.number() }));
export const FacetsSchema = z.object({
  track: FacetSchema,
  tier: FacetSchema,
  region: FacetSchema,
  stack: FacetSchema,
  language: FacetSchema,
  badge: FacetSchema,
});
export type Facets = z.infer<typeof FacetsSchema>;

export const DirectoryResponseSchema = z.object({
  data: z.array(DirectoryPartnerSchema),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  pages: z.number(),
  nextPage: z.number().nullable().describe("The next page number, null on the last page"),
  nextCursor: z.string().nullable().describe("Pass as cursor for the next page; null on the last page"),
  sort: z.enum(["rank", "relevance"]),
  facets: FacetsSchema.describe("Counts per filter value, with every other filter applied"),
  suggestions: z
    .array(z.object({ filter: z.string(), total: z.number() }))
    .describe("With no results: filters whose removal would give results, and how many"),
});

export { contactInputSchema, type ContactInput } from "./contact-schema";

export const reviewDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve") }),
  z.object({ decision: z.literal("reject"), reason: z.string().trim().min(3, "Give the partner a reason").max(500, "At most 500 characters") }),
]);

export { BADGE_FILTERS, MAX_QUERY_LENGTH };

export const directoryApiQuerySchema = directoryQuerySchema.extend({
  cursor: z.string().max(100).optional().describe("nextCursor from the previous page (instead of page)"),
});

export const PublicProfileSchema = DirectoryPartnerSchema.extend({
  ttiByStack: z.array(z.object({ stack: z.string(), verified: z.number(), p50: z.number().nullable(), p95: z.number().nullable() })),
  survivalWindows: z.array(z.object({ days: z.number(), checks: z.number(), checked: z.number(), survived: z.number() })),
});
