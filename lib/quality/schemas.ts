import { z } from "zod";
import { STACKS } from "@/lib/partners/constants";

// Inputs for installs, checks and reports: one schema per operation, used by
// the console forms, the server actions and the platform API.

export const MAX_SAMPLE_URLS = 20;

const httpUrl = z
  .string()
  .trim()
  .max(2000, { message: "At most 2,000 characters" })
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && Boolean(u.hostname);
    } catch {
      return false;
    }
  }, { message: "Enter a full URL starting with https://" });

const instant = z.coerce.date({ message: "Enter a date and time" });

/** Textarea (one URL a line) or an array of URLs. */
const sampleUrls = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/\r?\n/)).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(httpUrl).max(MAX_SAMPLE_URLS, { message: `At most ${MAX_SAMPLE_URLS} sample assets` }));

const installFields = {
  stack: z.enum(STACKS, { message: "Choose a stack" }),
  siteUrl: httpUrl,
  customerName: z.string().trim().min(1, { message: "Enter the customer's name" }).max(120, { message: "At most 120 characters" }),
  customerEmail: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined))
    .pipe(z.email({ message: "Enter a valid email address" }).optional()),
  startedAt: instant.optional(),
  sampleUrls: sampleUrls.default([]),
};

/** An install added in the console by the partner's team. */
export const createInstallSchema = z.object(installFields).strict();
export type CreateInstallInput = z.infer<typeof createInstallSchema>;

/** An install reported by the platform (POST /api/v1/installs); partnerId null = self-serve. */
export const platformInstallSchema = z
  .object({
    ...installFields,
    startedAt: instant,
    partnerId: z.string().trim().min(1).nullable(),
    verifiedAt: instant.optional(),
    externalRef: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((v) => !v.verifiedAt || v.verifiedAt >= v.startedAt, { message: "Must not be before startedAt", path: ["verifiedAt"] });
export type PlatformInstallInput = z.infer<typeof platformInstallSchema>;

/** Most assets one survival check may report (well inside the database's integer columns). */
export const MAX_ASSETS_PER_CHECK = 1_000_000;

const count = (label: string) =>
  z
    .number({ message: `${label} must be a number` })
    .int({ message: `${label} must be a whole number` })
    .min(0, { message: `${label} must not be negative` })
    .max(MAX_ASSETS_PER_CHECK, { message: `${label} must be at most 1,000,000 per check` });

const assetResult = z
  .object({
    url: httpUrl,
    survived: z.boolean(),
    method: z.enum(["embedded", "remote"]).nullable().optional(),
    reason: z.string().trim().max(60).nullable().optional(),
    detail: z.string().trim().max(500).nullable().optional(),
  })
  .strict()
  .refine((a) => a.survived === Boolean(a.method), { message: "A surviving asset names its method; a failed one has none", path: ["method"] });

/** A survival check reported by the platform (POST /api/v1/survival-checks). */
export const recordCheckSchema = z
  .object({
    installId: z.string().trim().min(1, { message: "Required" }),
    checkedAt: instant.optional(),
    assetsChecked: count("assetsChecked"),
    assetsSurvived: count("assetsSurvived"),
    /** For checks where every surviving asset used one method. */
    method: z.enum(["embedded", "remote"]).optional(),
    survivedEmbedded: count("survivedEmbedded").optional(),
    survivedRemote: count("survivedRemote").optional(),
    errors: count("errors").default(0),
    assets: z.array(assetResult).max(200).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.assetsSurvived > v.assetsChecked) ctx.addIssue({ code: "custom", path: ["assetsSurvived"], message: "Must not be more than assetsChecked" });
    if (v.errors > v.assetsChecked) ctx.addIssue({ code: "custom", path: ["errors"], message: "Must not be more than assetsChecked" });
    const split = v.survivedEmbedded !== undefined || v.survivedRemote !== undefined;
    if (split && v.method) ctx.addIssue({ code: "custom", path: ["method"], message: "Send either method or survivedEmbedded/survivedRemote" });
    if (split && (v.survivedEmbedded ?? 0) + (v.survivedRemote ?? 0) !== v.assetsSurvived) {
      ctx.addIssue({ code: "custom", path: ["survivedRemote"], message: "survivedEmbedded + survivedRemote must equal assetsSurvived" });
    }
    if (!split && !v.method && v.assetsSurvived > 0) ctx.addIssue({ code: "custom", path: ["method"], message: "Say how the surviving assets kept their credentials" });
    if (v.assets && v.assets.length !== v.assetsChecked) ctx.addIssue({ code: "custom", path: ["assets"], message: "List one result per checked asset" });
    if (v.assets && v.assets.filter((a) => a.survived).length !== v.assetsSurvived) {
      ctx.addIssue({ code: "custom", path: ["assets"], message: "The surviving assets must add up to assetsSurvived" });
    }
  });
export type RecordCheckInput = z.infer<typeof recordCheckSchema>;

export const REPORT_PERIODS = [7, 30, 90] as const;

export const createReportSchema = z
  .object({
    periodDays: z.coerce.number().refine((v) => (REPORT_PERIODS as readonly number[]).includes(v), { message: "Choose 7, 30 or 90 days" }),
  })
  .strict();

export const listInstallsQuery = z.object({
  stack: z.enum(STACKS).optional().catch(undefined),
  status: z.enum(["verified", "pending"]).optional().catch(undefined),
  q: z.string().trim().max(200).optional().transform((v) => v || undefined).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
