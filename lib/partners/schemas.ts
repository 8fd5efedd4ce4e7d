import { z } from "zod";
import { BADGE_FILTERS, DIRECTORY_PAGE_SIZE, DIRECTORY_SORTS, MAX_QUERY_LENGTH } from "@/lib/directory/constants";
import {
  LANGUAGES,
  PARTNER_STATUSES,
  REGIONS,
  STACKS,
  TIERS,
  TRACKS,
  verifyLinkFor,
} from "./constants";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable();

const httpsUrl = z
  .string()
  .trim()
  .url("Enter a full URL, starting with https://")
  .refine((v) => v.startsWith("https://"), "Use an https:// URL");

/**
 * A proof link is a CAI Verify link for a public asset. Partners may paste the
 * asset URL itself; it is turned into the Verify link.
 */
export const proofLinkSchema = httpsUrl.transform((v, ctx) => {
  const url = new URL(v);
  if (url.hostname === "contentcredentials.org" && url.pathname.startsWith("/verify")) {
    const source = url.searchParams.get("source");
    if (!source || !/^https?:\/\//.test(source)) {
      ctx.addIssue({ code: "custom", message: "The Verify link must carry a source=<asset URL> parameter" });
      return z.NEVER;
    }
    return verifyLinkFor(source);
  }
  return verifyLinkFor(v);
});

export const listingInputSchema = z.object({
  tagline: z.string().trim().max(120, "At most 120 characters"),
  description: z.string().trim().max(2000, "At most 2,000 characters"),
  website: httpsUrl.nullable().or(z.literal("").transform(() => null)),
  hqCountry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, "Use a two-letter country code, like US or DE")
    .transform((v) => (v === "" ? null : v))
    .nullable(),
  regions: z.array(z.enum(REGIONS)).min(1, "Choose at least one region").transform(unique),
  stacks: z.array(z.enum(STACKS)).min(1, "Choose at least one stack").transform(unique),
  languages: z.array(z.enum(LANGUAGES)).min(1, "Choose at least one language").transform(unique),
  contactName: optionalText(80),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .email("Enter a valid email address")
    .nullable()
    .or(z.literal("").transform(() => null)),
  slaResponseHours: z
    .number({ message: "Enter a number of hours" })
    .int("Use whole hours")
    .min(1, "At least 1 hour")
    .max(720, "At most 720 hours (30 days)")
    .nullable(),
  // Blank inputs in the form are not links: drop them before validating.
  proofLinks: z.preprocess(
    (v) => (Array.isArray(v) ? v.filter((x) => !(typeof x === "string" && x.trim() === "")) : v),
    z.array(proofLinkSchema).max(3, "At most 3 proof links"),
  ),
});
export type ListingInput = z.infer<typeof listingInputSchema>;

/** PATCH semantics for the API: any subset of the listing fields, at least one. */
export const listingPatchSchema = listingInputSchema
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change");

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export const PartnerPublicSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  track: z.enum(TRACKS),
  tier: z.enum(TIERS),
  status: z.enum(PARTNER_STATUSES),
  onProbation: z.boolean(),
  tagline: z.string(),
  description: z.string(),
  website: z.string().nullable(),
  logoUrl: z.string().nullable(),
  hqCountry: z.string().nullable(),
  regions: z.array(z.enum(REGIONS)),
  stacks: z.array(z.enum(STACKS)),
  languages: z.array(z.enum(LANGUAGES)),
  contact: z.object({ name: z.string().nullable(), email: z.string().nullable() }),
  slaResponseHours: z.number().nullable(),
  proofLinks: z.array(z.string()),
  joinedAt: z.string(),
  profileUrl: z.string(),
});
export type PartnerPublic = z.infer<typeof PartnerPublicSchema>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return [] as T[number][];
      const parts = v.split(",").map((p) => p.trim()).filter(Boolean);
      for (const p of parts) {
        if (!(values as readonly string[]).includes(p)) {
          ctx.addIssue({ code: "custom", message: `Unknown value "${p}". Use one of: ${values.join(", ")}` });
          return z.NEVER;
        }
      }
      return parts as T[number][];
    });

/**
 * Directory filters, from a query string (comma-separated lists, or repeated keys).
 * Lists within one filter are alternatives (any region given); filters combine
 * (region and stack); badges must all be held.
 */
export const directoryQuerySchema = z.object({
  // Control characters (NUL and friends) become spaces: PostgreSQL refuses NUL in text.
  q: z
    .string()
    .transform((v) => v.replace(/\p{Cc}/gu, " ").trim())
    .pipe(z.string().max(MAX_QUERY_LENGTH, `At most ${MAX_QUERY_LENGTH} characters`))
    .optional()
    .transform((v) => v || undefined),
  track: z.enum(TRACKS).optional(),
  tier: csv(TIERS),
  stack: csv(STACKS),
  region: csv(REGIONS),
  language: csv(LANGUAGES),
  badge: csv(BADGE_FILTERS),
  /** rank (default), or relevance when there is a search text. */
  sort: z.enum(DIRECTORY_SORTS).optional(),
  page: z.coerce.number().int().min(1, "Pages start at 1").max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, "At most 100 per page").default(DIRECTORY_PAGE_SIZE),
});
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;
