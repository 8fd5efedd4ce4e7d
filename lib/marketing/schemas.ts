import { z } from "zod";
import { proofLinkSchema } from "@/lib/partners/schemas";
import { COMPANY_SIZES, LEAD_ROLES } from "./lead-qualification";
import { TEMPLATE_KEYS } from "./templates";

export const createOnePagerSchema = z.strictObject({
  template: z.enum(TEMPLATE_KEYS, { message: "Choose a template" }),
  headline: z.string().trim().min(5, "At least 5 characters").max(90, "At most 90 characters"),
  intro: z.string().trim().max(400, "At most 400 characters").default(""),
  proofLinks: z.array(proofLinkSchema).max(3, "At most 3 proof links").default([]),
});
export type CreateOnePagerFormInput = z.input<typeof createOnePagerSchema>;

export const createWebinarSchema = z.strictObject({
  title: z.string().trim().min(5, "At least 5 characters").max(140, "At most 140 characters"),
  description: z.string().trim().max(2000, "At most 2,000 characters").default(""),
  startsAt: z
    .string({ message: "Enter the date and time" })
    .trim()
    .refine((v) => !Number.isNaN(Date.parse(v)), "A date and time like 2026-12-10T16:00"),
  durationMinutes: z.coerce.number({ message: "Enter the duration" }).int("Whole minutes").min(10, "At least 10 minutes").max(480, "At most 8 hours").default(45),
});

export const webinarRegistrationSchema = z.strictObject({
  name: z.string().trim().min(2, "Enter your name").max(120, "At most 120 characters"),
  email: z.email("Enter a valid email").max(254),
  company: z.string().trim().min(2, "Enter your company").max(160, "At most 160 characters"),
  companySize: z.enum(COMPANY_SIZES, { message: "Choose your company size" }),
  role: z.enum(LEAD_ROLES, { message: "Choose your role" }),
  consent: z.preprocess((v) => v === "on" || v === "true" || v === true, z.literal(true, { message: "Agree to be contacted about this webinar" })),
});

export const submitMaterialSchema = z.strictObject({
  title: z.string().trim().min(3, "Name the material").max(160, "At most 160 characters"),
  usage: z.string().trim().max(1000, "At most 1,000 characters").default(""),
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((v) => v === "" || /^https:\/\/[^\s]+$/.test(v), "Use an https:// URL")
    .default(""),
  comment: z.string().trim().max(2000, "At most 2,000 characters").default(""),
});

export const reviewMaterialSchema = z
  .strictObject({
    decision: z.enum(["approve", "request_changes"], { message: "Choose a decision" }),
    comment: z.string().trim().max(2000, "At most 2,000 characters").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "request_changes" && v.comment.length < 5) ctx.addIssue({ code: "custom", path: ["comment"], message: "Tell the partner what to change" });
  });

export const commentSchema = z.strictObject({
  body: z.string().trim().min(1, "Write a comment").max(2000, "At most 2,000 characters"),
});

export const addProofLinkSchema = z.strictObject({
  title: z.string().trim().min(2, "Name the proof").max(120, "At most 120 characters"),
  link: proofLinkSchema,
});

export const addProofFileSchema = z.strictObject({
  title: z.string().trim().min(2, "Name the proof").max(120, "At most 120 characters"),
});
