// Deal registration settings, as data.
export const DEAL_POLICY = {
  /** A registration protects the partner for this many days. */
  protectionDays: 60,
  /** The partner is reminded this many days before protection ends. */
  reminderDaysBefore: 7,
  /** An admin extends by at most this many days at a time. */
  maxExtensionDays: 90,
} as const;
