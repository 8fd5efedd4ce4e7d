import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, certifications, emailOutbox, events, incidents, installs, partnerBadges, partners, quizAttempts, survivalChecks, tierChanges } from "@/db/schema";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { runCertification } from "./run-certification";
import { openIncident, resolveIncident, respondIncident, slaState } from "./incidents";
import { startQuiz, submitQuiz } from "./quizzes";
import { questionsByIds } from "./quiz-store";
import { decideSubmission, submitDocument } from "./submissions";
import { overrideTier } from "./tier-override";
import { getCertificationView } from "./views";

const DAY = 86_400_000;
const MIN = 60_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const PDF = new TextEncoder().encode("%PDF-1.7\n% reference letter\n");

/** An installer with 3 verified installs on WordPress, Shopify and Workers and clean survival. */
async function installerWithEvidence() {
  const team = await makeTeam({ track: "installer" });
  const db = await getDb();
  for (const [i, stack] of (["wordpress", "shopify", "workers"] as const).entries()) {
    const startedAt = new Date(T0.getTime() - (20 + i) * DAY);
    const [row] = await db
      .insert(installs)
      .values({ partnerId: team.partner.id, stack, siteUrl: `https://s${i}.example`, customerName: `C${i}`, startedAt, verifiedAt: new Date(startedAt.getTime() + 10 * MIN), source: "console" })
      .returning();
    await db.insert(survivalChecks).values({ installId: row!.id, partnerId: team.partner.id, stack, checkedAt: new Date(T0.getTime() - DAY), assetsChecked: 1000, assetsSurvived: 1000, survivedRemote: 1000, source: "seed" });
  }
  return team;
}

/** Takes the playbook quiz and answers every question right (reading the key server-side, as a test may). */
async function passQuiz(team: Awaited<ReturnType<typeof makeTeam>>, now: Date, right = 10) {
  const view = await startQuiz({ principal: team.asOwner, partnerId: team.partner.id, assessment: "installer_playbook", now });
  const db = await getDb();
  const [attempt] = await db.select().from(quizAttempts).where(eq(quizAttempts.id, view.id));
  const questions = new Map((await questionsByIds(db, attempt!.questionIds)).map((q) => [q.id, q]));
  const answers = attempt!.questionIds.map((id, i) => {
    const correctPos = attempt!.choiceOrder[i]!.indexOf(questions.get(id)!.correctIndex);
    return i < right ? correctPos : (correctPos + 1) % attempt!.choiceOrder[i]!.length;
  });
  return { view, result: await submitQuiz({ principal: team.asOwner, attemptId: view.id, input: { answers }, now }) };
}

describe("quizzes", () => {
  it("never sends the correct answers, grades on the server and refuses late or repeated answers", async () => {
    const team = await installerWithEvidence();
    const view = await startQuiz({ principal: team.asMember, partnerId: team.partner.id, assessment: "installer_playbook", now: T0 });
    expect(view.questions).toHaveLength(10);
    expect(JSON.stringify(view)).not.toMatch(/correct|explanation/i);
    // Starting again while one runs resumes it.
    expect((await startQuiz({ principal: team.asOwner, partnerId: team.partner.id, assessment: "installer_playbook", now: new Date(T0.getTime() + MIN) })).id).toBe(view.id);
    await expect(submitQuiz({ principal: team.asOwner, attemptId: view.id, input: { answers: [] }, now: new Date(T0.getTime() + 2 * MIN) })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(submitQuiz({ principal: team.asOwner, attemptId: view.id, input: { answers: Array(10).fill(0) }, now: new Date(T0.getTime() + 16 * MIN) })).rejects.toMatchObject({ code: "unprocessable" });

    const other = await makeTeam();
    await expect(submitQuiz({ principal: other.asOwner, attemptId: view.id, input: { answers: Array(10).fill(0) }, now: T0 })).rejects.toMatchObject({ code: "not_found" });

    const { result } = await passQuiz(team, at(1), 9);
    expect(result).toMatchObject({ correct: 9, total: 10, scorePct: 90, passed: true });
    const attemptId = result.id;
    await expect(submitQuiz({ principal: team.asOwner, attemptId, input: { answers: Array(10).fill(0) }, now: at(1) })).rejects.toMatchObject({ code: "conflict" });
  });

  it("caps attempts per day and refuses assessments of another track", async () => {
    const team = await installerWithEvidence();
    for (let i = 0; i < 3; i++) await passQuiz(team, new Date(at(2).getTime() + i * 20 * MIN), 5);
    await expect(startQuiz({ principal: team.asOwner, partnerId: team.partner.id, assessment: "installer_playbook", now: new Date(at(2).getTime() + 90 * MIN) })).rejects.toMatchObject({ code: "conflict" });
    await expect(startQuiz({ principal: team.asOwner, partnerId: team.partner.id, assessment: "soc2_control_literacy", now: at(3) })).rejects.toMatchObject({ code: "not_found" });
    const admin = await makeAdmin();
    await expect(startQuiz({ principal: admin, partnerId: team.partner.id, assessment: "installer_playbook", now: at(3) })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the certification run", () => {
  it("certifies a partner that meets every requirement, with probation, a gray badge, events and audit; a second run changes nothing", async () => {
    const team = await installerWithEvidence();
    const before = await getCertificationView(team.asOwner, team.partner.id, T0);
    expect(before.requirements.find((r) => r.id === "playbook_quiz")).toMatchObject({ met: false, href: "/console/certification/quiz/installer_playbook" });

    await passQuiz(team, T0);
    const first = await runCertification({ now: T0, partnerIds: [team.partner.id] });
    expect(first).toMatchObject({ processed: 1, changed: 1, certified: 1 });
    const db = await getDb();
    const [cert] = await db.select().from(certifications).where(eq(certifications.partnerId, team.partner.id));
    expect(cert).toMatchObject({ status: "probation", requirementsMet: 4, requirementsTotal: 4 });
    const held = await db.select().from(partnerBadges).where(eq(partnerBadges.partnerId, team.partner.id));
    expect(held.find((b) => b.badge === "certified_installer")).toMatchObject({ kind: "track", state: "probation", tier: "verified" });
    // Three installs verified in 10 minutes: p50 under 20 minutes earns Fast Installer.
    expect(held.find((b) => b.badge === "fast_installer")).toMatchObject({ kind: "performance", state: "active", tier: null });
    const [partner] = await db.select().from(partners).where(eq(partners.id, team.partner.id));
    expect(partner!.status).toBe("probation");
    const types = (await db.select().from(events).where(eq(events.partnerId, team.partner.id))).map((e) => e.type).sort();
    expect(types).toEqual(["partner.badge.awarded", "partner.badge.awarded", "partner.certification.changed"]);
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.partnerId, team.partner.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["certification.changed", "badge.awarded"]));
    expect((await db.select().from(emailOutbox).where(eq(emailOutbox.partnerId, team.partner.id))).map((e) => e.kind)).toContain("certification_certified");

    expect(await runCertification({ now: T0, partnerIds: [team.partner.id] })).toMatchObject({ changed: 0, skipped: 1 });

    // Day 61: probation is over, the badge turns active.
    const later = await runCertification({ now: at(60), partnerIds: [team.partner.id] });
    expect(later.changed).toBe(1);
    const [active] = await db.select().from(partnerBadges).where(and(eq(partnerBadges.partnerId, team.partner.id), eq(partnerBadges.badge, "certified_installer")));
    expect(active!.state).toBe("active");
    const [after] = await db.select().from(partners).where(eq(partners.id, team.partner.id));
    expect(after!.status).toBe("active");
  });

  it("expires a certification that was not renewed, and leaves a revoked badge alone", async () => {
    const team = await makeTeam({ track: "auditor", tier: "advanced" });
    const db = await getDb();
    await db.insert(certifications).values({ partnerId: team.partner.id, status: "recertifying", certifiedAt: at(-400), expiresAt: at(-35) });
    await db.insert(partnerBadges).values({ partnerId: team.partner.id, kind: "performance", badge: "compliance_pro", state: "revoked", revokedReason: "Misuse", issuedAt: at(-300), stateChangedAt: at(-10) });
    await db.insert(partnerBadges).values({ partnerId: team.partner.id, kind: "track", badge: "certified_auditor", tier: "advanced", state: "active", issuedAt: at(-400), expiresAt: at(-35), stateChangedAt: at(-340) });
    const r = await runCertification({ now: T0, partnerIds: [team.partner.id] });
    expect(r.expired).toBe(1);
    const rows = await db.select().from(partnerBadges).where(eq(partnerBadges.partnerId, team.partner.id));
    expect(rows.find((b) => b.badge === "certified_auditor")!.state).toBe("expired");
    expect(rows.find((b) => b.badge === "compliance_pro")!.state).toBe("revoked");
    const revoked = await db.select().from(events).where(and(eq(events.partnerId, team.partner.id), eq(events.type, "partner.badge.revoked")));
    expect(revoked).toHaveLength(1);
    expect((await runCertification({ now: at(1), partnerIds: [team.partner.id] })).changed).toBe(0);
  });

  it("moves a partner down one tier when it misses its TTI bar twice, with history, audit, event and emails to the partner and admins", async () => {
    const team = await makeTeam({ track: "installer", tier: "advanced" });
    await makeAdmin();
    const db = await getDb();
    await db.insert(certifications).values({ partnerId: team.partner.id, status: "certified", certifiedAt: at(-120), expiresAt: at(245) });
    for (const d of [5, 3]) {
      const startedAt = at(-d);
      await db.insert(installs).values({ partnerId: team.partner.id, stack: "wordpress", siteUrl: `https://m${d}.example`, customerName: "M", startedAt, verifiedAt: new Date(startedAt.getTime() + 40 * MIN), source: "console" });
    }
    const r = await runCertification({ now: T0, partnerIds: [team.partner.id] });
    expect(r.tierChanges).toBe(1);
    const [history] = await db.select().from(tierChanges).where(eq(tierChanges.partnerId, team.partner.id));
    expect(history).toMatchObject({ fromTier: "advanced", toTier: "verified", reason: "miss_twice" });
    const [p] = await db.select().from(partners).where(eq(partners.id, team.partner.id));
    expect(p!.tier).toBe("verified");
    expect((await db.select().from(events).where(and(eq(events.partnerId, team.partner.id), eq(events.type, "partner.tier.changed")))).length).toBe(1);
    const kinds = (await db.select().from(emailOutbox).where(eq(emailOutbox.partnerId, team.partner.id))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["tier_changed", "quality_alert"]));
    // The same misses never count twice.
    expect((await runCertification({ now: at(1), partnerIds: [team.partner.id] })).tierChanges).toBe(0);
  });

  it("an admin's tier override holds against the nightly thresholds", async () => {
    const team = await makeTeam({ track: "installer", tier: "verified" });
    const admin = await makeAdmin();
    const db = await getDb();
    await db.insert(certifications).values({ partnerId: team.partner.id, status: "certified", certifiedAt: at(-120), expiresAt: at(245) });
    await expect(overrideTier({ principal: team.asOwner, partnerId: team.partner.id, input: { tier: "premier", reason: "Launch partner" }, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(overrideTier({ principal: admin, partnerId: team.partner.id, input: { tier: "premier", reason: "" }, now: T0 })).rejects.toMatchObject({ code: "validation_failed" });
    await overrideTier({ principal: admin, partnerId: team.partner.id, input: { tier: "premier", reason: "Launch partner for the EU rollout" }, now: T0 });
    await runCertification({ now: at(1), partnerIds: [team.partner.id] });
    const [p] = await db.select().from(partners).where(eq(partners.id, team.partner.id));
    expect(p!.tier).toBe("premier");
    const [history] = await db.select().from(tierChanges).where(eq(tierChanges.partnerId, team.partner.id));
    expect(history).toMatchObject({ reason: "manual", note: "Launch partner for the EU rollout" });
  });
});

describe("documents and incidents", () => {
  it("an admin approves a reference and rejects a letter with a reason; wrong files are refused", async () => {
    const team = await makeTeam({ track: "enterprise_integrator" });
    const admin = await makeAdmin();
    const ref = await submitDocument({ principal: team.asMember, partnerId: team.partner.id, input: { kind: "enterprise_reference", title: "Contoso Media" }, file: { bytes: PDF, filename: "contoso.pdf", declaredType: "application/pdf" }, now: T0 });
    expect(ref.status).toBe("pending");
    await expect(
      submitDocument({ principal: team.asMember, partnerId: team.partner.id, input: { kind: "pen_test_letter", title: "Acme Security", quarter: "2026-Q1" }, file: { bytes: new TextEncoder().encode("not a pdf"), filename: "x.pdf", declaredType: "application/pdf" }, now: T0 }),
    ).rejects.toMatchObject({ code: "validation_failed", fields: { file: [expect.stringMatching(/not accepted/)] } });
    await expect(
      submitDocument({ principal: team.asMember, partnerId: team.partner.id, input: { kind: "pen_test_letter", title: "Acme Security" }, file: { bytes: PDF, filename: "x.pdf", declaredType: "application/pdf" }, now: T0 }),
    ).rejects.toMatchObject({ code: "validation_failed", fields: { quarter: expect.any(Array) } });
    const letter = await submitDocument({ principal: team.asOwner, partnerId: team.partner.id, input: { kind: "pen_test_letter", title: "Acme Security", quarter: "2026-Q1" }, file: { bytes: PDF, filename: "letter.pdf", declaredType: "application/pdf" }, now: T0 });

    await expect(decideSubmission({ principal: team.asOwner, submissionId: ref.id, input: { decision: "approved" }, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    await decideSubmission({ principal: admin, submissionId: ref.id, input: { decision: "approved" }, now: T0 });
    await expect(decideSubmission({ principal: admin, submissionId: ref.id, input: { decision: "rejected", reason: "Changed my mind" }, now: T0 })).rejects.toMatchObject({ code: "conflict" });
    await expect(decideSubmission({ principal: admin, submissionId: letter.id, input: { decision: "rejected" }, now: T0 })).rejects.toMatchObject({ fields: { reason: expect.any(Array) } });
    await decideSubmission({ principal: admin, submissionId: letter.id, input: { decision: "rejected", reason: "The letter does not name the scope" }, now: T0 });

    const view = await getCertificationView(team.asOwner, team.partner.id, T0);
    expect(view.requirements.find((r) => r.id === "references")).toMatchObject({ met: false, progress: "1 approved" });
    expect(view.submissions.find((s) => s.id === letter.id)).toMatchObject({ status: "rejected", reviewReason: "The letter does not name the scope" });
  });

  it("tracks first response against the track's SLA", async () => {
    const team = await makeTeam({ track: "enterprise_integrator" });
    const inc = await openIncident({ principal: team.asOwner, partnerId: team.partner.id, input: { title: "Manifests 404 on the CDN", severity: "high" }, now: T0 });
    expect(inc.slaHours).toBe(4);
    expect(slaState(inc, new Date(T0.getTime() + 4 * 3600_000))).toBe("open");
    expect(slaState(inc, new Date(T0.getTime() + 4 * 3600_000 + 1))).toBe("overdue");
    await expect(resolveIncident({ principal: (await makeTeam()).asOwner, incidentId: inc.id, input: { note: "fixed" }, now: T0 })).rejects.toMatchObject({ code: "not_found" });
    const answered = await respondIncident({ principal: team.asMember, incidentId: inc.id, input: { note: "Rolled the CDN rule back" }, now: new Date(T0.getTime() + 5 * 3600_000) });
    expect(slaState(answered, T0)).toBe("missed");
    await expect(respondIncident({ principal: team.asMember, incidentId: inc.id, input: { note: "again" }, now: T0 })).rejects.toMatchObject({ code: "conflict" });
    await resolveIncident({ principal: team.asMember, incidentId: inc.id, input: { note: "Rule fixed and tested" }, now: new Date(T0.getTime() + 6 * 3600_000) });
    const db = await getDb();
    const [row] = await db.select().from(incidents).where(eq(incidents.id, inc.id));
    expect(row!.resolvedAt).not.toBeNull();
    const view = await getCertificationView(team.asOwner, team.partner.id, new Date(T0.getTime() + DAY));
    expect(view.requirements.find((r) => r.id === "incident_sla")).toMatchObject({ met: false, progress: "0 of 1 incidents answered in time" });
  });
});
