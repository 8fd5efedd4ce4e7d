import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import type { LegalDocument } from "@/lib/legal/constants";
import { partners, users } from "./core";

// The program's legal record. Both tables are append-only (a trigger in the
// migrations refuses UPDATE, DELETE and TRUNCATE): a published version and a
// signature are evidence, and evidence is never edited. A new version is a new
// publication; a re-signature is a new signature.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const DOCUMENT_CHECK = "('program_guide', 'marketplace_terms', 'master_agreement')";

/** A version of a document made current: its exact text, frozen with the program's numbers filled in. */
export const legalPublications = pgTable(
  "legal_publications",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("legalPublication")),
    document: text("document").$type<LegalDocument>().notNull(),
    version: text("version").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    /** The Markdown partners read and sign, byte for byte. */
    body: text("body").notNull(),
    /** SHA-256 of body (UTF-8), hex. */
    sha256: text("sha256").notNull(),
    publishedAt: tz("published_at").notNull(),
    publishedByUserId: text("published_by_user_id").references(() => users.id),
    publishedByLabel: text("published_by_label").notNull(),
  },
  (t) => [
    uniqueIndex("legal_publications_document_version_key").on(t.document, t.version),
    index("legal_publications_document_published_idx").on(t.document, t.publishedAt),
    check("legal_publications_document_check", sql.raw(`document in ${DOCUMENT_CHECK}`)),
    check("legal_publications_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** One document signed by one owner for one partner. Signed together, documents share a receipt. */
export const legalSignatures = pgTable(
  "legal_signatures",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("signature")),
    receiptId: text("receipt_id").notNull(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** The full name as typed. */
    signerName: text("signer_name").notNull(),
    signerEmail: text("signer_email").notNull(),
    signerRole: text("signer_role").notNull(),
    publicationId: text("publication_id")
      .notNull()
      .references(() => legalPublications.id),
    document: text("document").$type<LegalDocument>().notNull(),
    version: text("version").notNull(),
    /** SHA-256 of the exact text signed (the publication's body). */
    documentSha256: text("document_sha256").notNull(),
    consentText: text("consent_text").notNull(),
    signedAt: tz("signed_at").notNull(),
    ip: text("ip").notNull(),
    userAgent: text("user_agent").notNull(),
  },
  (t) => [
    index("legal_signatures_partner_idx").on(t.partnerId, t.document, t.version),
    index("legal_signatures_receipt_idx").on(t.receiptId),
    index("legal_signatures_signed_idx").on(t.signedAt),
    check("legal_signatures_document_check", sql.raw(`document in ${DOCUMENT_CHECK}`)),
    check("legal_signatures_sha256_check", sql`${t.documentSha256} ~ '^[0-9a-f]{64}$'`),
    check("legal_signatures_role_check", sql`${t.signerRole} = 'owner'`),
  ],
);
