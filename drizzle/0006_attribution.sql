CREATE TABLE "analytics_events" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"client_id" text NOT NULL,
	"partner_id" text,
	"params" jsonb NOT NULL,
	"destination" text NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "analytics_events_status_check" CHECK ("analytics_events"."status" in ('stored', 'pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "click_dedup_keys" (
	"link_id" text NOT NULL,
	"ip_hash" text NOT NULL,
	"hour_bucket" timestamp with time zone NOT NULL,
	CONSTRAINT "click_dedup_keys_link_id_ip_hash_hour_bucket_pk" PRIMARY KEY("link_id","ip_hash","hour_bucket")
);
--> statement-breakpoint
CREATE TABLE "conversions" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"source" text NOT NULL,
	"external_id" text,
	"customer_id" text NOT NULL,
	"customer_domain" text,
	"customer_email" text,
	"company" text,
	"amount_cents" integer,
	"currency" text,
	"sku" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"partner_id_hint" text,
	"click_id_hint" text,
	"deal_id_hint" text,
	"crm_opportunity_id" text,
	"status" text DEFAULT 'unmatched' NOT NULL,
	"partner_id" text,
	"matched_via" text,
	"attribution_id" text,
	"click_id" text,
	"deal_id" text,
	"matched_at" timestamp with time zone,
	"processed_at" timestamp with time zone,
	"fraud_flags" jsonb,
	"stripe_event_id" text,
	CONSTRAINT "conversions_type_check" CHECK ("conversions"."type" in ('signup', 'pilot', 'paid')),
	CONSTRAINT "conversions_source_check" CHECK ("conversions"."source" in ('api', 'stripe')),
	CONSTRAINT "conversions_status_check" CHECK ("conversions"."status" in ('unmatched', 'matched')),
	CONSTRAINT "conversions_via_check" CHECK ("conversions"."matched_via" is null or "conversions"."matched_via" in ('customer', 'deal', 'click', 'partner_id')),
	CONSTRAINT "conversions_currency_check" CHECK ("conversions"."currency" is null or "conversions"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "crm_opportunities" (
	"id" text PRIMARY KEY NOT NULL,
	"company" text NOT NULL,
	"domain" text,
	"customer_id" text,
	"stage" text DEFAULT 'prospecting' NOT NULL,
	"amount_cents" integer,
	"currency" text,
	"partner_id" text,
	"deal_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_attributions" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"via" text NOT NULL,
	"click_id" text,
	"link_id" text,
	"deal_id" text,
	"touched_at" timestamp with time zone NOT NULL,
	"matched_at" timestamp with time zone NOT NULL,
	"conversion_id" text NOT NULL,
	"customer_domain" text,
	"signup_at" timestamp with time zone,
	"pilot_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"crm_system" text,
	"crm_opportunity_id" text,
	"crm_synced_at" timestamp with time zone,
	"crm_error" text,
	CONSTRAINT "customer_attributions_via_check" CHECK ("customer_attributions"."via" in ('deal', 'click', 'partner_id'))
);
--> statement-breakpoint
CREATE TABLE "link_clicks" (
	"id" text PRIMARY KEY NOT NULL,
	"link_id" text NOT NULL,
	"partner_id" text NOT NULL,
	"clicked_at" timestamp with time zone NOT NULL,
	"hour_bucket" timestamp with time zone NOT NULL,
	"ip_hash" text NOT NULL,
	"user_agent" text,
	"referrer" text,
	"is_bot" boolean NOT NULL,
	"counted" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_links" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"code" text NOT NULL,
	"destination" text NOT NULL,
	"campaign" text,
	"created_by_user_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deal_conflicts" (
	"id" text PRIMARY KEY NOT NULL,
	"domain" text NOT NULL,
	"first_deal_id" text NOT NULL,
	"second_deal_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"winner_deal_id" text,
	"reason" text,
	"resolved_by_user_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "deal_conflicts_status_check" CHECK ("deal_conflicts"."status" in ('open', 'resolved')),
	CONSTRAINT "deal_conflicts_resolution_check" CHECK (("deal_conflicts"."status" = 'open') = ("deal_conflicts"."winner_deal_id" is null))
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"company" text NOT NULL,
	"domain" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"estimated_value_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"expected_close_at" timestamp with time zone NOT NULL,
	"stage" text DEFAULT 'registered' NOT NULL,
	"in_conflict" text DEFAULT 'none' NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"protected_until" timestamp with time zone NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"registered_by_user_id" text,
	"crm_opportunity_id" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deals_stage_check" CHECK ("deals"."stage" in ('registered', 'accepted', 'won', 'lost', 'expired')),
	CONSTRAINT "deals_conflict_check" CHECK ("deals"."in_conflict" in ('none', 'open')),
	CONSTRAINT "deals_value_check" CHECK ("deals"."estimated_value_cents" >= 0),
	CONSTRAINT "deals_currency_check" CHECK ("deals"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "billing_invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"customer_id" text NOT NULL,
	"subscription_id" text,
	"charge_id" text,
	"payment_intent_id" text,
	"currency" text NOT NULL,
	"amount_paid" integer NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"lines" jsonb NOT NULL,
	"customer_email" text
);
--> statement-breakpoint
CREATE TABLE "billing_plan_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"subscription_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"old_sku" text NOT NULL,
	"new_sku" text NOT NULL,
	"old_amount" integer NOT NULL,
	"new_amount" integer NOT NULL,
	"currency" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"change_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_refunds" (
	"charge_id" text PRIMARY KEY NOT NULL,
	"invoice_id" text,
	"payment_intent_id" text,
	"customer_id" text,
	"refunded_cents" integer DEFAULT 0 NOT NULL,
	"disputed_cents" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commissions" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"attribution_id" text,
	"kind" text NOT NULL,
	"source_key" text NOT NULL,
	"invoice_id" text,
	"sku" text,
	"base_cents" integer NOT NULL,
	"rate_bps" integer,
	"gross_cents" integer NOT NULL,
	"refunded_cents" integer DEFAULT 0 NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"earned_at" timestamp with time zone NOT NULL,
	"hold_until" timestamp with time zone NOT NULL,
	"held_reasons" jsonb,
	"reviewed_by_user_id" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"reverses_commission_id" text,
	"payout_id" text,
	"paid_at" timestamp with time zone,
	"reversed_at" timestamp with time zone,
	"reversal_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commissions_kind_check" CHECK ("commissions"."kind" in ('subscription', 'add_on', 'bounty', 'proration', 'clawback')),
	CONSTRAINT "commissions_status_check" CHECK ("commissions"."status" in ('pending', 'payable', 'held', 'paid', 'reversed')),
	CONSTRAINT "commissions_amount_check" CHECK ("commissions"."amount_cents" = "commissions"."gross_cents" - "commissions"."refunded_cents"),
	CONSTRAINT "commissions_currency_check" CHECK ("commissions"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "commissions_paid_check" CHECK (("commissions"."status" = 'paid') = ("commissions"."paid_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"customer_id" text,
	"payload" jsonb NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crm_opportunities" ADD CONSTRAINT "crm_opportunities_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_attributions" ADD CONSTRAINT "customer_attributions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_clicks" ADD CONSTRAINT "link_clicks_link_id_tracking_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."tracking_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_links" ADD CONSTRAINT "tracking_links_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_links" ADD CONSTRAINT "tracking_links_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_conflicts" ADD CONSTRAINT "deal_conflicts_first_deal_id_deals_id_fk" FOREIGN KEY ("first_deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_conflicts" ADD CONSTRAINT "deal_conflicts_second_deal_id_deals_id_fk" FOREIGN KEY ("second_deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_conflicts" ADD CONSTRAINT "deal_conflicts_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_events_created_idx" ON "analytics_events" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "conversions_source_external_key" ON "conversions" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "conversions_customer_idx" ON "conversions" USING btree ("customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "conversions_partner_idx" ON "conversions" USING btree ("partner_id","occurred_at");--> statement-breakpoint
CREATE INDEX "conversions_unmatched_idx" ON "conversions" USING btree ("received_at") WHERE "conversions"."status" = 'unmatched';--> statement-breakpoint
CREATE INDEX "conversions_unprocessed_idx" ON "conversions" USING btree ("matched_at") WHERE "conversions"."status" = 'matched' and "conversions"."processed_at" is null;--> statement-breakpoint
CREATE INDEX "crm_opportunities_domain_idx" ON "crm_opportunities" USING btree ("domain");--> statement-breakpoint
CREATE INDEX "crm_opportunities_customer_idx" ON "crm_opportunities" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_attributions_customer_key" ON "customer_attributions" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customer_attributions_partner_idx" ON "customer_attributions" USING btree ("partner_id","matched_at");--> statement-breakpoint
CREATE INDEX "link_clicks_link_idx" ON "link_clicks" USING btree ("link_id","clicked_at");--> statement-breakpoint
CREATE INDEX "link_clicks_partner_idx" ON "link_clicks" USING btree ("partner_id","clicked_at");--> statement-breakpoint
CREATE INDEX "link_clicks_ip_idx" ON "link_clicks" USING btree ("ip_hash","clicked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_links_code_key" ON "tracking_links" USING btree ("code");--> statement-breakpoint
CREATE INDEX "tracking_links_partner_idx" ON "tracking_links" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deal_conflicts_second_key" ON "deal_conflicts" USING btree ("second_deal_id");--> statement-breakpoint
CREATE INDEX "deal_conflicts_open_idx" ON "deal_conflicts" USING btree ("created_at") WHERE "deal_conflicts"."status" = 'open';--> statement-breakpoint
CREATE INDEX "deals_domain_idx" ON "deals" USING btree ("domain");--> statement-breakpoint
CREATE INDEX "deals_partner_idx" ON "deals" USING btree ("partner_id","registered_at");--> statement-breakpoint
CREATE INDEX "deals_open_idx" ON "deals" USING btree ("protected_until") WHERE "deals"."stage" in ('registered', 'accepted');--> statement-breakpoint
CREATE UNIQUE INDEX "deals_partner_domain_open_key" ON "deals" USING btree ("partner_id","domain") WHERE "deals"."stage" in ('registered', 'accepted');--> statement-breakpoint
CREATE INDEX "billing_invoices_customer_idx" ON "billing_invoices" USING btree ("customer_id","paid_at");--> statement-breakpoint
CREATE INDEX "billing_invoices_charge_idx" ON "billing_invoices" USING btree ("charge_id");--> statement-breakpoint
CREATE INDEX "billing_invoices_pi_idx" ON "billing_invoices" USING btree ("payment_intent_id");--> statement-breakpoint
CREATE INDEX "billing_plan_changes_customer_idx" ON "billing_plan_changes" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "billing_refunds_invoice_idx" ON "billing_refunds" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "billing_refunds_pi_idx" ON "billing_refunds" USING btree ("payment_intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commissions_source_key" ON "commissions" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "commissions_partner_idx" ON "commissions" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "commissions_status_idx" ON "commissions" USING btree ("status","hold_until");--> statement-breakpoint
CREATE INDEX "commissions_customer_idx" ON "commissions" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "stripe_events_received_idx" ON "stripe_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "stripe_events_customer_idx" ON "stripe_events" USING btree ("customer_id");