import "server-only";
import { getDb, type Queryable } from "@/db/client";
import { auditMany, type AuditInput } from "@/lib/audit/audit";
import { systemActor } from "@/lib/audit/actor";
import { badgesChanged } from "@/lib/badges/invalidate";
import { sendEmails, type BulkEmail } from "@/lib/email/send-email";
import { certificationNoticeEmail } from "@/lib/email/templates";
import { getEnv } from "@/lib/env";
import { emitMany } from "@/lib/events/emit";
import type { EventData } from "@/lib/events/registry";
import { log } from "@/lib/log";
import { TIER_LABELS, type Tier } from "@/lib/partners/constants";
import { BADGE_LABELS, planBadges, type PlannedBadge } from "./badge-sync";
import { evaluatePartner, PROBATION_DAYS, type PartnerDecision } from "./evaluate";
import { DAY_MS } from "./math";
import { reminderToSend } from "./reminders";
import {
  adminEmails,
  badgesOf,
  insertTierChanges,
  loadEvidence,
  ownerEmails,
  setPartnerProbations,
  setPartnerTiers,
  upsertBadges,
  upsertCertifications,
  type CertificationWrite,
  type ProbationWrite,
  type TierChangeInsert,
} from "./store";

// The nightly certification evaluation (cron): load every partner's evidence
// set-based, run the pure engine (evaluatePartner), and write only what
// changed — certification status, tier (with history), probation, badges —
// each change audited and emitted as a webhook event, in one transaction.
// The writes are set-based too: a handful of statements per kind of row
// (multi-row inserts, UPDATE ... FROM a JSON recordset), not one per partner.
// Emails (certified, renewed, expired, tier changes, reminders, quality
// alerts) go out after commit. A second run over the same data changes nothing.

const ACTOR = systemActor("cron:certification", "Certification evaluation");

export interface PartnerChange {
  partnerId: string;
  partnerName: string;
  what: string;
  why: string;
}

export interface CertificationRunResult {
  processed: number;
  skipped: number;
  changed: number;
  certified: number;
  renewed: number;
  expired: number;
  tierChanges: number;
  badgeChanges: number;
  reminders: number;
  /** What changed and why (the first 100). */
  changes: PartnerChange[];
}

const REASON_TEXT: Record<PartnerDecision["tier"]["reason"], string> = {
  none: "",
  thresholds: "Tier thresholds",
  miss_twice: "Missed the TTI bar twice in 30 days",
  probation: "Certification probation (first 60 days at Verified)",
};

interface Plan {
  partnerId: string;
  name: string;
  decision: PartnerDecision;
  tierTo: Tier;
  tierNote: string;
  cert: CertificationWrite | null;
  statusChanged: boolean;
  reminder: "first" | "final" | null;
  badges: PlannedBadge[];
  probationSync: { probation: boolean; endsAt: Date | null } | null;
}

/** The events a run emits. */
type RunEvent = "partner.certification.changed" | "partner.tier.changed" | "partner.badge.awarded" | "partner.badge.revoked" | "partner.badge.changed";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

export async function runCertification(args: {
  now: Date;
  partnerIds?: readonly string[] | null;
  /** Send the emails (after commit). Off for the demo seed, which runs inside its own transaction. */
  notify?: boolean;
  /** Emit webhook events. Off for the demo seed (its state is the starting point, not news). */
  events?: boolean;
  db?: Queryable;
}): Promise<CertificationRunResult> {
  const { now } = args;
  const db = args.db ?? (await getDb());
  const emitting = args.events !== false;
  const ids = args.partnerIds ?? null;
  const [{ evidence, meta }, badges] = await Promise.all([loadEvidence(db, ids, now), badgesOf(db, ids)]);

  const plans: Plan[] = [];
  for (const e of evidence.values()) {
    const m = meta.get(e.partnerId)!;
    const decision = evaluatePartner(e, now);
    const c = decision.certification;
    const overridden = m.tierOverrideUntil !== null && m.tierOverrideUntil.getTime() > now.getTime();
    const tierTo = overridden ? e.tier : decision.tier.to;
    const tierNote =
      decision.tier.reason === "miss_twice"
        ? `${decision.misses.length} installs over their TTI bar in 30 days`
        : decision.tier.reason === "probation"
          ? "Held at Verified during the 60-day probation"
          : `Tier thresholds ${tierTo === "verified" ? "for Advanced no longer hold" : `for ${TIER_LABELS[tierTo]} hold`}`;
    const reminder = c.reminderDue ? reminderToSend(c.expiresAt, m.lastReminderAt, now) : null;
    const lastDowngradeAt = tierTo !== e.tier && decision.tier.reason === "miss_twice" ? now : e.lastDowngradeAt;
    const write: CertificationWrite = {
      partnerId: e.partnerId,
      status: c.after,
      certifiedAt: c.certifiedAt,
      expiresAt: c.expiresAt,
      lastDowngradeAt,
      lastReminderAt: reminder ? now : m.lastReminderAt,
      requirementsMet: decision.track.met,
      requirementsTotal: decision.track.requirements.length,
    };
    const certDiffers =
      !m.hasRow ||
      c.after !== e.recordedStatus ||
      !same(c.certifiedAt, e.certifiedAt) ||
      !same(c.expiresAt, e.expiresAt) ||
      !same(lastDowngradeAt, e.lastDowngradeAt) ||
      reminder !== null ||
      decision.track.met !== m.requirementsMet ||
      decision.track.requirements.length !== m.requirementsTotal;
    const planned = planBadges({ track: e.track, tier: tierTo, status: c.after, expiresAt: c.expiresAt, earned: decision.badges, existing: badges.get(e.partnerId) ?? [], now });
    let probationSync: Plan["probationSync"] = null;
    if (c.after === "probation" && m.partnerStatus === "active") probationSync = { probation: true, endsAt: new Date(c.certifiedAt!.getTime() + PROBATION_DAYS * DAY_MS) };
    else if ((c.after === "certified" || c.after === "recertifying") && m.partnerStatus === "probation") probationSync = { probation: false, endsAt: null };
    if (!certDiffers && tierTo === e.tier && planned.length === 0 && !probationSync) continue;
    plans.push({
      partnerId: e.partnerId,
      name: m.name,
      decision,
      tierTo,
      tierNote,
      cert: certDiffers ? write : null,
      statusChanged: c.after !== e.recordedStatus || c.action === "renew",
      reminder,
      badges: planned,
      probationSync,
    });
  }

  const result: CertificationRunResult = { processed: evidence.size, skipped: evidence.size - plans.length, changed: 0, certified: 0, renewed: 0, expired: 0, tierChanges: 0, badgeChanges: 0, reminders: 0, changes: [] };
  if (!plans.length) return result;

  const note = (p: Plan, what: string, why: string) => {
    if (result.changes.length < 100) result.changes.push({ partnerId: p.partnerId, partnerName: p.name, what, why });
  };
  const badgeIds: string[] = [];
  await db.transaction(async (tx) => {
    await upsertCertifications(tx, plans.flatMap((p) => (p.cert ? [p.cert] : [])), now);
    const upserts = plans.flatMap((p) => p.badges.map((b) => ({ partnerId: p.partnerId, badge: b.badge, kind: b.kind, tier: b.tier, state: b.state, issuedAt: b.issuedAt, expiresAt: b.expiresAt })));
    const written = await upsertBadges(tx, upserts, now);
    const idOf = new Map(written.map((w) => [`${w.partnerId}:${w.badge}`, w.id]));
    badgeIds.push(...written.map((w) => w.id));

    // Every partner's rows first (in the order one partner after another would
    // write them), then one statement per kind of row, whatever the number of partners.
    const audits: AuditInput[] = [];
    const tiers: { partnerId: string; tier: Tier }[] = [];
    const history: TierChangeInsert[] = [];
    const probation: ProbationWrite[] = [];
    const emitted: { [T in RunEvent]: { partnerId: string; data: EventData<T> }[] } = {
      "partner.certification.changed": [],
      "partner.tier.changed": [],
      "partner.badge.awarded": [],
      "partner.badge.revoked": [],
      "partner.badge.changed": [],
    };
    for (const p of plans) {
      const d = p.decision;
      const c = d.certification;
      const e = evidence.get(p.partnerId)!;
      if (p.statusChanged) {
        audits.push({
          actor: ACTOR,
          action: "certification.changed",
          object: { type: "partner", id: p.partnerId },
          partnerId: p.partnerId,
          before: { status: e.recordedStatus, expiresAt: iso(e.expiresAt) },
          after: { status: c.after, certifiedAt: iso(c.certifiedAt), expiresAt: iso(c.expiresAt) },
          meta: { action: c.action, requirementsMet: d.track.met, requirementsTotal: d.track.requirements.length },
          at: now,
        });
        emitted["partner.certification.changed"].push({
          partnerId: p.partnerId,
          data: { from: e.recordedStatus, to: c.after, action: c.action, certifiedAt: iso(c.certifiedAt), expiresAt: iso(c.expiresAt), changedAt: now.toISOString() },
        });
        if (c.action === "certify" || c.action === "recertify") result.certified += 1;
        if (c.action === "renew") result.renewed += 1;
        if (c.action === "expire") result.expired += 1;
        note(p, `Certification ${e.recordedStatus} → ${c.after}`, c.action === "none" ? "Dates" : c.action);
      }
      if (p.tierTo !== d.tier.from) {
        tiers.push({ partnerId: p.partnerId, tier: p.tierTo });
        history.push({ partnerId: p.partnerId, fromTier: d.tier.from, toTier: p.tierTo, reason: d.tier.reason === "none" ? "thresholds" : d.tier.reason, note: p.tierNote, actorLabel: ACTOR.label, at: now });
        audits.push({
          actor: ACTOR,
          action: "partner.tier_changed",
          object: { type: "partner", id: p.partnerId },
          partnerId: p.partnerId,
          before: { tier: d.tier.from },
          after: { tier: p.tierTo },
          meta: { reason: d.tier.reason, note: p.tierNote, misses: d.misses.length },
          at: now,
        });
        emitted["partner.tier.changed"].push({ partnerId: p.partnerId, data: { from: d.tier.from, to: p.tierTo, effectiveAt: now.toISOString(), reason: `${REASON_TEXT[d.tier.reason]}: ${p.tierNote}` } });
        result.tierChanges += 1;
        note(p, `Tier ${d.tier.from} → ${p.tierTo}`, p.tierNote);
      }
      if (p.probationSync) probation.push({ partnerId: p.partnerId, ...p.probationSync });
      for (const b of p.badges) {
        const badgeId = idOf.get(`${p.partnerId}:${b.badge}`);
        if (!badgeId) continue;
        audits.push({
          actor: ACTOR,
          action: b.change === "awarded" ? "badge.awarded" : b.change === "revoked" ? "badge.expired" : "badge.changed",
          object: { type: "badge", id: badgeId },
          partnerId: p.partnerId,
          before: b.before ? { state: b.before.state, tier: b.before.tier, expiresAt: iso(b.before.expiresAt) } : null,
          after: { state: b.state, tier: b.tier, expiresAt: iso(b.expiresAt) },
          meta: { badge: b.badge },
          at: now,
        });
        if (b.change === "awarded") {
          emitted["partner.badge.awarded"].push({ partnerId: p.partnerId, data: { badgeId, kind: b.badge, label: BADGE_LABELS[b.badge], awardedAt: now.toISOString(), expiresAt: iso(b.expiresAt) } });
        } else if (b.change === "revoked") {
          const reason = b.kind === "track" ? "Certification expired" : `${BADGE_LABELS[b.badge]} criteria no longer met`;
          emitted["partner.badge.revoked"].push({ partnerId: p.partnerId, data: { badgeId, kind: b.badge, revokedAt: now.toISOString(), reason } });
        } else {
          emitted["partner.badge.changed"].push({ partnerId: p.partnerId, data: { badgeId, kind: b.badge, state: b.state, tier: b.tier, changedAt: now.toISOString() } });
        }
        result.badgeChanges += 1;
        note(p, `${BADGE_LABELS[b.badge]} ${b.before?.state ?? "none"} → ${b.state}${b.tier && b.tier !== b.before?.tier ? ` (${b.tier})` : ""}`, b.change);
      }
      if (p.reminder) result.reminders += 1;
    }

    await setPartnerTiers(tx, tiers, now);
    await insertTierChanges(tx, history);
    await setPartnerProbations(tx, probation, now);
    await auditMany(tx, audits);
    // The seed's starting state is audited, not announced.
    if (emitting) {
      await emitMany(tx, "partner.certification.changed", now, emitted["partner.certification.changed"]);
      await emitMany(tx, "partner.tier.changed", now, emitted["partner.tier.changed"]);
      await emitMany(tx, "partner.badge.awarded", now, emitted["partner.badge.awarded"]);
      await emitMany(tx, "partner.badge.revoked", now, emitted["partner.badge.revoked"]);
      await emitMany(tx, "partner.badge.changed", now, emitted["partner.badge.changed"]);
    }
  });
  result.changed = plans.length;
  if (badgeIds.length) badgesChanged(badgeIds);
  if (args.notify !== false) await notify(plans, now);
  return result;
}

async function notify(plans: Plan[], now: Date): Promise<void> {
  const db = await getDb();
  const base = getEnv().APP_URL.replace(/\/$/, "");
  const consoleUrl = `${base}/console/certification`;
  const owners = await ownerEmails(db, plans.map((p) => p.partnerId));
  const admins = plans.some((p) => p.decision.tier.reason === "miss_twice" && p.tierTo !== p.decision.tier.from) ? await adminEmails(db) : [];
  const out: BulkEmail[] = [];
  const fmt = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");
  for (const p of plans) {
    const c = p.decision.certification;
    const missing = p.decision.track.requirements.filter((r) => !r.met).map((r) => `Missing: ${r.label} — ${r.nextStep ?? ""}`);
    const notices: { kind: string; subject: string; heading: string; lines: string[]; cta: string; admins?: boolean }[] = [];
    if (c.action === "certify" || c.action === "recertify")
      notices.push({ kind: "certification_certified", subject: `${p.name} is certified`, heading: "You are certified", lines: [`Your certification runs until ${fmt(c.expiresAt)}.`, "The first 60 days are probation: your badges show gray and your tier is Verified until it ends."], cta: "Open certification" });
    if (c.action === "renew") notices.push({ kind: "certification_renewed", subject: `Certification renewed until ${fmt(c.expiresAt)}`, heading: "Certification renewed", lines: [`Your certification now runs until ${fmt(c.expiresAt)}.`], cta: "Open certification" });
    if (c.action === "expire") notices.push({ kind: "certification_expired", subject: `${p.name}: certification expired`, heading: "Your certification expired", lines: ["Your badges now show as expired. Meet the requirements again to re-certify.", ...missing], cta: "See what is missing" });
    if (p.reminder)
      notices.push({ kind: "certification_reminder", subject: `Re-certify by ${fmt(c.expiresAt)}`, heading: p.reminder === "final" ? "Your certification expires within a week" : "Time to re-certify", lines: [`Your certification expires on ${fmt(c.expiresAt)}. Meet every requirement before then and it renews for a year.`, ...missing], cta: "See what is missing" });
    if (p.tierTo !== p.decision.tier.from) {
      const from = TIER_LABELS[p.decision.tier.from];
      const to = TIER_LABELS[p.tierTo];
      notices.push({ kind: "tier_changed", subject: `Your tier changed: ${from} → ${to}`, heading: `Your tier is now ${to}`, lines: [`Reason: ${p.tierNote}.`, "Tier benefits (commission rates, MDF, co-selling, directory placement) follow the new tier."], cta: "Open your scorecard", admins: p.decision.tier.reason === "miss_twice" });
    }
    for (const n of notices) {
      const email = certificationNoticeEmail({ partnerName: p.name, subject: n.subject, heading: n.heading, lines: n.lines, consoleUrl: n.kind === "tier_changed" ? `${base}/console/scorecard` : consoleUrl, cta: n.cta });
      for (const to of owners.get(p.partnerId) ?? []) out.push({ to, partnerId: p.partnerId, kind: n.kind, email });
      if (n.admins) {
        const alert = certificationNoticeEmail({ partnerName: p.name, subject: `Quality alert: ${p.name} moved down to ${TIER_LABELS[p.tierTo]}`, heading: "Quality alert", lines: [`${p.name}: ${p.tierNote}.`, ...p.decision.alerts], consoleUrl: `${base}/admin/certification/partners/${p.partnerId}`, cta: "Open the partner" });
        for (const to of admins) out.push({ to, partnerId: p.partnerId, kind: "quality_alert", email: alert });
      }
    }
  }
  try {
    await sendEmails(out, now);
  } catch (error) {
    log.warn("certification emails failed", { count: out.length, error: (error as Error).message });
  }
}
