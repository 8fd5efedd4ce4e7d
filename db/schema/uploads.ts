import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import { partners, users } from "./core";

// Files partners upload (logos, pen-test letters, references, proofs, receipts).
// The bytes live in the storage adapter (disk or S3) under `storage_key`; this
// row is what the app knows about them and who may read them.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const uploads = pgTable(
  "uploads",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("upload")),
    partnerId: text("partner_id").references(() => partners.id, { onDelete: "cascade" }),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    /** What the file is for; decides the limits and whether it is public (lib/storage/policies.ts). */
    purpose: text("purpose").notNull(),
    storageKey: text("storage_key").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    createdAt: tz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("uploads_partner_idx").on(t.partnerId, t.purpose),
    check("uploads_size_check", sql`${t.sizeBytes} >= 0`),
    check("uploads_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
