CREATE TABLE "leads" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"company" text,
	"message" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "leads_status_check" CHECK ("leads"."status" in ('new', 'answered', 'closed')),
	CONSTRAINT "leads_answered_check" CHECK ("leads"."answered_at" is null or "leads"."answered_at" >= "leads"."created_at")
);
--> statement-breakpoint
CREATE TABLE "listing_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"proposed_proof_links" text[] NOT NULL,
	"previous_proof_links" text[] NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by_user_id" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	CONSTRAINT "listing_reviews_state_check" CHECK ("listing_reviews"."state" in ('pending', 'approved', 'rejected', 'superseded')),
	CONSTRAINT "listing_reviews_reason_check" CHECK ("listing_reviews"."state" <> 'rejected' or "listing_reviews"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "partner_rankings" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"score" double precision NOT NULL,
	"compliance" double precision NOT NULL,
	"performance" double precision NOT NULL,
	"satisfaction" double precision NOT NULL,
	"recency" double precision NOT NULL,
	"placement_band" smallint NOT NULL,
	"on_probation" integer NOT NULL,
	"rank" integer NOT NULL,
	"inputs" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partner_rankings_score_check" CHECK ("partner_rankings"."score" >= 0 and "partner_rankings"."score" <= 1)
);
--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_reviews" ADD CONSTRAINT "listing_reviews_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_reviews" ADD CONSTRAINT "listing_reviews_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_rankings" ADD CONSTRAINT "partner_rankings_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leads_partner_idx" ON "leads" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "listing_reviews_state_idx" ON "listing_reviews" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "listing_reviews_partner_idx" ON "listing_reviews" USING btree ("partner_id","submitted_at");--> statement-breakpoint
CREATE INDEX "partner_rankings_rank_idx" ON "partner_rankings" USING btree ("rank");