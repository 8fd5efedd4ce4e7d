import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { AdapterAccountType } from "next-auth/adapters";
import { newId } from "@/lib/ids";
import type {
  Language,
  MemberRole,
  PartnerStatus,
  Region,
  Stack,
  Tier,
  Track,
  UserRole,
} from "@/lib/partners/constants";

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => tz("created_at").notNull().defaultNow();

// ---------------------------------------------------------------------------
// Identity (Auth.js tables; property names are the ones the adapter expects)
// ---------------------------------------------------------------------------

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("user")),
    name: text("name"),
    email: text("email").notNull(),
    emailVerified: tz("email_verified"),
    image: text("image"),
    role: text("role").$type<UserRole>().notNull().default("user"),
    /** Executives among the admins: they sign the exit tests' evidence packages. */
    isExec: boolean("is_exec").notNull().default(false),
    createdAt: createdAt(),
    lastSignInAt: tz("last_sign_in_at"),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    check("users_role_check", sql`${t.role} in ('admin', 'user')`),
  ],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: tz("expires").notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: tz("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ---------------------------------------------------------------------------
// Partners: the organisations in the program, with their public listing
// ---------------------------------------------------------------------------

export const partners = pgTable(
  "partners",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("partner")),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    track: text("track").$type<Track>().notNull(),
    tier: text("tier").$type<Tier>().notNull().default("verified"),
    status: text("status").$type<PartnerStatus>().notNull().default("probation"),
    joinedAt: tz("joined_at").notNull().defaultNow(),
    probationEndsAt: tz("probation_ends_at"),
    // Public listing
    tagline: text("tagline").notNull().default(""),
    description: text("description").notNull().default(""),
    website: text("website"),
    logoUrl: text("logo_url"),
    hqCountry: text("hq_country"),
    regions: text("regions").array().$type<Region[]>().notNull().default(sql`'{}'::text[]`),
    stacks: text("stacks").array().$type<Stack[]>().notNull().default(sql`'{}'::text[]`),
    languages: text("languages").array().$type<Language[]>().notNull().default(sql`'{}'::text[]`),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    slaResponseHours: integer("sla_response_hours"),
    proofLinks: text("proof_links").array().notNull().default(sql`'{}'::text[]`),
    currency: text("currency").notNull().default("USD"),
    createdAt: createdAt(),
    updatedAt: tz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("partners_slug_key").on(t.slug),
    index("partners_track_tier_idx").on(t.track, t.tier),
    check("partners_track_check", sql`${t.track} in ('installer', 'auditor', 'enterprise_integrator')`),
    check("partners_tier_check", sql`${t.tier} in ('verified', 'advanced', 'premier')`),
    check("partners_status_check", sql`${t.status} in ('active', 'probation', 'suspended')`),
    check("partners_sla_check", sql`${t.slaResponseHours} is null or ${t.slaResponseHours} between 1 and 720`),
    check("partners_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("membership")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<MemberRole>().notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_partner_user_key").on(t.partnerId, t.userId),
    index("memberships_user_idx").on(t.userId),
    check("memberships_role_check", sql`${t.role} in ('owner', 'member')`),
  ],
);

// ---------------------------------------------------------------------------
// API keys: partner keys (scoped to one partner) and platform keys (machines)
// ---------------------------------------------------------------------------

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("apiKey")),
    kind: text("kind").$type<"partner" | "platform">().notNull(),
    partnerId: text("partner_id").references(() => partners.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The first characters of the secret, shown in lists so a key can be recognised. */
    prefix: text("prefix").notNull(),
    /** SHA-256 of the whole secret, hex. The secret itself is never stored. */
    hash: text("hash").notNull(),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: tz("last_used_at"),
    revokedAt: tz("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_keys_hash_key").on(t.hash),
    index("api_keys_partner_idx").on(t.partnerId),
    check("api_keys_kind_check", sql`${t.kind} in ('partner', 'platform')`),
    check(
      "api_keys_partner_scope_check",
      sql`(${t.kind} = 'partner') = (${t.partnerId} is not null)`,
    ),
  ],
);

// ---------------------------------------------------------------------------
// Audit log: append-only (a trigger in the migrations refuses UPDATE/DELETE)
// ---------------------------------------------------------------------------

export const auditEvents = pgTable(
  "audit_events",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("audit")),
    at: tz("at").notNull(),
    actorType: text("actor_type").$type<"user" | "api_key" | "system">().notNull(),
    actorId: text("actor_id").notNull(),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id").notNull(),
    /** The partner the object belongs to, so partners can read their own trail. */
    partnerId: text("partner_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    meta: jsonb("meta"),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_object_idx").on(t.objectType, t.objectId),
    index("audit_events_partner_idx").on(t.partnerId, t.at),
    index("audit_events_action_idx").on(t.action),
  ],
);

// ---------------------------------------------------------------------------
// Email outbox: every outgoing email is a row, sent or not
// ---------------------------------------------------------------------------

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("email")),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    status: text("status").$type<"pending" | "sent" | "failed" | "stored">().notNull().default("pending"),
    provider: text("provider").$type<"outbox" | "resend">().notNull(),
    providerMessageId: text("provider_message_id"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    partnerId: text("partner_id"),
    createdAt: createdAt(),
    sentAt: tz("sent_at"),
  },
  (t) => [
    index("email_outbox_created_idx").on(t.createdAt),
    index("email_outbox_to_idx").on(t.toAddress),
    check("email_outbox_status_check", sql`${t.status} in ('pending', 'sent', 'failed', 'stored')`),
  ],
);

// ---------------------------------------------------------------------------
// Small facts about this installation (seed version, ...)
// ---------------------------------------------------------------------------

export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: tz("updated_at").notNull().defaultNow(),
});
