// Deal registration rules. Pure: plain data and `now`.
//
// A registration protects the partner for 60 days (DEAL_POLICY) from the
// moment it is made. The key is the company's domain (lowercase, no "www.").
//
// CONFLICTS: when another partner already holds an open registration
// (registered or accepted, still protected) for the same domain, the new one is
// still recorded, but goes to the admins' conflict queue. Until an admin decides,
// the first valid registration wins (attribution uses the earliest one). The
// admin picks the winner with a reason; the loser's registration is closed as
// lost; both partners are told.
//
// STAGES: registered -> accepted (admin) -> won (the customer paid) ; any open
// stage -> lost (admin, or a lost conflict) ; registered/accepted -> expired
// (the protection ran out, by the daily job). Won, lost and expired are final,
// except that an admin may extend an expired registration back to life.
//
// Worked example: Brightpixel registers acme.example on March 1 (protected
// until April 30, reminder on April 23). Ledgerline registers acme.example on
// March 10: conflict, Brightpixel keeps it by default. The admin decides for
// Ledgerline ("introduced the buyer in January, email trail attached"):
// Brightpixel's deal is lost, Ledgerline's accepted.

import { DEAL_POLICY } from "./policy";

export const DEAL_STAGES = ["registered", "accepted", "won", "lost", "expired"] as const;
export type DealStage = (typeof DEAL_STAGES)[number];
export const OPEN_STAGES: readonly DealStage[] = ["registered", "accepted"];

export const DEAL_STAGE_LABELS: Record<DealStage, string> = {
  registered: "Registered",
  accepted: "Accepted",
  won: "Won",
  lost: "Lost",
  expired: "Expired",
};

const DAY_MS = 86_400_000;

export interface DealFacts {
  id: string;
  partnerId: string;
  domain: string;
  stage: DealStage;
  registeredAt: Date;
  protectedUntil: Date;
  reminderSentAt: Date | null;
}

export function isOpen(d: Pick<DealFacts, "stage" | "protectedUntil">, now: Date): boolean {
  return OPEN_STAGES.includes(d.stage) && d.protectedUntil.getTime() > now.getTime();
}

export type RegistrationDecision<D extends DealFacts = DealFacts> =
  | { ok: true; protectedUntil: Date; conflictWith: D | null }
  | { ok: false; code: "duplicate"; message: string };

/** What happens to a new registration for `domain` by `partnerId`, given the deals already on that domain. */
export function evaluateRegistration<D extends DealFacts>(args: { partnerId: string; domain: string; existing: readonly D[]; now: Date }): RegistrationDecision<D> {
  const open = args.existing.filter((d) => d.domain === args.domain && isOpen(d, args.now));
  if (open.some((d) => d.partnerId === args.partnerId)) {
    return { ok: false, code: "duplicate", message: `You already have an open registration for ${args.domain}` };
  }
  const first = [...open].sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime() || a.id.localeCompare(b.id))[0] ?? null;
  return { ok: true, protectedUntil: new Date(args.now.getTime() + DEAL_POLICY.protectionDays * DAY_MS), conflictWith: first };
}

const TRANSITIONS: Record<DealStage, readonly DealStage[]> = {
  registered: ["accepted", "won", "lost", "expired"],
  accepted: ["won", "lost", "expired"],
  won: [],
  lost: [],
  expired: [],
};

export function canMoveDeal(from: DealStage, to: DealStage): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Open and past its protection: the daily job expires it. */
export function isExpiryDue(d: Pick<DealFacts, "stage" | "protectedUntil">, now: Date): boolean {
  return OPEN_STAGES.includes(d.stage) && d.protectedUntil.getTime() <= now.getTime();
}

/** Open, not reminded yet, and within `reminderDaysBefore` of the end of protection. */
export function isReminderDue(d: Pick<DealFacts, "stage" | "protectedUntil" | "reminderSentAt">, now: Date): boolean {
  if (!OPEN_STAGES.includes(d.stage) || d.reminderSentAt) return false;
  const left = d.protectedUntil.getTime() - now.getTime();
  return left > 0 && left <= DEAL_POLICY.reminderDaysBefore * DAY_MS;
}

/**
 * The new end of protection after an admin extends by `days`: from the current
 * end, or from now if it already ran out. An expired deal comes back as registered.
 */
export function extension(d: Pick<DealFacts, "stage" | "protectedUntil">, days: number, now: Date): { protectedUntil: Date; stage: DealStage } | null {
  if (!Number.isInteger(days) || days < 1 || days > DEAL_POLICY.maxExtensionDays) return null;
  if (d.stage !== "expired" && !OPEN_STAGES.includes(d.stage)) return null;
  const from = Math.max(d.protectedUntil.getTime(), now.getTime());
  return { protectedUntil: new Date(from + days * DAY_MS), stage: d.stage === "expired" ? "registered" : d.stage };
}

export function daysLeft(protectedUntil: Date, now: Date): number {
  return Math.max(0, Math.ceil((protectedUntil.getTime() - now.getTime()) / DAY_MS));
}
