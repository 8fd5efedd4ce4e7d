import { z } from "zod";
import { SKUS } from "@/lib/commissions/plans";
import { normalizeDomain } from "@/lib/attribution/rules";

export const registerDealSchema = z.strictObject({
  company: z.string().trim().min(2, "Enter the company name").max(200, "At most 200 characters"),
  domain: z
    .string()
    .trim()
    .min(1, "Enter the company's website domain")
    .max(253)
    .transform((v, ctx) => {
      const d = normalizeDomain(v);
      if (!d) {
        ctx.addIssue({ code: "custom", message: "Enter a domain like acme.com" });
        return z.NEVER;
      }
      return d;
    }),
  contactName: z.string().trim().min(2, "Enter the contact's name").max(120, "At most 120 characters"),
  contactEmail: z.email("Enter a valid email").max(254),
  estimatedValue: z
    .number({ message: "Enter the estimated value" })
    .int("Minor units: an integer")
    .min(0, "Zero or more")
    .max(10_000_000_000, "Too large")
    .describe("Estimated first-year value, minor units (cents)"),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "An ISO 4217 code, like USD")
    .default("USD"),
  products: z.array(z.enum(SKUS, { message: "Unknown product" })).min(1, "Choose at least one product").max(10).transform((v) => [...new Set(v)]),
  expectedCloseAt: z
    .string({ message: "Enter the expected close date" })
    .regex(/^\d{4}-\d{2}-\d{2}/, "A date like 2026-12-31")
    .refine((v) => !Number.isNaN(Date.parse(v)), "A date like 2026-12-31"),
});
export type RegisterDealInput = z.infer<typeof registerDealSchema>;
export type RegisterDealFormInput = z.input<typeof registerDealSchema>;

export const resolveConflictSchema = z.strictObject({
  winnerDealId: z.string().min(1, "Choose the registration that wins"),
  reason: z.string().trim().min(10, "Explain the decision in at least 10 characters").max(1000, "At most 1000 characters"),
});

export const extendDealSchema = z.strictObject({
  days: z.coerce.number().int("Whole days").min(1, "At least 1 day").max(90, "At most 90 days"),
  reason: z.string().trim().min(5, "Give a reason").max(500, "At most 500 characters"),
});

export const setDealStageSchema = z.strictObject({
  stage: z.enum(["accepted", "lost"]),
  reason: z.string().trim().max(500, "At most 500 characters").optional(),
});

export const DealSchema = z
  .object({
    id: z.string(),
    company: z.string(),
    domain: z.string(),
    contactName: z.string(),
    contactEmail: z.string(),
    estimatedValue: z.object({ amount: z.number().int(), currency: z.string() }),
    products: z.array(z.string()),
    expectedCloseAt: z.string(),
    stage: z.enum(["registered", "accepted", "won", "lost", "expired"]),
    inConflict: z.boolean().describe("Another partner registered the same domain; an admin decides"),
    registeredAt: z.string(),
    protectedUntil: z.string(),
    closedAt: z.string().nullable(),
    closeReason: z.string().nullable(),
  })
  .meta({ id: "Deal" });

export const dealListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1, "At least 1").max(100, "At most 100").default(50),
  stage: z.enum(["registered", "accepted", "won", "lost", "expired"]).optional(),
});
