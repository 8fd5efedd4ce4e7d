CREATE TABLE "partner_badges" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"kind" text NOT NULL,
	"badge" text NOT NULL,
	"tier" text,
	"state" text DEFAULT 'active' NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"state_changed_at" timestamp with time zone NOT NULL,
	"revoked_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_badges_kind_check" CHECK ("partner_badges"."kind" in ('track', 'performance')),
	CONSTRAINT "partner_badges_badge_check" CHECK (("partner_badges"."kind" = 'track' and "partner_badges"."badge" in ('certified_installer', 'certified_auditor', 'enterprise_certified'))
        or ("partner_badges"."kind" = 'performance' and "partner_badges"."badge" in ('fast_installer', 'compliance_pro', 'five_star_nps'))),
	CONSTRAINT "partner_badges_tier_check" CHECK (("partner_badges"."kind" = 'track') = ("partner_badges"."tier" is not null)),
	CONSTRAINT "partner_badges_tier_value_check" CHECK ("partner_badges"."tier" is null or "partner_badges"."tier" in ('verified', 'advanced', 'premier')),
	CONSTRAINT "partner_badges_state_check" CHECK ("partner_badges"."state" in ('active', 'probation', 'expired', 'revoked')),
	CONSTRAINT "partner_badges_revoked_reason_check" CHECK ("partner_badges"."state" <> 'revoked' or "partner_badges"."revoked_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text,
	"uploaded_by" text,
	"purpose" text NOT NULL,
	"storage_key" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uploads_size_check" CHECK ("uploads"."size_bytes" >= 0),
	CONSTRAINT "uploads_sha256_check" CHECK ("uploads"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "partner_badges" ADD CONSTRAINT "partner_badges_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_badges_partner_badge_key" ON "partner_badges" USING btree ("partner_id","badge");--> statement-breakpoint
CREATE INDEX "partner_badges_state_idx" ON "partner_badges" USING btree ("state");--> statement-breakpoint
CREATE INDEX "uploads_partner_idx" ON "uploads" USING btree ("partner_id","purpose");