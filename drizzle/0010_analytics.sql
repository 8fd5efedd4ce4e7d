CREATE TABLE "exit_test_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"triggered_by_user_id" text,
	"passed" boolean NOT NULL,
	"results" jsonb NOT NULL,
	"package_files" jsonb NOT NULL,
	"manifest" jsonb NOT NULL,
	"manifest_sha256" text NOT NULL,
	CONSTRAINT "exit_test_runs_trigger_check" CHECK ("exit_test_runs"."trigger" in ('admin', 'cron', 'cli'))
);
--> statement-breakpoint
CREATE TABLE "exit_test_signoffs" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"signer_user_id" text,
	"signer_name" text NOT NULL,
	"signer_email" text NOT NULL,
	"package_sha256" text NOT NULL,
	"statement" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nps_publications" (
	"id" text PRIMARY KEY NOT NULL,
	"quarter" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"snapshot" jsonb NOT NULL,
	"published_by_user_id" text,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "nps_publications_quarter_check" CHECK ("nps_publications"."quarter" ~ '^[0-9]{4}-Q[1-4]$')
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_exec" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "exit_test_runs" ADD CONSTRAINT "exit_test_runs_triggered_by_user_id_users_id_fk" FOREIGN KEY ("triggered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_test_signoffs" ADD CONSTRAINT "exit_test_signoffs_run_id_exit_test_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."exit_test_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_test_signoffs" ADD CONSTRAINT "exit_test_signoffs_signer_user_id_users_id_fk" FOREIGN KEY ("signer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nps_publications" ADD CONSTRAINT "nps_publications_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exit_test_runs_ran_at_idx" ON "exit_test_runs" USING btree ("ran_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exit_test_signoffs_run_signer_key" ON "exit_test_signoffs" USING btree ("run_id","signer_user_id");--> statement-breakpoint
CREATE INDEX "exit_test_signoffs_run_idx" ON "exit_test_signoffs" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "nps_publications_quarter_key" ON "nps_publications" USING btree ("quarter");