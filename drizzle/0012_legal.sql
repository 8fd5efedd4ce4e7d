CREATE TABLE "legal_publications" (
	"id" text PRIMARY KEY NOT NULL,
	"document" text NOT NULL,
	"version" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"sha256" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by_user_id" text,
	"published_by_label" text NOT NULL,
	CONSTRAINT "legal_publications_document_check" CHECK (document in ('program_guide', 'marketplace_terms', 'master_agreement')),
	CONSTRAINT "legal_publications_sha256_check" CHECK ("legal_publications"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "legal_signatures" (
	"id" text PRIMARY KEY NOT NULL,
	"receipt_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"user_id" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_email" text NOT NULL,
	"signer_role" text NOT NULL,
	"publication_id" text NOT NULL,
	"document" text NOT NULL,
	"version" text NOT NULL,
	"document_sha256" text NOT NULL,
	"consent_text" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"ip" text NOT NULL,
	"user_agent" text NOT NULL,
	CONSTRAINT "legal_signatures_document_check" CHECK (document in ('program_guide', 'marketplace_terms', 'master_agreement')),
	CONSTRAINT "legal_signatures_sha256_check" CHECK ("legal_signatures"."document_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "legal_signatures_role_check" CHECK ("legal_signatures"."signer_role" = 'owner')
);
--> statement-breakpoint
CREATE TABLE "onboarding_dismissals" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"dismissed_at" timestamp with time zone NOT NULL,
	"dismissed_by_user_id" text
);
--> statement-breakpoint
ALTER TABLE "legal_publications" ADD CONSTRAINT "legal_publications_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_signatures" ADD CONSTRAINT "legal_signatures_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_signatures" ADD CONSTRAINT "legal_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_signatures" ADD CONSTRAINT "legal_signatures_publication_id_legal_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."legal_publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_dismissals" ADD CONSTRAINT "onboarding_dismissals_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_dismissals" ADD CONSTRAINT "onboarding_dismissals_dismissed_by_user_id_users_id_fk" FOREIGN KEY ("dismissed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "legal_publications_document_version_key" ON "legal_publications" USING btree ("document","version");--> statement-breakpoint
CREATE INDEX "legal_publications_document_published_idx" ON "legal_publications" USING btree ("document","published_at");--> statement-breakpoint
CREATE INDEX "legal_signatures_partner_idx" ON "legal_signatures" USING btree ("partner_id","document","version");--> statement-breakpoint
CREATE INDEX "legal_signatures_receipt_idx" ON "legal_signatures" USING btree ("receipt_id");--> statement-breakpoint
CREATE INDEX "legal_signatures_signed_idx" ON "legal_signatures" USING btree ("signed_at");