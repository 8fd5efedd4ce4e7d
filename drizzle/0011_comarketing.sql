CREATE TABLE "marketing_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"submission_id" text NOT NULL,
	"author_id" text,
	"author_label" text NOT NULL,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "marketing_comments_side_check" CHECK ("marketing_comments"."side" in ('partner', 'program'))
);
--> statement-breakpoint
CREATE TABLE "marketing_reference_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"title" text NOT NULL,
	"usage" text DEFAULT '' NOT NULL,
	"upload_id" text,
	"url" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"reference_id" text,
	"submitted_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "marketing_submissions_status_check" CHECK ("marketing_submissions"."status" in ('pending', 'changes_requested', 'approved')),
	CONSTRAINT "marketing_submissions_source_check" CHECK ("marketing_submissions"."upload_id" is not null or "marketing_submissions"."url" is not null),
	CONSTRAINT "marketing_submissions_reference_check" CHECK (("marketing_submissions"."status" = 'approved') = ("marketing_submissions"."reference_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "mdf_budgets" (
	"partner_id" text NOT NULL,
	"year" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mdf_budgets_partner_id_year_pk" PRIMARY KEY("partner_id","year")
);
--> statement-breakpoint
CREATE TABLE "mdf_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"budget_year" integer NOT NULL,
	"activity_type" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_on" text NOT NULL,
	"ends_on" text NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"requested_cents" integer NOT NULL,
	"expected_leads" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"approved_cents" integer,
	"decision_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"claimed_cents" integer,
	"actual_leads" integer,
	"results_summary" text,
	"proof_url" text,
	"receipt_upload_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"claim_submitted_at" timestamp with time zone,
	"claim_decision_reason" text,
	"claim_decided_by" text,
	"claim_decided_at" timestamp with time zone,
	"reimbursed_cents" integer,
	"reimbursed_at" timestamp with time zone,
	"requested_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mdf_requests_status_check" CHECK ("mdf_requests"."status" in ('pending', 'approved', 'partly_approved', 'rejected', 'claim_submitted', 'reimbursed', 'claim_rejected')),
	CONSTRAINT "mdf_requests_amount_check" CHECK ("mdf_requests"."requested_cents" > 0),
	CONSTRAINT "mdf_requests_leads_check" CHECK ("mdf_requests"."expected_leads" >= 0),
	CONSTRAINT "mdf_requests_approved_check" CHECK ("mdf_requests"."approved_cents" is null or ("mdf_requests"."approved_cents" > 0 and "mdf_requests"."approved_cents" <= "mdf_requests"."requested_cents")),
	CONSTRAINT "mdf_requests_reimbursed_check" CHECK ("mdf_requests"."reimbursed_cents" is null or ("mdf_requests"."reimbursed_cents" >= 0 and "mdf_requests"."reimbursed_cents" <= "mdf_requests"."approved_cents")),
	CONSTRAINT "mdf_requests_dates_check" CHECK ("mdf_requests"."starts_on" <= "mdf_requests"."ends_on"),
	CONSTRAINT "mdf_requests_currency_check" CHECK ("mdf_requests"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "one_pagers" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"template" text NOT NULL,
	"headline" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"proof_links" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_proofs" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"verify_url" text,
	"asset_url" text,
	"asset_status" integer,
	"checked_at" timestamp with time zone,
	"upload_id" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partner_proofs_kind_check" CHECK ("partner_proofs"."kind" in ('link', 'file')),
	CONSTRAINT "partner_proofs_shape_check" CHECK (("partner_proofs"."kind" = 'link' and "partner_proofs"."verify_url" is not null) or ("partner_proofs"."kind" = 'file' and "partner_proofs"."upload_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "webinar_registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"webinar_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"company" text NOT NULL,
	"company_size" text NOT NULL,
	"role" text NOT NULL,
	"qualified" boolean NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conversion_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webinars" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 45 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webinars_status_check" CHECK ("webinars"."status" in ('open', 'closed')),
	CONSTRAINT "webinars_duration_check" CHECK ("webinars"."duration_minutes" between 10 and 480)
);
--> statement-breakpoint
ALTER TABLE "marketing_comments" ADD CONSTRAINT "marketing_comments_submission_id_marketing_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."marketing_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_comments" ADD CONSTRAINT "marketing_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_submissions" ADD CONSTRAINT "marketing_submissions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_submissions" ADD CONSTRAINT "marketing_submissions_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_submissions" ADD CONSTRAINT "marketing_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_budgets" ADD CONSTRAINT "mdf_budgets_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_requests" ADD CONSTRAINT "mdf_requests_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_requests" ADD CONSTRAINT "mdf_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_requests" ADD CONSTRAINT "mdf_requests_claim_decided_by_users_id_fk" FOREIGN KEY ("claim_decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_requests" ADD CONSTRAINT "mdf_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_pagers" ADD CONSTRAINT "one_pagers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_pagers" ADD CONSTRAINT "one_pagers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_proofs" ADD CONSTRAINT "partner_proofs_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_proofs" ADD CONSTRAINT "partner_proofs_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_proofs" ADD CONSTRAINT "partner_proofs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webinar_registrations" ADD CONSTRAINT "webinar_registrations_webinar_id_webinars_id_fk" FOREIGN KEY ("webinar_id") REFERENCES "public"."webinars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webinar_registrations" ADD CONSTRAINT "webinar_registrations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webinars" ADD CONSTRAINT "webinars_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "marketing_comments_submission_idx" ON "marketing_comments" USING btree ("submission_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "marketing_submissions_reference_key" ON "marketing_submissions" USING btree ("reference_id");--> statement-breakpoint
CREATE INDEX "marketing_submissions_partner_idx" ON "marketing_submissions" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "marketing_submissions_status_idx" ON "marketing_submissions" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "mdf_requests_partner_idx" ON "mdf_requests" USING btree ("partner_id","budget_year");--> statement-breakpoint
CREATE INDEX "mdf_requests_status_idx" ON "mdf_requests" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "one_pagers_partner_idx" ON "one_pagers" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "partner_proofs_partner_idx" ON "partner_proofs" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webinar_registrations_email_key" ON "webinar_registrations" USING btree ("webinar_id",lower("email"));--> statement-breakpoint
CREATE INDEX "webinar_registrations_partner_idx" ON "webinar_registrations" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webinars_slug_key" ON "webinars" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "webinars_partner_idx" ON "webinars" USING btree ("partner_id","starts_at");