import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  auditEvents,
  certifications,
  emailOutbox,
  events,
  installs,
  npsInvitations,
  npsResponses,
  npsSurveys,
  partnerBadges,
  partners,
  quizAttempts,
  survivalChecks,
  tierChanges,
  webhookDeliveries,
} from "@/db/schema";
import type { Tier } from "@/lib/partners/constants";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { addEndpoint } from "@/lib/testing/webhooks";
import { setEndpointEnabled } from "@/lib/webhooks/set-endpoint-status";
import { runCertification } from "./run-certification";

// One run over partners in every state the nightly evaluation handles, checked
// row by row: the audit trail, the events and their webhook deliveries, the
// tier history, the partners' tier and probation, the badges, the emails, the
// result (counts and the list of changes), and that a second run changes nothing.

const DAY = 86_400_000;
const MIN = 60_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const iso = (days: number) => at(days).toISOString();
const ACTOR = { actorType: "system", actorId: "cron:certification", actorLabel: "Certification evaluation" };

type Team = Awaited<ReturnType<typeof makeTeam>>;

async function fastInstalls(partnerId: string, n: number) {
  const db = await getDb();
  for (let i = 0; i < n; i++) {
    const stack = (["wordpress", "shopify", "workers"] as const)[i % 3]!;
    const startedAt = at(-(20 + i));
    const [row] = await db
      .insert(installs)
      .values({ partnerId, stack, siteUrl: `https://${partnerId}-${i}.example`, customerName: `C${i}`, startedAt, verifiedAt: new Date(startedAt.getTime() + 10 * MIN), source: "console" })
      .returning();
    await db.insert(survivalChecks).values({ installId: row!.id, partnerId, stack, checkedAt: at(-1), assetsChecked: 1000, assetsSurvived: 1000, survivedRemote: 1000, source: "seed" });
  }
}

async function passedQuiz(partnerId: string) {
  const db = await getDb();
  await db.insert(quizAttempts).values({ partnerId, assessment: "installer_playbook", questionIds: [], choiceOrder: [], answers: [], startedAt: at(-5), deadlineAt: new Date(at(-5).getTime() + 15 * MIN), submittedAt: new Date(at(-5).getTime() + 10 * MIN), correct: 10, scorePct: 100, passed: true });
}

async function promoters(partnerId: string, n: number) {
  const db = await getDb();
  let [survey] = await db.select().from(npsSurveys).where(and(eq(npsSurveys.audience, "customer"), eq(npsSurveys.quarter, "2026-Q1")));
  survey ??= (await db.insert(npsSurveys).values({ audience: "customer", quarter: "2026-Q1", openedAt: at(-60), closesAt: at(30) }).returning())[0];
  for (let i = 0; i < n; i++) {
    const [inv] = await db.insert(npsInvitations).values({ surveyId: survey!.id, partnerId, email: `c${i}@${partnerId}.example`, tokenHash: `${partnerId}-${i}`, sentAt: at(-40), expiresAt: at(10), respondedAt: at(-30) }).returning();
    await db.insert(npsResponses).values({ invitationId: inv!.id, surveyId: survey!.id, audience: "customer", quarter: "2026-Q1", partnerId, score: 10, respondedAt: at(-30) });
  }
}

async function certification(partnerId: string, values: Omit<typeof certifications.$inferInsert, "partnerId">) {
  const db = await getDb();
  await db.insert(certifications).values({ partnerId, ...values });
}

async function badge(partnerId: string, values: { badge: (typeof partnerBadges.$inferInsert)["badge"]; kind: "track" | "performance"; tier?: Tier | null; state: "active" | "probation" | "expired" | "revoked"; expiresAt?: Date | null }) {
  const db = await getDb();
  await db.insert(partnerBadges).values({ partnerId, tier: null, expiresAt: null, issuedAt: at(-300), stateChangedAt: at(-200), revokedReason: values.state === "revoked" ? "Misuse" : null, ...values });
}

/** Partners in every state the run handles, named by what happens to them. */
async function buildFixture() {
  const t: Record<string, Team> = {};
  // Meets every requirement for the first time: certified, held at Verified for the probation.
  t.certify = await makeTeam({ track: "installer", tier: "advanced" });
  await fastInstalls(t.certify.partner.id, 3);
  await passedQuiz(t.certify.partner.id);
  // In the re-certification window and meeting every requirement: renewed for a year.
  t.renew = await makeTeam({ track: "installer", tier: "verified" });
  await fastInstalls(t.renew.partner.id, 3);
  await passedQuiz(t.renew.partner.id);
  await certification(t.renew.partner.id, { status: "recertifying", certifiedAt: at(-350), expiresAt: at(15), requirementsMet: 4, requirementsTotal: 4 });
  await badge(t.renew.partner.id, { badge: "certified_installer", kind: "track", tier: "verified", state: "active", expiresAt: at(15) });
  await badge(t.renew.partner.id, { badge: "fast_installer", kind: "performance", state: "active" });
  // Lapsed without renewal: expired; its track and performance badges lapse, a revoked one stays.
  t.expire = await makeTeam({ track: "auditor", tier: "advanced" });
  await certification(t.expire.partner.id, { status: "recertifying", certifiedAt: at(-400), expiresAt: at(-35) });
  await badge(t.expire.partner.id, { badge: "certified_auditor", kind: "track", tier: "advanced", state: "active", expiresAt: at(-35) });
  await badge(t.expire.partner.id, { badge: "five_star_nps", kind: "performance", state: "active" });
  await badge(t.expire.partner.id, { badge: "compliance_pro", kind: "performance", state: "revoked" });
  // Two installs over the WordPress bar in 30 days: down one tier.
  t.missTwice = await makeTeam({ track: "installer", tier: "advanced" });
  await certification(t.missTwice.partner.id, { status: "certified", certifiedAt: at(-120), expiresAt: at(245) });
  await badge(t.missTwice.partner.id, { badge: "certified_installer", kind: "track", tier: "advanced", state: "active", expiresAt: at(245) });
  const db = await getDb();
  for (const d of [5, 3]) {
    const startedAt = at(-d);
    await db.insert(installs).values({ partnerId: t.missTwice.partner.id, stack: "wordpress", siteUrl: `https://m${d}.example`, customerName: "M", startedAt, verifiedAt: new Date(startedAt.getTime() + 40 * MIN), source: "console" });
  }
  // Certified at Verified, now holding Advanced's thresholds: up one tier, and Fast Installer.
  t.tierUp = await makeTeam({ track: "installer", tier: "verified" });
  await fastInstalls(t.tierUp.partner.id, 10);
  await passedQuiz(t.tierUp.partner.id);
  await promoters(t.tierUp.partner.id, 5);
  await certification(t.tierUp.partner.id, { status: "certified", certifiedAt: at(-200), expiresAt: at(165), requirementsMet: 4, requirementsTotal: 4 });
  await badge(t.tierUp.partner.id, { badge: "certified_installer", kind: "track", tier: "verified", state: "active", expiresAt: at(165) });
  // Day 61 of a certification: probation ends, the badge turns active.
  t.probationEnds = await makeTeam({ track: "installer", tier: "verified", status: "probation", probationEndsAt: at(-1) });
  await certification(t.probationEnds.partner.id, { status: "probation", certifiedAt: at(-61), expiresAt: at(304) });
  await badge(t.probationEnds.partner.id, { badge: "certified_installer", kind: "track", tier: "verified", state: "probation", expiresAt: at(304) });
  // The re-certification window opened and the requirements are not met: a reminder.
  t.reminder = await makeTeam({ track: "installer", tier: "verified" });
  await certification(t.reminder.partner.id, { status: "certified", certifiedAt: at(-340), expiresAt: at(25), requirementsMet: 1, requirementsTotal: 4 });
  await badge(t.reminder.partner.id, { badge: "certified_installer", kind: "track", tier: "verified", state: "active", expiresAt: at(25) });
  // Never evaluated and nothing to certify: only its certification row is written.
  t.fresh = await makeTeam({ track: "enterprise_integrator", tier: "verified" });
  // A suspended partner that certifies: its status is never touched.
  t.suspended = await makeTeam({ track: "installer", tier: "verified", status: "suspended" });
  await fastInstalls(t.suspended.partner.id, 3);
  await passedQuiz(t.suspended.partner.id);
  return t;
}

async function badgeIds(partnerIds: string[]) {
  const db = await getDb();
  const rows = await db.select().from(partnerBadges).where(inArray(partnerBadges.partnerId, partnerIds));
  return new Map(rows.map((r) => [`${r.partnerId}:${r.badge}`, r.id]));
}

/** Orders rows by their content (object keys sorted: jsonb does not keep the order they were written in). */
const canon = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === "object" && !Array.isArray(x) && !(x instanceof Date) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
const byJson = (a: unknown, b: unknown) => (canon(a) < canon(b) ? -1 : canon(a) > canon(b) ? 1 : 0);

describe("the certification run over partners in every state", () => {
  it("writes exactly the audit events, events, deliveries, tier history, badges and emails expected; a second run changes nothing", async () => {
    const t = await buildFixture();
    await makeAdmin();
    const id = (k: string) => t[k]!.partner.id;
    const all = await addEndpoint(t.certify!.asOwner, id("certify"), "https://hooks.example.com/all", ["*"]);
    const tiersOnly = await addEndpoint(t.certify!.asOwner, id("certify"), "https://hooks.example.com/tiers", ["partner.tier.changed"]);
    const revocations = await addEndpoint(t.expire!.asOwner, id("expire"), "https://hooks.example.com/revoked", ["partner.badge.revoked"]);
    const tierUpAll = await addEndpoint(t.tierUp!.asOwner, id("tierUp"), "https://hooks.example.com/up", ["*"]);
    const off = await addEndpoint(t.tierUp!.asOwner, id("tierUp"), "https://hooks.example.com/off", ["*"]);
    await setEndpointEnabled({ principal: t.tierUp!.asOwner, partnerId: id("tierUp"), endpointId: off.endpoint.id, enabled: false, now: T0 });
    const ids = Object.keys(t).map(id);

    const result = await runCertification({ now: T0, partnerIds: ids });

    const db = await getDb();
    const badgeOf = await badgeIds(ids);
    const b = (k: string, badgeKey: string) => badgeOf.get(`${id(k)}:${badgeKey}`)!;

    expect(result).toMatchObject({ processed: 9, skipped: 0, changed: 9, certified: 2, renewed: 1, expired: 1, tierChanges: 3, badgeChanges: 11, reminders: 1 });
    // The changes, in each partner's order.
    const changes = (k: string) => result.changes.filter((c) => c.partnerId === id(k)).map((c) => [c.what, c.why]);
    expect(result.changes.every((c) => c.partnerName === Object.values(t).find((x) => x.partner.id === c.partnerId)!.partner.name)).toBe(true);
    expect(changes("certify")).toEqual([
      ["Certification uncertified → probation", "certify"],
      ["Tier advanced → verified", "Held at Verified during the 60-day probation"],
      ["Certified Installer none → probation (verified)", "awarded"],
      ["Fast Installer none → active", "awarded"],
    ]);
    expect(changes("renew")).toEqual([
      ["Certification recertifying → certified", "renew"],
      ["Certified Installer active → active", "changed"],
    ]);
    expect(changes("expire")).toEqual([
      ["Certification recertifying → expired", "expire"],
      ["Certified Auditor active → expired", "revoked"],
      ["Five-Star NPS active → expired", "revoked"],
    ]);
    expect(changes("missTwice")).toEqual([
      ["Tier advanced → verified", "2 installs over their TTI bar in 30 days"],
      ["Certified Installer active → active (verified)", "changed"],
    ]);
    expect(changes("tierUp")).toEqual([
      ["Tier verified → advanced", "Tier thresholds for Advanced hold"],
      ["Certified Installer active → active (advanced)", "changed"],
      ["Fast Installer none → active", "awarded"],
    ]);
    expect(changes("probationEnds")).toEqual([
      ["Certification probation → certified", "Dates"],
      ["Certified Installer probation → active", "changed"],
    ]);
    expect(changes("reminder")).toEqual([["Certification certified → recertifying", "Dates"]]);
    expect(changes("fresh")).toEqual([]);
    expect(changes("suspended")).toEqual([
      ["Certification uncertified → probation", "certify"],
      ["Certified Installer none → probation (verified)", "awarded"],
      ["Fast Installer none → active", "awarded"],
    ]);
    expect(result.changes).toHaveLength(20);

    // The audit trail.
    const audited = (await db.select().from(auditEvents).where(and(inArray(auditEvents.partnerId, ids), eq(auditEvents.actorId, ACTOR.actorId)))).map((r) => ({
      ...r,
      id: undefined,
    }));
    const auditRow = (k: string, action: string, object: { type: string; id: string }, before: unknown, after: unknown, meta: unknown) => ({
      id: undefined,
      at: T0,
      ...ACTOR,
      action,
      objectType: object.type,
      objectId: object.id,
      partnerId: id(k),
      before,
      after,
      meta,
    });
    const partner = (k: string) => ({ type: "partner", id: id(k) });
    const badgeObject = (k: string, key: string) => ({ type: "badge", id: b(k, key) });
    const expectedAudit = [
      auditRow("certify", "certification.changed", partner("certify"), { status: "uncertified", expiresAt: null }, { status: "probation", certifiedAt: iso(0), expiresAt: iso(365) }, { action: "certify", requirementsMet: 4, requirementsTotal: 4 }),
      auditRow("certify", "partner.tier_changed", partner("certify"), { tier: "advanced" }, { tier: "verified" }, { reason: "probation", note: "Held at Verified during the 60-day probation", misses: 0 }),
      auditRow("certify", "badge.awarded", badgeObject("certify", "certified_installer"), null, { state: "probation", tier: "verified", expiresAt: iso(365) }, { badge: "certified_installer" }),
      auditRow("certify", "badge.awarded", badgeObject("certify", "fast_installer"), null, { state: "active", tier: null, expiresAt: null }, { badge: "fast_installer" }),
      auditRow("renew", "certification.changed", partner("renew"), { status: "recertifying", expiresAt: iso(15) }, { status: "certified", certifiedAt: iso(-350), expiresAt: iso(380) }, { action: "renew", requirementsMet: 4, requirementsTotal: 4 }),
      auditRow("renew", "badge.changed", badgeObject("renew", "certified_installer"), { state: "active", tier: "verified", expiresAt: iso(15) }, { state: "active", tier: "verified", expiresAt: iso(380) }, { badge: "certified_installer" }),
      auditRow("expire", "certification.changed", partner("expire"), { status: "recertifying", expiresAt: iso(-35) }, { status: "expired", certifiedAt: iso(-400), expiresAt: iso(-35) }, { action: "expire", requirementsMet: 0, requirementsTotal: 6 }),
      auditRow("expire", "badge.expired", badgeObject("expire", "certified_auditor"), { state: "active", tier: "advanced", expiresAt: iso(-35) }, { state: "expired", tier: "advanced", expiresAt: iso(-35) }, { badge: "certified_auditor" }),
      auditRow("expire", "badge.expired", badgeObject("expire", "five_star_nps"), { state: "active", tier: null, expiresAt: null }, { state: "expired", tier: null, expiresAt: null }, { badge: "five_star_nps" }),
      auditRow("missTwice", "partner.tier_changed", partner("missTwice"), { tier: "advanced" }, { tier: "verified" }, { reason: "miss_twice", note: "2 installs over their TTI bar in 30 days", misses: 2 }),
      auditRow("missTwice", "badge.changed", badgeObject("missTwice", "certified_installer"), { state: "active", tier: "advanced", expiresAt: iso(245) }, { state: "active", tier: "verified", expiresAt: iso(245) }, { badge: "certified_installer" }),
      auditRow("tierUp", "partner.tier_changed", partner("tierUp"), { tier: "verified" }, { tier: "advanced" }, { reason: "thresholds", note: "Tier thresholds for Advanced hold", misses: 0 }),
      auditRow("tierUp", "badge.changed", badgeObject("tierUp", "certified_installer"), { state: "active", tier: "verified", expiresAt: iso(165) }, { state: "active", tier: "advanced", expiresAt: iso(165) }, { badge: "certified_installer" }),
      auditRow("tierUp", "badge.awarded", badgeObject("tierUp", "fast_installer"), null, { state: "active", tier: null, expiresAt: null }, { badge: "fast_installer" }),
      auditRow("probationEnds", "certification.changed", partner("probationEnds"), { status: "probation", expiresAt: iso(304) }, { status: "certified", certifiedAt: iso(-61), expiresAt: iso(304) }, { action: "none", requirementsMet: 1, requirementsTotal: 4 }),
      auditRow("probationEnds", "badge.changed", badgeObject("probationEnds", "certified_installer"), { state: "probation", tier: "verified", expiresAt: iso(304) }, { state: "active", tier: "verified", expiresAt: iso(304) }, { badge: "certified_installer" }),
      auditRow("reminder", "certification.changed", partner("reminder"), { status: "certified", expiresAt: iso(25) }, { status: "recertifying", certifiedAt: iso(-340), expiresAt: iso(25) }, { action: "none", requirementsMet: 1, requirementsTotal: 4 }),
      auditRow("suspended", "certification.changed", partner("suspended"), { status: "uncertified", expiresAt: null }, { status: "probation", certifiedAt: iso(0), expiresAt: iso(365) }, { action: "certify", requirementsMet: 4, requirementsTotal: 4 }),
      auditRow("suspended", "badge.awarded", badgeObject("suspended", "certified_installer"), null, { state: "probation", tier: "verified", expiresAt: iso(365) }, { badge: "certified_installer" }),
      auditRow("suspended", "badge.awarded", badgeObject("suspended", "fast_installer"), null, { state: "active", tier: null, expiresAt: null }, { badge: "fast_installer" }),
    ];
    expect(audited.sort(byJson)).toEqual(expectedAudit.sort(byJson));

    // The events, and one delivery per active endpoint of the partner subscribed to the type.
    const emitted = await db.select().from(events).where(inArray(events.partnerId, ids));
    const delivered = await db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.partnerId, ids));
    const endpointsOf = (eventId: string) => delivered.filter((d) => d.eventId === eventId).map((d) => d.endpointId).sort();
    expect(delivered.every((d) => d.status === "pending" && d.attempts === 0 && d.nextAttemptAt?.getTime() === T0.getTime() && d.createdAt.getTime() === T0.getTime())).toBe(true);
    expect(delivered.every((d) => emitted.find((e) => e.id === d.eventId)?.type === d.eventType)).toBe(true);
    const gotEvents = emitted.map((e) => ({ type: e.type, partnerId: e.partnerId, payload: e.payload, createdAt: e.createdAt, endpoints: endpointsOf(e.id) }));
    const ev = (k: string, type: string, payload: unknown, endpoints: string[] = []) => ({ type, partnerId: id(k), payload, createdAt: T0, endpoints: [...endpoints].sort() });
    const certifyHooks = [all.endpoint.id];
    const upHooks = [tierUpAll.endpoint.id];
    const expectedEvents = [
      ev("certify", "partner.certification.changed", { from: "uncertified", to: "probation", action: "certify", certifiedAt: iso(0), expiresAt: iso(365), changedAt: iso(0) }, certifyHooks),
      ev("certify", "partner.tier.changed", { from: "advanced", to: "verified", effectiveAt: iso(0), reason: "Certification probation (first 60 days at Verified): Held at Verified during the 60-day probation" }, [all.endpoint.id, tiersOnly.endpoint.id]),
      ev("certify", "partner.badge.awarded", { badgeId: b("certify", "certified_installer"), kind: "certified_installer", label: "Certified Installer", awardedAt: iso(0), expiresAt: iso(365) }, certifyHooks),
      ev("certify", "partner.badge.awarded", { badgeId: b("certify", "fast_installer"), kind: "fast_installer", label: "Fast Installer", awardedAt: iso(0), expiresAt: null }, certifyHooks),
      ev("renew", "partner.certification.changed", { from: "recertifying", to: "certified", action: "renew", certifiedAt: iso(-350), expiresAt: iso(380), changedAt: iso(0) }),
      ev("renew", "partner.badge.changed", { badgeId: b("renew", "certified_installer"), kind: "certified_installer", state: "active", tier: "verified", changedAt: iso(0) }),
      ev("expire", "partner.certification.changed", { from: "recertifying", to: "expired", action: "expire", certifiedAt: iso(-400), expiresAt: iso(-35), changedAt: iso(0) }),
      ev("expire", "partner.badge.revoked", { badgeId: b("expire", "certified_auditor"), kind: "certified_auditor", revokedAt: iso(0), reason: "Certification expired" }, [revocations.endpoint.id]),
      ev("expire", "partner.badge.revoked", { badgeId: b("expire", "five_star_nps"), kind: "five_star_nps", revokedAt: iso(0), reason: "Five-Star NPS criteria no longer met" }, [revocations.endpoint.id]),
      ev("missTwice", "partner.tier.changed", { from: "advanced", to: "verified", effectiveAt: iso(0), reason: "Missed the TTI bar twice in 30 days: 2 installs over their TTI bar in 30 days" }),
      ev("missTwice", "partner.badge.changed", { badgeId: b("missTwice", "certified_installer"), kind: "certified_installer", state: "active", tier: "verified", changedAt: iso(0) }),
      ev("tierUp", "partner.tier.changed", { from: "verified", to: "advanced", effectiveAt: iso(0), reason: "Tier thresholds: Tier thresholds for Advanced hold" }, upHooks),
      ev("tierUp", "partner.badge.changed", { badgeId: b("tierUp", "certified_installer"), kind: "certified_installer", state: "active", tier: "advanced", changedAt: iso(0) }, upHooks),
      ev("tierUp", "partner.badge.awarded", { badgeId: b("tierUp", "fast_installer"), kind: "fast_installer", label: "Fast Installer", awardedAt: iso(0), expiresAt: null }, upHooks),
      ev("probationEnds", "partner.certification.changed", { from: "probation", to: "certified", action: "none", certifiedAt: iso(-61), expiresAt: iso(304), changedAt: iso(0) }),
      ev("probationEnds", "partner.badge.changed", { badgeId: b("probationEnds", "certified_installer"), kind: "certified_installer", state: "active", tier: "verified", changedAt: iso(0) }),
      ev("reminder", "partner.certification.changed", { from: "certified", to: "recertifying", action: "none", certifiedAt: iso(-340), expiresAt: iso(25), changedAt: iso(0) }),
      ev("suspended", "partner.certification.changed", { from: "uncertified", to: "probation", action: "certify", certifiedAt: iso(0), expiresAt: iso(365), changedAt: iso(0) }),
      ev("suspended", "partner.badge.awarded", { badgeId: b("suspended", "certified_installer"), kind: "certified_installer", label: "Certified Installer", awardedAt: iso(0), expiresAt: iso(365) }),
      ev("suspended", "partner.badge.awarded", { badgeId: b("suspended", "fast_installer"), kind: "fast_installer", label: "Fast Installer", awardedAt: iso(0), expiresAt: null }),
    ];
    expect(gotEvents.sort(byJson)).toEqual(expectedEvents.sort(byJson));
    expect(delivered).toHaveLength(10);

    // Tier history and the partners' tier, status and probation end.
    const history = (await db.select().from(tierChanges).where(inArray(tierChanges.partnerId, ids))).map((r) => ({ ...r, id: r.id.slice(0, 4) }));
    const tierRow = (k: string, fromTier: Tier, toTier: Tier, reason: string, note: string) => ({ id: "tch_", partnerId: id(k), fromTier, toTier, reason, note, actorLabel: "Certification evaluation", at: T0 });
    expect(history.sort(byJson)).toEqual(
      [
        tierRow("certify", "advanced", "verified", "probation", "Held at Verified during the 60-day probation"),
        tierRow("missTwice", "advanced", "verified", "miss_twice", "2 installs over their TTI bar in 30 days"),
        tierRow("tierUp", "verified", "advanced", "thresholds", "Tier thresholds for Advanced hold"),
      ].sort(byJson),
    );
    const partnerRows = new Map((await db.select().from(partners).where(inArray(partners.id, ids))).map((p) => [p.id, p]));
    const state = (k: string) => {
      const p = partnerRows.get(id(k))!;
      return { tier: p.tier, status: p.status, probationEndsAt: p.probationEndsAt?.toISOString() ?? null, updatedAt: p.updatedAt.getTime() === T0.getTime() };
    };
    expect(state("certify")).toEqual({ tier: "verified", status: "probation", probationEndsAt: iso(60), updatedAt: true });
    // Partners whose tier and status do not change are not written.
    expect(state("renew")).toEqual({ tier: "verified", status: "active", probationEndsAt: null, updatedAt: false });
    expect(state("expire")).toEqual({ tier: "advanced", status: "active", probationEndsAt: null, updatedAt: false });
    expect(state("missTwice")).toEqual({ tier: "verified", status: "active", probationEndsAt: null, updatedAt: true });
    expect(state("tierUp")).toEqual({ tier: "advanced", status: "active", probationEndsAt: null, updatedAt: true });
    expect(state("probationEnds")).toEqual({ tier: "verified", status: "active", probationEndsAt: iso(-1), updatedAt: true });
    expect(state("suspended")).toEqual({ tier: "verified", status: "suspended", probationEndsAt: null, updatedAt: false });

    // Certification rows.
    const certs = new Map((await db.select().from(certifications).where(inArray(certifications.partnerId, ids))).map((c) => [c.partnerId, c]));
    const cert = (k: string) => {
      const c = certs.get(id(k))!;
      return { status: c.status, certifiedAt: c.certifiedAt?.toISOString() ?? null, expiresAt: c.expiresAt?.toISOString() ?? null, lastDowngradeAt: c.lastDowngradeAt?.toISOString() ?? null, lastReminderAt: c.lastReminderAt?.toISOString() ?? null, met: c.requirementsMet, total: c.requirementsTotal };
    };
    expect(cert("certify")).toEqual({ status: "probation", certifiedAt: iso(0), expiresAt: iso(365), lastDowngradeAt: null, lastReminderAt: null, met: 4, total: 4 });
    expect(cert("renew")).toEqual({ status: "certified", certifiedAt: iso(-350), expiresAt: iso(380), lastDowngradeAt: null, lastReminderAt: null, met: 4, total: 4 });
    expect(cert("expire")).toEqual({ status: "expired", certifiedAt: iso(-400), expiresAt: iso(-35), lastDowngradeAt: null, lastReminderAt: null, met: 0, total: 6 });
    expect(cert("missTwice")).toMatchObject({ status: "certified", lastDowngradeAt: iso(0) });
    expect(cert("reminder")).toMatchObject({ status: "recertifying", lastReminderAt: iso(0) });
    expect(cert("fresh")).toEqual({ status: "uncertified", certifiedAt: null, expiresAt: null, lastDowngradeAt: null, lastReminderAt: null, met: 1, total: 4 });

    // Badges: the revoked one untouched.
    const badges = await db.select().from(partnerBadges).where(inArray(partnerBadges.partnerId, ids));
    const badgeState = (k: string, key: string) => {
      const r = badges.find((x) => x.partnerId === id(k) && x.badge === key)!;
      return { state: r.state, tier: r.tier, expiresAt: r.expiresAt?.toISOString() ?? null };
    };
    expect(badgeState("expire", "compliance_pro")).toEqual({ state: "revoked", tier: null, expiresAt: null });
    expect(badgeState("tierUp", "certified_installer")).toEqual({ state: "active", tier: "advanced", expiresAt: iso(165) });
    expect(badgeState("renew", "certified_installer")).toEqual({ state: "active", tier: "verified", expiresAt: iso(380) });

    // The emails: one per owner per notice, and the quality alert to the admins.
    const mail = await db.select().from(emailOutbox).where(inArray(emailOutbox.partnerId, ids));
    const kinds = (k: string) => mail.filter((m) => m.partnerId === id(k)).map((m) => m.kind).sort();
    expect(kinds("certify")).toEqual(["certification_certified", "tier_changed"]);
    expect(kinds("renew")).toEqual(["certification_renewed"]);
    expect(kinds("expire")).toEqual(["certification_expired"]);
    expect(kinds("missTwice")).toEqual(["quality_alert", "tier_changed"]);
    expect(kinds("tierUp")).toEqual(["tier_changed"]);
    expect(kinds("probationEnds")).toEqual([]);
    expect(kinds("reminder")).toEqual(["certification_reminder"]);
    expect(kinds("fresh")).toEqual([]);
    expect(kinds("suspended")).toEqual(["certification_certified"]);
    expect(mail.filter((m) => m.kind !== "quality_alert").every((m) => m.toAddress === Object.values(t).find((x) => x.partner.id === m.partnerId)!.owner.email)).toBe(true);

    // A second run changes nothing and writes nothing.
    const counts = async () =>
      Promise.all([
        db.$count(auditEvents, inArray(auditEvents.partnerId, ids)),
        db.$count(events, inArray(events.partnerId, ids)),
        db.$count(webhookDeliveries, inArray(webhookDeliveries.partnerId, ids)),
        db.$count(tierChanges, inArray(tierChanges.partnerId, ids)),
        db.$count(emailOutbox, inArray(emailOutbox.partnerId, ids)),
      ]);
    const before = await counts();
    expect(await runCertification({ now: T0, partnerIds: ids })).toMatchObject({ processed: 9, skipped: 9, changed: 0, changes: [] });
    expect(await counts()).toEqual(before);
  });

  it("without events (the demo seed) writes the same audit trail and no events", async () => {
    const t = await buildFixture();
    const ids = Object.values(t).map((x) => x.partner.id);
    const result = await runCertification({ now: T0, partnerIds: ids, events: false, notify: false });
    expect(result).toMatchObject({ processed: 9, changed: 9, certified: 2, renewed: 1, expired: 1, tierChanges: 3, badgeChanges: 11, reminders: 1 });
    const db = await getDb();
    expect(await db.$count(events, inArray(events.partnerId, ids))).toBe(0);
    expect(await db.$count(emailOutbox, inArray(emailOutbox.partnerId, ids))).toBe(0);
    expect(await db.$count(auditEvents, inArray(auditEvents.partnerId, ids))).toBe(20);
    expect(await db.$count(tierChanges, inArray(tierChanges.partnerId, ids))).toBe(3);
  });
});
