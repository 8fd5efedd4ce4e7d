CREATE TABLE "evidence_exports" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"install_id" text,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"files" integer NOT NULL,
	"bytes" integer NOT NULL,
	"manifest_sha256" text NOT NULL,
	"checks" integer NOT NULL,
	"manifest" jsonb NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "installs" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text,
	"stack" text NOT NULL,
	"site_url" text NOT NULL,
	"customer_name" text NOT NULL,
	"customer_email" text,
	"started_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"sample_urls" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text NOT NULL,
	"external_ref" text,
	"next_probe_at" timestamp with time zone,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "installs_stack_check" CHECK ("installs"."stack" in ('wordpress', 'shopify', 'workers', 'custom')),
	CONSTRAINT "installs_source_check" CHECK ("installs"."source" in ('console', 'api', 'seed')),
	CONSTRAINT "installs_verified_after_start_check" CHECK ("installs"."verified_at" is null or "installs"."verified_at" >= "installs"."started_at")
);
--> statement-breakpoint
CREATE TABLE "nps_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"survey_id" text NOT NULL,
	"partner_id" text,
	"install_id" text,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"reminders" smallint DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "nps_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"invitation_id" text NOT NULL,
	"survey_id" text NOT NULL,
	"audience" text NOT NULL,
	"quarter" text NOT NULL,
	"partner_id" text,
	"score" smallint NOT NULL,
	"comment" text,
	"responded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "nps_responses_score_check" CHECK ("nps_responses"."score" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "nps_surveys" (
	"id" text PRIMARY KEY NOT NULL,
	"audience" text NOT NULL,
	"quarter" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	CONSTRAINT "nps_surveys_audience_check" CHECK ("nps_surveys"."audience" in ('customer', 'partner')),
	CONSTRAINT "nps_surveys_quarter_check" CHECK ("nps_surveys"."quarter" ~ '^[0-9]{4}-Q[1-4]$')
);
--> statement-breakpoint
CREATE TABLE "nps_unsubscribes" (
	"email" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "nps_unsubscribes_lower_check" CHECK ("nps_unsubscribes"."email" = lower("nps_unsubscribes"."email"))
);
--> statement-breakpoint
CREATE TABLE "survival_check_assets" (
	"check_id" text NOT NULL,
	"position" smallint NOT NULL,
	"url" text NOT NULL,
	"survived" boolean NOT NULL,
	"method" text,
	"reason" text,
	"detail" text,
	"http_status" smallint,
	"bytes" integer,
	"duration_ms" integer,
	"manifest_url" text,
	CONSTRAINT "survival_check_assets_check_id_position_pk" PRIMARY KEY("check_id","position"),
	CONSTRAINT "survival_check_assets_method_check" CHECK ("survival_check_assets"."method" is null or "survival_check_assets"."method" in ('embedded', 'remote')),
	CONSTRAINT "survival_check_assets_survived_method_check" CHECK ("survival_check_assets"."survived" = ("survival_check_assets"."method" is not null))
);
--> statement-breakpoint
CREATE TABLE "survival_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"install_id" text NOT NULL,
	"partner_id" text,
	"stack" text NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"assets_checked" integer NOT NULL,
	"assets_survived" integer NOT NULL,
	"survived_embedded" integer DEFAULT 0 NOT NULL,
	"survived_remote" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survival_checks_counts_check" CHECK ("survival_checks"."assets_checked" >= 0 and "survival_checks"."assets_survived" >= 0 and "survival_checks"."errors" >= 0 and "survival_checks"."assets_survived" <= "survival_checks"."assets_checked" and "survival_checks"."errors" <= "survival_checks"."assets_checked"),
	CONSTRAINT "survival_checks_methods_check" CHECK ("survival_checks"."survived_embedded" >= 0 and "survival_checks"."survived_remote" >= 0 and "survival_checks"."survived_embedded" + "survival_checks"."survived_remote" = "survival_checks"."assets_survived"),
	CONSTRAINT "survival_checks_source_check" CHECK ("survival_checks"."source" in ('probe', 'api', 'seed'))
);
--> statement-breakpoint
CREATE TABLE "survival_daily" (
	"owner" text NOT NULL,
	"stack" text NOT NULL,
	"day" date NOT NULL,
	"checks" integer NOT NULL,
	"assets_checked" bigint NOT NULL,
	"assets_survived" bigint NOT NULL,
	"survived_embedded" bigint NOT NULL,
	"survived_remote" bigint NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survival_daily_owner_stack_day_pk" PRIMARY KEY("owner","stack","day")
);
--> statement-breakpoint
CREATE TABLE "survival_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"install_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"stated_checks" integer DEFAULT 0 NOT NULL,
	"stated_assets_checked" bigint DEFAULT 0 NOT NULL,
	"stated_assets_survived" bigint DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survival_reports_period_check" CHECK ("survival_reports"."period_end" > "survival_reports"."period_start")
);
--> statement-breakpoint
CREATE TABLE "survival_windows" (
	"owner" text NOT NULL,
	"stack" text NOT NULL,
	"window_days" smallint NOT NULL,
	"checks" integer NOT NULL,
	"assets_checked" bigint NOT NULL,
	"assets_survived" bigint NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survival_windows_owner_stack_window_days_pk" PRIMARY KEY("owner","stack","window_days"),
	CONSTRAINT "survival_windows_window_check" CHECK ("survival_windows"."window_days" in (7, 30, 90))
);
--> statement-breakpoint
CREATE TABLE "tti_rollups" (
	"owner" text NOT NULL,
	"stack" text NOT NULL,
	"installs_started" integer NOT NULL,
	"installs_verified" integer NOT NULL,
	"p50_seconds" double precision,
	"p95_seconds" double precision,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tti_rollups_owner_stack_pk" PRIMARY KEY("owner","stack")
);
--> statement-breakpoint
CREATE TABLE "tti_weekly" (
	"owner" text NOT NULL,
	"stack" text NOT NULL,
	"week_start" date NOT NULL,
	"installs_verified" integer NOT NULL,
	"p50_seconds" double precision NOT NULL,
	"p95_seconds" double precision NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tti_weekly_owner_stack_week_start_pk" PRIMARY KEY("owner","stack","week_start")
);
--> statement-breakpoint
ALTER TABLE "evidence_exports" ADD CONSTRAINT "evidence_exports_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_exports" ADD CONSTRAINT "evidence_exports_install_id_installs_id_fk" FOREIGN KEY ("install_id") REFERENCES "public"."installs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_exports" ADD CONSTRAINT "evidence_exports_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installs" ADD CONSTRAINT "installs_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installs" ADD CONSTRAINT "installs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nps_invitations" ADD CONSTRAINT "nps_invitations_survey_id_nps_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."nps_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nps_invitations" ADD CONSTRAINT "nps_invitations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nps_invitations" ADD CONSTRAINT "nps_invitations_install_id_installs_id_fk" FOREIGN KEY ("install_id") REFERENCES "public"."installs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nps_responses" ADD CONSTRAINT "nps_responses_invitation_id_nps_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."nps_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nps_responses" ADD CONSTRAINT "nps_responses_survey_id_nps_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."nps_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survival_check_assets" ADD CONSTRAINT "survival_check_assets_check_id_survival_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."survival_checks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survival_checks" ADD CONSTRAINT "survival_checks_install_id_installs_id_fk" FOREIGN KEY ("install_id") REFERENCES "public"."installs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survival_reports" ADD CONSTRAINT "survival_reports_install_id_installs_id_fk" FOREIGN KEY ("install_id") REFERENCES "public"."installs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survival_reports" ADD CONSTRAINT "survival_reports_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survival_reports" ADD CONSTRAINT "survival_reports_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_exports_partner_idx" ON "evidence_exports" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "installs_partner_idx" ON "installs" USING btree ("partner_id","started_at");--> statement-breakpoint
CREATE INDEX "installs_stack_idx" ON "installs" USING btree ("stack");--> statement-breakpoint
CREATE INDEX "installs_next_probe_idx" ON "installs" USING btree ("next_probe_at");--> statement-breakpoint
CREATE UNIQUE INDEX "installs_external_ref_key" ON "installs" USING btree ("external_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "nps_invitations_token_key" ON "nps_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "nps_invitations_recipient_key" ON "nps_invitations" USING btree ("survey_id",lower("email"),coalesce("partner_id", ''));--> statement-breakpoint
CREATE INDEX "nps_invitations_partner_idx" ON "nps_invitations" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "nps_responses_invitation_key" ON "nps_responses" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "nps_responses_partner_idx" ON "nps_responses" USING btree ("partner_id","quarter");--> statement-breakpoint
CREATE INDEX "nps_responses_quarter_idx" ON "nps_responses" USING btree ("audience","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "nps_surveys_audience_quarter_key" ON "nps_surveys" USING btree ("audience","quarter");--> statement-breakpoint
CREATE INDEX "survival_checks_install_idx" ON "survival_checks" USING btree ("install_id","checked_at");--> statement-breakpoint
CREATE INDEX "survival_checks_checked_at_idx" ON "survival_checks" USING btree ("checked_at");--> statement-breakpoint
CREATE INDEX "survival_daily_day_idx" ON "survival_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "survival_reports_partner_idx" ON "survival_reports" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "survival_reports_install_idx" ON "survival_reports" USING btree ("install_id");