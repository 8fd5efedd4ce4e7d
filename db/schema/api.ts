import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Idempotency keys for POST requests: the first request with a key stores its
 * response; a retry with the same key and body gets the same response back,
 * a retry with a different body gets 409.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: text("id").primaryKey(),
    /** Whose key: "key:<api key id>" or "user:<user id>". */
    owner: text("owner").notNull(),
    key: text("key").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    requestHash: text("request_hash").notNull(),
    state: text("state").$type<"in_progress" | "done">().notNull(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    uniqueIndex("idempotency_keys_owner_key").on(t.owner, t.key),
    index("idempotency_keys_created_idx").on(t.createdAt),
    check("idempotency_keys_state_check", sql`${t.state} in ('in_progress', 'done')`),
  ],
);
