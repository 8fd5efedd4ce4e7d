import { z } from "zod";
import { BADGE_STATES, PERFORMANCE_BADGES, TRACK_BADGES } from "@/db/schema/badges";
import { TIERS } from "@/lib/partners/constants";

// Inputs and outputs of the badge area: forms, actions and the API share them.

export const MAX_PAGES_PER_PARTNER = 20;

export const declarePageSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Enter the address of a page that shows your badge")
    .max(2048, "At most 2048 characters")
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "https:" || u.protocol === "http:") && Boolean(u.hostname) && !u.username && !u.password;
      } catch {
        return false;
      }
    }, "Enter a full address, starting with https://"),
});

export const revokeBadgeSchema = z.object({
  reason: z.string().trim().min(5, "Say why, in a few words (at least 5 characters)").max(500, "At most 500 characters"),
});

export const resolveViolationSchema = z.object({
  note: z.string().trim().min(3, "Add a short note (at least 3 characters)").max(500, "At most 500 characters"),
});

export const BadgeSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["track", "performance"]),
    badge: z.enum([...TRACK_BADGES, ...PERFORMANCE_BADGES]),
    label: z.string(),
    tier: z.enum(TIERS).nullable(),
    state: z.enum(BADGE_STATES),
    issuedAt: z.string(),
    expiresAt: z.string().nullable(),
    stateChangedAt: z.string(),
    imageUrl: z.string(),
    pngUrl: z.string(),
    verifyUrl: z.string(),
    assertionUrl: z.string(),
  })
  .meta({ id: "Badge" });

// Page query strings of the badge screens; unknown values fall back rather than failing the page.
const page = z.coerce.number().int().min(1).max(100_000).catch(1);
export const consoleBadgesParams = z.object({ page });
export const adminBadgesParams = z.object({
  page,
  status: z.enum(["live", "open", "fix_claimed", "resolved", "escalated", "all"]).catch("live"),
  q: z.string().trim().max(200).optional().transform((v) => v || undefined).catch(undefined),
  state: z.enum(BADGE_STATES).optional().catch(undefined),
});
