CREATE TABLE "certification_submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"quarter" text,
	"upload_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_reason" text,
	CONSTRAINT "certification_submissions_kind_check" CHECK ("certification_submissions"."kind" in ('enterprise_reference', 'runbook', 'pen_test_letter')),
	CONSTRAINT "certification_submissions_status_check" CHECK ("certification_submissions"."status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "certification_submissions_quarter_check" CHECK (("certification_submissions"."kind" = 'pen_test_letter') = ("certification_submissions"."quarter" is not null) and ("certification_submissions"."quarter" is null or "certification_submissions"."quarter" ~ '^[0-9]{4}-Q[1-4]$')),
	CONSTRAINT "certification_submissions_review_check" CHECK (("certification_submissions"."status" = 'pending') = ("certification_submissions"."reviewed_at" is null) and ("certification_submissions"."status" <> 'rejected' or "certification_submissions"."review_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "certifications" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'uncertified' NOT NULL,
	"certified_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"last_downgrade_at" timestamp with time zone,
	"last_reminder_at" timestamp with time zone,
	"tier_override_until" timestamp with time zone,
	"requirements_met" smallint DEFAULT 0 NOT NULL,
	"requirements_total" smallint DEFAULT 0 NOT NULL,
	"evaluated_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certifications_status_check" CHECK ("certifications"."status" in ('uncertified', 'probation', 'certified', 'recertifying', 'expired')),
	CONSTRAINT "certifications_dates_check" CHECK (("certifications"."certified_at" is null) = ("certifications"."expires_at" is null) and ("certifications"."expires_at" is null or "certifications"."expires_at" > "certifications"."certified_at"))
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"sla_hours" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" text NOT NULL,
	"first_response_at" timestamp with time zone,
	"response_note" text,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	CONSTRAINT "incidents_severity_check" CHECK ("incidents"."severity" in ('low', 'high', 'critical')),
	CONSTRAINT "incidents_sla_check" CHECK ("incidents"."sla_hours" between 1 and 720),
	CONSTRAINT "incidents_order_check" CHECK (("incidents"."first_response_at" is null or "incidents"."first_response_at" >= "incidents"."opened_at") and ("incidents"."resolved_at" is null or ("incidents"."first_response_at" is not null and "incidents"."resolved_at" >= "incidents"."first_response_at")))
);
--> statement-breakpoint
CREATE TABLE "quiz_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"user_id" text,
	"assessment" text NOT NULL,
	"question_ids" text[] NOT NULL,
	"choice_order" jsonb NOT NULL,
	"answers" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"correct" smallint,
	"score_pct" double precision,
	"passed" boolean,
	CONSTRAINT "quiz_attempts_assessment_check" CHECK ("quiz_attempts"."assessment" in ('installer_playbook', 'soc2_control_literacy', 'compliance_framework')),
	CONSTRAINT "quiz_attempts_deadline_check" CHECK ("quiz_attempts"."deadline_at" > "quiz_attempts"."started_at"),
	CONSTRAINT "quiz_attempts_graded_check" CHECK (("quiz_attempts"."submitted_at" is null) = ("quiz_attempts"."score_pct" is null) and ("quiz_attempts"."score_pct" is null) = ("quiz_attempts"."passed" is null))
);
--> statement-breakpoint
CREATE TABLE "quiz_questions" (
	"id" text PRIMARY KEY NOT NULL,
	"assessment" text NOT NULL,
	"position" smallint NOT NULL,
	"prompt" text NOT NULL,
	"choices" text[] NOT NULL,
	"correct_index" smallint NOT NULL,
	"explanation" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "quiz_questions_assessment_check" CHECK ("quiz_questions"."assessment" in ('installer_playbook', 'soc2_control_literacy', 'compliance_framework')),
	CONSTRAINT "quiz_questions_correct_check" CHECK ("quiz_questions"."correct_index" >= 0 and "quiz_questions"."correct_index" < cardinality("quiz_questions"."choices"))
);
--> statement-breakpoint
CREATE TABLE "tier_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"from_tier" text NOT NULL,
	"to_tier" text NOT NULL,
	"reason" text NOT NULL,
	"note" text NOT NULL,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "tier_changes_reason_check" CHECK ("tier_changes"."reason" in ('thresholds', 'miss_twice', 'probation', 'manual')),
	CONSTRAINT "tier_changes_tiers_check" CHECK ("tier_changes"."from_tier" in ('verified', 'advanced', 'premier') and "tier_changes"."to_tier" in ('verified', 'advanced', 'premier') and "tier_changes"."from_tier" <> "tier_changes"."to_tier")
);
--> statement-breakpoint
ALTER TABLE "certification_submissions" ADD CONSTRAINT "certification_submissions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_submissions" ADD CONSTRAINT "certification_submissions_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_submissions" ADD CONSTRAINT "certification_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_submissions" ADD CONSTRAINT "certification_submissions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_changes" ADD CONSTRAINT "tier_changes_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certification_submissions_partner_idx" ON "certification_submissions" USING btree ("partner_id","kind");--> statement-breakpoint
CREATE INDEX "certification_submissions_status_idx" ON "certification_submissions" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "certifications_status_idx" ON "certifications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "incidents_partner_idx" ON "incidents" USING btree ("partner_id","opened_at");--> statement-breakpoint
CREATE INDEX "quiz_attempts_partner_idx" ON "quiz_attempts" USING btree ("partner_id","assessment","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_questions_assessment_position_key" ON "quiz_questions" USING btree ("assessment","position");--> statement-breakpoint
CREATE INDEX "tier_changes_partner_idx" ON "tier_changes" USING btree ("partner_id","at");