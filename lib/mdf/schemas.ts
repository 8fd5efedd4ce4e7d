import { z } from "zod";
import { MDF_ACTIVITY_TYPES, MDF_STATUSES } from "./rules";

const day = (label: string) =>
  z
    .string({ message: `Enter the ${label}` })
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "A date like 2026-12-31");

const cents = (what: string) =>
  z.coerce
    .number({ message: `Enter the ${what}` })
    .int("Minor units: an integer (cents)")
    .min(1, "More than zero")
    .max(100_000_000, "Too large");

export const createMdfRequestSchema = z.strictObject({
  activityType: z.enum(MDF_ACTIVITY_TYPES, { message: "Choose an activity type" }),
  title: z.string({ message: "Name the activity" }).trim().min(3, "Name the activity").max(160, "At most 160 characters"),
  description: z.string().trim().max(2000, "At most 2,000 characters").default(""),
  startsOn: day("start date"),
  endsOn: day("end date"),
  amount: cents("amount").describe("Requested funds in minor units (USD cents)"),
  currency: z.literal("USD", { message: "MDF budgets are in USD" }).default("USD"),
  expectedLeads: z.coerce.number({ message: "Enter the leads you expect" }).int("A whole number").min(0, "Zero or more").max(100_000, "Too many"),
});
export type CreateMdfRequestInput = z.infer<typeof createMdfRequestSchema>;
export type CreateMdfRequestFormInput = z.input<typeof createMdfRequestSchema>;

export const decideMdfRequestSchema = z
  .strictObject({
    decision: z.enum(["approve", "partly_approve", "reject"], { message: "Choose a decision" }),
    approvedAmount: z.preprocess((v) => (v === "" || v === null ? undefined : v), cents("approved amount").optional()),
    reason: z.string().trim().max(1000, "At most 1,000 characters").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "approve" && v.reason.length < 5) ctx.addIssue({ code: "custom", path: ["reason"], message: "Give the partner a reason (at least 5 characters)" });
    if (v.decision === "partly_approve" && v.approvedAmount === undefined) ctx.addIssue({ code: "custom", path: ["approvedAmount"], message: "Enter the amount approved" });
  });

export const submitClaimSchema = z.strictObject({
  claimedAmount: cents("amount spent"),
  actualLeads: z.coerce.number({ message: "Enter the leads generated" }).int("A whole number").min(0, "Zero or more").max(100_000, "Too many"),
  resultsSummary: z.string().trim().min(10, "Describe what happened (at least 10 characters)").max(4000, "At most 4,000 characters"),
  proofUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((v) => v === "" || /^https:\/\/\S+$/.test(v), "Use an https:// URL")
    .default(""),
});

export const decideClaimSchema = z
  .strictObject({
    decision: z.enum(["approve", "reject"], { message: "Choose a decision" }),
    reason: z.string().trim().max(1000, "At most 1,000 characters").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && v.reason.length < 5) ctx.addIssue({ code: "custom", path: ["reason"], message: "Give the partner a reason (at least 5 characters)" });
  });

export const MdfRequestSchema = z
  .object({
    id: z.string(),
    activityType: z.enum(MDF_ACTIVITY_TYPES),
    title: z.string(),
    description: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    budgetYear: z.number().int(),
    requested: z.object({ amount: z.number().int(), currency: z.string() }),
    approved: z.object({ amount: z.number().int(), currency: z.string() }).nullable(),
    reimbursed: z.object({ amount: z.number().int(), currency: z.string() }).nullable(),
    expectedLeads: z.number().int(),
    actualLeads: z.number().int().nullable(),
    status: z.enum(MDF_STATUSES),
    decisionReason: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    claimSubmittedAt: z.string().nullable(),
    reimbursedAt: z.string().nullable(),
  })
  .meta({ id: "MdfRequest" });

export const MdfBudgetSchema = z
  .object({
    year: z.number().int(),
    budget: z.number().int().describe("Yearly budget of the tier, minor units"),
    pending: z.number().int(),
    committed: z.number().int(),
    reimbursed: z.number().int(),
    remaining: z.number().int(),
    currency: z.string(),
  })
  .meta({ id: "MdfBudget" });

export const mdfListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1, "At least 1").max(100, "At most 100").default(50),
  status: z.enum(MDF_STATUSES).optional(),
});
