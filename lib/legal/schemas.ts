import { z } from "zod";
import { LEGAL_DOCUMENTS } from "./constants";

export const legalDocumentSchema = z.enum(LEGAL_DOCUMENTS, { message: "Choose a document" });

export const signAgreementsSchema = z.strictObject({
  fullName: z.string({ message: "Type your full name" }).trim().min(2, { message: "Type your full name" }).max(200, { message: "At most 200 characters" }),
  consent: z.literal(true, { message: "Tick the box to confirm that you agree" }),
  documents: z
    .array(
      z.strictObject({
        document: legalDocumentSchema,
        version: z.string().min(1).max(40),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: "Must be a SHA-256 in hex" }).optional(),
      }),
    )
    .min(1, { message: "Choose what to sign" })
    .max(LEGAL_DOCUMENTS.length),
});
export type SignAgreementsInput = z.infer<typeof signAgreementsSchema>;

export const publishVersionSchema = z.strictObject({
  document: legalDocumentSchema,
  version: z.string().trim().min(1, { message: "Choose a version" }).max(40),
});

const optionalText = z.string().trim().max(100).optional().transform((v) => v || undefined).catch(undefined);

/** Admin signature list filters from the query string; unknown values are dropped. */
const optionalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

export const signatureListQuerySchema = z.object({
  document: legalDocumentSchema.optional().catch(undefined),
  version: optionalText,
  q: optionalText,
  /** Signed on or after this UTC day (YYYY-MM-DD). */
  from: optionalDay,
  /** Signed on or before this UTC day. */
  to: optionalDay,
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
