CREATE TABLE "badge_embeds" (
	"badge_id" text NOT NULL,
	"host" text NOT NULL,
	"requests" bigint DEFAULT 0 NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "badge_embeds_badge_id_host_pk" PRIMARY KEY("badge_id","host"),
	CONSTRAINT "badge_embeds_requests_check" CHECK ("badge_embeds"."requests" >= 0)
);
--> statement-breakpoint
CREATE TABLE "badge_pages" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"url" text NOT NULL,
	"host" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_scanned_at" timestamp with time zone,
	"last_scan_status" text,
	"last_scan_error" text,
	"rescan_requested_at" timestamp with time zone,
	CONSTRAINT "badge_pages_status_check" CHECK ("badge_pages"."last_scan_status" is null or "badge_pages"."last_scan_status" in ('ok', 'error', 'blocked_by_robots'))
);
--> statement-breakpoint
CREATE TABLE "badge_violations" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"badge_id" text,
	"kind" text NOT NULL,
	"page_url" text,
	"host" text NOT NULL,
	"detail" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"fix_claimed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by_user_id" text,
	"resolution" text,
	"notified_at" timestamp with time zone,
	"scan_count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "badge_violations_kind_check" CHECK ("badge_violations"."kind" in ('foreign_image', 'tier_overclaim', 'inactive_badge', 'missing_verify_link', 'undeclared_domain')),
	CONSTRAINT "badge_violations_status_check" CHECK ("badge_violations"."status" in ('open', 'fix_claimed', 'resolved', 'escalated')),
	CONSTRAINT "badge_violations_closed_check" CHECK (("badge_violations"."status" in ('resolved', 'escalated')) = ("badge_violations"."closed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "badge_embeds" ADD CONSTRAINT "badge_embeds_badge_id_partner_badges_id_fk" FOREIGN KEY ("badge_id") REFERENCES "public"."partner_badges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_pages" ADD CONSTRAINT "badge_pages_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_violations" ADD CONSTRAINT "badge_violations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_violations" ADD CONSTRAINT "badge_violations_badge_id_partner_badges_id_fk" FOREIGN KEY ("badge_id") REFERENCES "public"."partner_badges"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_violations" ADD CONSTRAINT "badge_violations_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "badge_pages_partner_url_key" ON "badge_pages" USING btree ("partner_id","url");--> statement-breakpoint
CREATE INDEX "badge_pages_host_idx" ON "badge_pages" USING btree ("host");--> statement-breakpoint
CREATE INDEX "badge_pages_scan_idx" ON "badge_pages" USING btree ("last_scanned_at");--> statement-breakpoint
CREATE UNIQUE INDEX "badge_violations_live_key" ON "badge_violations" USING btree ("fingerprint") WHERE "badge_violations"."status" in ('open', 'fix_claimed');--> statement-breakpoint
CREATE INDEX "badge_violations_partner_idx" ON "badge_violations" USING btree ("partner_id","opened_at");--> statement-breakpoint
CREATE INDEX "badge_violations_status_idx" ON "badge_violations" USING btree ("status","deadline_at");