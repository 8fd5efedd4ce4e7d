// Survey rules: who is asked, when they are reminded, when a link stops working.

/** An invitation link works this long after it was sent. */
export const INVITATION_TTL_DAYS = 30;
/** One reminder, this many days after the invitation, if there is no answer yet. */
export const REMINDER_AFTER_DAYS = 7;
export const MAX_REMINDERS = 1;
/** Customers are asked about a partner once the install has been verified this long. */
export const CUSTOMER_SURVEY_AFTER_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

export function invitationExpiresAt(sentAt: Date): Date {
  return new Date(sentAt.getTime() + INVITATION_TTL_DAYS * DAY_MS);
}

export type TokenState = "open" | "answered" | "expired";

export function invitationState(inv: { respondedAt: Date | null; expiresAt: Date }, now: Date): TokenState {
  if (inv.respondedAt) return "answered";
  if (now >= inv.expiresAt) return "expired";
  return "open";
}

export function reminderDue(
  inv: { sentAt: Date; respondedAt: Date | null; reminders: number; expiresAt: Date },
  now: Date,
): boolean {
  return (
    inv.respondedAt === null &&
    inv.reminders < MAX_REMINDERS &&
    now < inv.expiresAt &&
    now.getTime() - inv.sentAt.getTime() >= REMINDER_AFTER_DAYS * DAY_MS
  );
}

/** A customer is asked once the install is verified and has run for a while. */
export function customerSurveyDue(install: { verifiedAt: Date | null; customerEmail: string | null }, now: Date): boolean {
  return Boolean(install.customerEmail && install.verifiedAt && now.getTime() - install.verifiedAt.getTime() >= CUSTOMER_SURVEY_AFTER_DAYS * DAY_MS);
}
