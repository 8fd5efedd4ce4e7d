import { DAY_MS } from "./math";
import { RECERTIFICATION_WINDOW_DAYS } from "./evaluate";

// Re-certification reminders: one when the 30-day window opens, a last one in
// the final 7 days. Each is sent once per certification cycle, whatever how
// often the evaluation runs.

export const FINAL_REMINDER_DAYS = 7;

export function reminderToSend(expiresAt: Date | null, lastReminderAt: Date | null, now: Date): "first" | "final" | null {
  if (!expiresAt || now.getTime() >= expiresAt.getTime()) return null;
  const left = expiresAt.getTime() - now.getTime();
  if (left > RECERTIFICATION_WINDOW_DAYS * DAY_MS) return null;
  const windowOpened = expiresAt.getTime() - RECERTIFICATION_WINDOW_DAYS * DAY_MS;
  const finalOpened = expiresAt.getTime() - FINAL_REMINDER_DAYS * DAY_MS;
  const last = lastReminderAt?.getTime() ?? -Infinity;
  if (left <= FINAL_REMINDER_DAYS * DAY_MS) return last < finalOpened ? "final" : null;
  return last < windowOpened ? "first" : null;
}
