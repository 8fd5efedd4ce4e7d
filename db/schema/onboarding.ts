import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { partners, users } from "./core";

// The console's first-run checklist ticks itself from each area's data; the
// only thing it stores is that a partner put it away once everything was done.

export const onboardingDismissals = pgTable("onboarding_dismissals", {
  partnerId: text("partner_id")
    .primaryKey()
    .references(() => partners.id, { onDelete: "cascade" }),
  dismissedAt: timestamp("dismissed_at", { withTimezone: true, mode: "date" }).notNull(),
  dismissedByUserId: text("dismissed_by_user_id").references(() => users.id, { onDelete: "set null" }),
});
