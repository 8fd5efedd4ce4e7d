import { z } from "zod";
import { ASSESSMENTS, SUBMISSION_KINDS } from "@/db/schema/certification";
import { TIERS } from "@/lib/partners/constants";

// zod: inputs for the certification forms and routes, and the API output.

export const assessmentSchema = z.enum(ASSESSMENTS);

export const submitQuizSchema = z.strictObject({
  /** Per question, the displayed position of the chosen answer; null for unanswered. */
  answers: z.array(z.number().int().min(0).max(9).nullable()).max(50),
});

export const openIncidentSchema = z.strictObject({
  title: z.string().trim().min(3, "Give the incident a short title").max(140),
  description: z.string().trim().max(4000).default(""),
  severity: z.enum(["low", "high", "critical"]),
});

export const incidentNoteSchema = z.strictObject({
  note: z.string().trim().min(3, "Say what you did (at least 3 characters)").max(4000),
});

const QUARTER = /^[0-9]{4}-Q[1-4]$/;

export const submitDocumentSchema = z
  .strictObject({
    kind: z.enum(SUBMISSION_KINDS),
    title: z.string().trim().min(2, "Name the customer, system or tester").max(140),
    quarter: z.string().trim().regex(QUARTER, "Use a quarter like 2026-Q4").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "pen_test_letter" && !v.quarter) ctx.addIssue({ code: "custom", path: ["quarter"], message: "Say which quarter the letter covers" });
    if (v.kind !== "pen_test_letter" && v.quarter) ctx.addIssue({ code: "custom", path: ["quarter"], message: "Only pen-test letters cover a quarter" });
  });

export const reviewDecisionSchema = z
  .strictObject({
    decision: z.enum(["approved", "rejected"]),
    reason: z.string().trim().max(1000).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "rejected" && v.reason.length < 5) ctx.addIssue({ code: "custom", path: ["reason"], message: "Give the partner a reason (at least 5 characters)" });
  });

export const tierOverrideSchema = z.strictObject({
  tier: z.enum(TIERS),
  reason: z.string().trim().min(5, "Give a reason (at least 5 characters)").max(1000),
  days: z.coerce.number().int().min(1).max(365).default(90),
});

const RequirementSchema = z.object({
  id: z.string(),
  label: z.string(),
  met: z.boolean(),
  progress: z.string(),
  nextStep: z.string().nullable(),
  href: z.string().nullable(),
});

export const CertificationSchema = z
  .object({
    partnerId: z.string(),
    track: z.enum(["installer", "auditor", "enterprise_integrator"]),
    tier: z.enum(TIERS),
    status: z.enum(["uncertified", "probation", "certified", "recertifying", "expired"]),
    certifiedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    probationEndsAt: z.string().nullable(),
    requirements: z.array(RequirementSchema),
    requirementsMet: z.number().int(),
    nextTier: z
      .object({ tier: z.enum(TIERS), missing: z.array(z.object({ metric: z.string(), label: z.string(), have: z.string(), need: z.string() })) })
      .nullable(),
    badges: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "Certification" });
