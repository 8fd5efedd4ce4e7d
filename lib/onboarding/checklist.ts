import "server-only";
import { missingPrerequisites } from "@/lib/payouts/rules";
import { prerequisiteFacts } from "@/lib/payouts/store";
import { payoutMode } from "@/lib/payouts/views";
import { and, count, eq, inArray, lte, sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { installs, onboardingDismissals, partnerBadges, partners } from "@/db/schema";
import { TRACK_REQUIREMENTS } from "@/lib/certification/requirements";
import type { LegalDocument } from "@/lib/legal/constants";
import { hasSignedCurrentAgreements } from "@/lib/legal/signatures";
import { listingCompleteness, type ListingCompleteness } from "@/lib/partners/rules";
import type { Track } from "@/lib/partners/constants";

// The console's first-run checklist. Nothing is ticked by hand: every step is
// read from the area that owns it (agreements, listing, payouts, installs,
// certification quizzes, badges), here and only here, into plain facts; the
// pure buildChecklist() turns the facts into steps. An area whose tables are
// not in this database yet reads as "not done", and its step links to the
// console page where it will be done.

export interface OnboardingFacts {
  track: Track;
  /** Documents the partner still has to sign (lib/legal/signatures.ts). */
  agreementsMissing: LegalDocument[];
  listing: ListingCompleteness;
  /** null when the payouts area is not installed. */
  payoutsConnected: boolean | null;
  installs: number;
  /** The track's first quiz (or the runbook review on tracks without one): passed, failed or unknown (null). */
  quizPassed: boolean | null;
  /** Badges currently shown (active or on probation). */
  liveBadges: number;
  /** Whether the badge has been seen embedded on a site; null when embeds are not tracked. */
  badgeEmbedSeen: boolean | null;
  dismissedAt: Date | null;
}

export type StepId = "terms" | "listing" | "payouts" | "install" | "quiz" | "badge";

export interface ChecklistStep {
  id: StepId;
  label: string;
  /** What the step is about, or where the partner stands. */
  detail: string;
  done: boolean;
  href: string;
  cta: string;
  /** Reading that helps with the step. */
  guide?: { href: string; label: string };
}

export interface Checklist {
  steps: ChecklistStep[];
  done: number;
  total: number;
  complete: boolean;
  dismissed: boolean;
  /** Shown until it is complete and dismissed. */
  visible: boolean;
}

/** The first quiz a track requires, if any. */
export function trackQuiz(track: Track): { assessment: string; label: string } | null {
  const quiz = TRACK_REQUIREMENTS[track].find((r) => r.kind === "quiz");
  return quiz && quiz.kind === "quiz" ? { assessment: quiz.assessment, label: quiz.label } : null;
}

/** "Installer playbook quiz" -> "installer playbook quiz"; acronyms ("SOC 2 ...") keep their case. */
function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** Pure: the steps, in the order a new partner takes them. */
export function buildChecklist(f: OnboardingFacts): Checklist {
  const quiz = trackQuiz(f.track);
  const playbook = `/program/playbooks/${f.track}`;
  const badgeDone = f.badgeEmbedSeen ?? f.liveBadges > 0;
  const steps: ChecklistStep[] = [
    {
      id: "terms",
      label: "Accept the program terms",
      detail:
        f.agreementsMissing.length === 0
          ? "The current Master Partner Agreement and Marketplace Terms are signed."
          : `An owner signs the ${f.agreementsMissing.map((d) => (d === "master_agreement" ? "Master Partner Agreement" : "Marketplace Terms")).join(" and ")}.`,
      done: f.agreementsMissing.length === 0,
      href: "/console/agreements",
      cta: "Review and sign",
    },
    {
      id: "listing",
      label: "Complete your directory listing",
      detail: f.listing.missing.length === 0 ? "Everything prospects look for is in place." : `${f.listing.done} of ${f.listing.total} essentials in place; next: ${f.listing.missing[0]!.toLowerCase()}.`,
      done: f.listing.missing.length === 0,
      href: "/console/listing",
      cta: "Edit listing",
    },
    {
      id: "payouts",
      label: "Connect payouts",
      detail: f.payoutsConnected ? "Your payout account is connected." : "Connect a payout account and add your tax details so commissions can be paid.",
      done: f.payoutsConnected === true,
      href: "/console/payouts",
      cta: "Set up payouts",
    },
    {
      id: "install",
      label: "Record your first install",
      detail: f.installs > 0 ? `${f.installs} install${f.installs === 1 ? "" : "s"} recorded.` : "Record a customer site and run its first survival check.",
      done: f.installs > 0,
      href: "/console/installs",
      cta: "Record an install",
    },
    quiz
      ? {
          id: "quiz",
          label: `Take the ${lowerFirst(quiz.label)}`,
          detail: f.quizPassed ? "Passed." : f.quizPassed === false ? "Not passed yet: read the playbook again and retake it." : "The questions come from your track's playbook.",
          done: f.quizPassed === true,
          href: `/console/certification/quizzes/${quiz.assessment}`,
          cta: "Take the quiz",
          guide: { href: playbook, label: "Read the playbook" },
        }
      : {
          id: "quiz",
          label: "Submit your canary and rollback runbook",
          detail: f.quizPassed ? "Validated." : "Write it from the playbook's canary and rollback runbook, then submit it for review.",
          done: f.quizPassed === true,
          href: "/console/certification",
          cta: "Open certification",
          guide: { href: playbook, label: "Read the playbook" },
        },
    {
      id: "badge",
      label: "Embed your badge",
      detail: badgeDone
        ? f.badgeEmbedSeen
          ? "Your badge is live on your site."
          : "Your badge is issued: copy its embed code to your site."
        : "Your badge is issued once your certification starts; then add its embed code to your site.",
      done: badgeDone,
      href: "/console/badges",
      cta: "Get the embed code",
    },
  ];
  const done = steps.filter((s) => s.done).length;
  const complete = done === steps.length;
  const dismissed = f.dismissedAt !== null;
  return { steps, done, total: steps.length, complete, dismissed, visible: !(complete && dismissed) };
}

// ---------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------

async function tableExists(db: Queryable, name: string): Promise<boolean> {
  const [row] = await queryRows<{ t: string | null }>(db, sql`select to_regclass(${`public.${name}`})::text as t`);
  return Boolean(row?.t);
}

/**
 * Payouts set up: the payout run's prerequisites are in place (payout terms,
 * a verified tax form and, when payouts go through Stripe, an enabled
 * connected account), read from the payouts area itself.
 */
async function readPayoutsConnected(db: Queryable, partnerId: string, now: Date): Promise<boolean | null> {
  const facts = await prerequisiteFacts(db, partnerId, now);
  // Signing the agreements is a step of its own ("terms").
  return missingPrerequisites(facts, payoutMode()).filter((m) => m !== "agreements").length === 0;
}

/** Best quiz score reaching the pass mark, from the certification area's attempts; null without that area. */
async function readQuizPassed(db: Queryable, partnerId: string, track: Track): Promise<boolean | null> {
  const quiz = trackQuiz(track);
  if (!quiz) return null;
  try {
    if (!(await tableExists(db, "quiz_attempts"))) return null;
    const [row] = await queryRows<{ passed: boolean }>(
      db,
      sql`select coalesce(bool_or(passed), false) as passed from quiz_attempts where partner_id = ${partnerId} and assessment = ${quiz.assessment}`,
    );
    return row?.passed ?? false;
  } catch {
    return null;
  }
}

export async function onboardingFacts(db: Queryable, partnerId: string, now: Date): Promise<OnboardingFacts | null> {
  const [partner] = await db.select().from(partners).where(eq(partners.id, partnerId));
  if (!partner) return null;
  const [signed, [installCount], [badgeCount], [dismissal], payoutsConnected, quizPassed] = await Promise.all([
    hasSignedCurrentAgreements(db, partnerId, now),
    db.select({ n: count() }).from(installs).where(and(eq(installs.partnerId, partnerId), lte(installs.startedAt, now))),
    db.select({ n: count() }).from(partnerBadges).where(and(eq(partnerBadges.partnerId, partnerId), inArray(partnerBadges.state, ["active", "probation"]))),
    db.select().from(onboardingDismissals).where(eq(onboardingDismissals.partnerId, partnerId)),
    readPayoutsConnected(db, partnerId, now),
    readQuizPassed(db, partnerId, partner.track),
  ]);
  return {
    track: partner.track,
    agreementsMissing: signed.missing,
    listing: listingCompleteness(partner),
    payoutsConnected,
    installs: installCount?.n ?? 0,
    quizPassed,
    liveBadges: badgeCount?.n ?? 0,
    badgeEmbedSeen: null,
    dismissedAt: dismissal?.dismissedAt ?? null,
  };
}

export async function insertDismissal(db: Queryable, partnerId: string, userId: string | null, now: Date): Promise<boolean> {
  const rows = await db
    .insert(onboardingDismissals)
    .values({ partnerId, dismissedAt: now, dismissedByUserId: userId })
    .onConflictDoNothing()
    .returning();
  return rows.length > 0;
}
