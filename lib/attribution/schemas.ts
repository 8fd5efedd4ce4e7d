import { z } from "zod";
import { LINK_CODE_RE, RESERVED_CODES } from "./rules";

// Inputs (forms, actions, API) and outputs (API) of the attribution area.

export const createLinkSchema = z.strictObject({
  destination: z.string().trim().min(1, "Enter where the link should go").max(2000, "At most 2000 characters"),
  campaign: z
    .string()
    .trim()
    .max(60, "At most 60 characters")
    .regex(/^[\w .-]*$/, "Letters, digits, spaces, dots, dashes and underscores only")
    .optional()
    .transform((v) => v || undefined),
  code: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || LINK_CODE_RE.test(v), "3-48 lowercase letters, digits or dashes, not starting or ending with a dash")
    .refine((v) => v === undefined || !RESERVED_CODES.has(v), "This code is reserved"),
});
export type CreateLinkInput = z.infer<typeof createLinkSchema>;

export const LinkSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    url: z.string().describe("The tracking URL to share"),
    destination: z.string(),
    campaign: z.string().nullable(),
    clicks: z.number().int().describe("Counted clicks: once per visitor IP, link and hour; bots excluded"),
    rawClicks: z.number().int(),
    conversions: z.number().int().describe("Customers attributed through this link"),
    createdAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: "Link" });

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "An ISO 4217 code, like USD");

export const conversionInputSchema = z
  .strictObject({
    type: z.enum(["signup", "pilot", "paid"], { message: "One of signup, pilot, paid" }),
    eventId: z.string().trim().min(1).max(200).optional().describe("Your id for this event; a repeat is recorded once"),
    customerId: z.string().trim().min(1, "Required").max(200).describe("The customer's id (use the Stripe customer id when there is one)"),
    customerDomain: z.string().trim().max(253).optional(),
    customerEmail: z.email("Enter a valid email").max(254).optional(),
    company: z.string().trim().max(200).optional(),
    amount: z.number().int("Minor units: an integer").min(0, "Zero or more").max(1_000_000_000).optional().describe("Minor units (cents)"),
    currency: currency.optional(),
    sku: z.string().trim().max(100).optional().describe("Product SKU of a paid event; defaults to provenance-pro"),
    occurredAt: z.iso.datetime({ offset: true, message: "An ISO 8601 date-time" }).optional(),
    partnerId: z.string().trim().max(60).optional().describe("The pp_partner parameter, if the visitor came with one"),
    clickId: z.string().trim().max(60).optional().describe("The pp_ref cookie or pp_click parameter"),
    dealId: z.string().trim().max(60).optional(),
    crmOpportunityId: z.string().trim().max(60).optional(),
  })
  .refine((v) => v.amount === undefined || v.currency !== undefined, { message: "Send currency with amount", path: ["currency"] })
  .refine((v) => v.type !== "paid" || v.amount !== undefined, { message: "A paid event needs its amount", path: ["amount"] });
export type ConversionInput = z.infer<typeof conversionInputSchema>;

export const ConversionSchema = z
  .object({
    id: z.string(),
    type: z.enum(["signup", "pilot", "paid"]),
    customerId: z.string(),
    status: z.enum(["unmatched", "matched"]),
    partnerId: z.string().nullable(),
    matchedVia: z.enum(["customer", "deal", "click", "partner_id"]).nullable(),
    attributionId: z.string().nullable(),
    occurredAt: z.string(),
    duplicate: z.boolean().describe("True when this event was already recorded"),
  })
  .meta({ id: "Conversion" });
