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
export const signatureListQuerySchema = z.object({
  document: legalDocumentSchema.optional().catch(undefined),
  version: optionalText,
  q: optionalText,
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
