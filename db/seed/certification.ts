import { eq, inArray } from "drizzle-orm";
import type { Faker } from "@faker-js/faker";
import { TRACK_BADGE } from "@/lib/certification/badge-sync";
import { quarterOf } from "@/lib/certification/math";
import { drawAttempt, gradeAttempt, seededRandom } from "@/lib/certification/quiz";
import { syncQuestionBank } from "@/lib/certification/quiz-store";
import { runCertification } from "@/lib/certification/run-certification";
import { TRACK_SLA_HOURS } from "@/lib/tiers/rules";
import { saveUpload } from "@/lib/storage/uploads";
import type { Tier, Track } from "@/lib/partners/constants";
import { certifications, certificationSubmissions, incidents, installs, partnerBadges, partners, quizAttempts, quizQuestions, tierChanges, type Assessment } from "../schema";
import type { Tx } from "../client";
import { seedId, type AreaSeeder } from "./context";

// The certification demo: every state of the program's quality bar.
// - certified: Brightpixel Studio (Installer), Ledgerline Assurance (Auditor),
//   Northwind Integrations (Enterprise) and most partners joined long ago;
// - probation: partners certified in the last 60 days (the core's new joiners);
// - re-certifying (expiring within 30 days, something missing), expired, and
//   never certified (requirements missing);
// - downgraded by miss-twice, with its tier history;
// - quiz attempts passed and failed, incidents answered in time, missed and
//   open, and references, runbooks and pen-test letters approved, rejected
//   and waiting in the admin queue.
// Then the real evaluation runs once over the seeded evidence (inside the seed's
// transaction, without emails or webhooks), so tiers and partner_badges are
// exactly what the engine decides: the first nightly run changes nothing.

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Partner = { id: string; slug: string; name: string; track: Track; tier: Tier; status: string; joinedAt: Date };

const ASSESSMENTS: Record<Track, Assessment[]> = { installer: ["installer_playbook"], auditor: ["soc2_control_literacy", "compliance_framework"], enterprise_integrator: [] };

/** A small valid PDF for the demo documents. */
function pdf(title: string): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

async function attempt(tx: Tx, faker: Faker, bank: Map<Assessment, { id: string; choices: number; correct: number }[]>, p: Partner, assessment: Assessment, at: Date, right: number, userId: string | null) {
  const questions = bank.get(assessment)!;
  const drawn = drawAttempt(questions, seededRandom(faker.number.int({ min: 1, max: 2 ** 30 })));
  const correct = new Map(questions.map((q) => [q.id, q.correct]));
  const shown = drawn.questionIds.map((id, i) => {
    const pos = drawn.choiceOrder[i]!.indexOf(correct.get(id)!);
    return i < right ? pos : (pos + 1) % drawn.choiceOrder[i]!.length;
  });
  const g = gradeAttempt(drawn, correct, shown);
  await tx.insert(quizAttempts).values({
    id: seedId(faker, "qat"),
    partnerId: p.id,
    userId,
    assessment,
    questionIds: drawn.questionIds,
    choiceOrder: drawn.choiceOrder,
    answers: g.answers,
    startedAt: at,
    deadlineAt: new Date(at.getTime() + 15 * 60_000),
    submittedAt: new Date(at.getTime() + faker.number.int({ min: 4, max: 13 }) * 60_000),
    correct: g.correct,
    scorePct: g.scorePct,
    passed: g.passed,
  });
}

export const seedCertification: AreaSeeder = async ({ tx, now, core, faker }) => {
  await syncQuestionBank(tx);
  const qs = await tx.select({ id: quizQuestions.id, assessment: quizQuestions.assessment, choices: quizQuestions.choices, correct: quizQuestions.correctIndex }).from(quizQuestions);
  const bank = new Map<Assessment, { id: string; choices: number; correct: number }[]>();
  for (const q of qs) bank.set(q.assessment, [...(bank.get(q.assessment) ?? []), { id: q.id, choices: q.choices.length, correct: q.correct }]);

  const all = core.partners.map((p) => ({ id: p.id!, slug: p.slug!, name: p.name!, track: p.track!, tier: p.tier ?? "verified", status: p.status ?? "active", joinedAt: p.joinedAt! })) as Partner[];
  const by = (slug: string) => all.find((p) => p.slug === slug)!;
  const bright = by("brightpixel-studio");
  const ledger = by("ledgerline-assurance");
  const northwind = by("northwind-integrations");
  const owner = (p: Partner) => core.memberships.find((m) => m.partnerId === p.id && m.role === "owner")?.userId ?? null;
  const admin = core.users.find((u) => u.role === "admin")!.id!;
  const fixed = new Set([bright.id, ledger.id, northwind.id]);
  const pool = (track: Track) => all.filter((p) => p.track === track && !fixed.has(p.id) && p.status !== "probation");
  const [recertInstaller, expiredInstaller, downgraded, neverInstaller, slaMisser] = pool("installer");
  const [recertAuditor, neverAuditor] = pool("auditor");
  const [expiredEnterprise, pendingEnterprise, neverEnterprise] = pool("enterprise_integrator");
  const never = new Set([neverInstaller!.id, neverAuditor!.id, neverEnterprise!.id]);

  // --- recorded certifications --------------------------------------------------
  const certs: (typeof certifications.$inferInsert)[] = [];
  const certify = (p: Partner, daysAgo: number, status: "probation" | "certified" | "recertifying" | "expired") => {
    const certifiedAt = new Date(now.getTime() - daysAgo * DAY);
    certs.push({ partnerId: p.id, status, certifiedAt, expiresAt: new Date(certifiedAt.getTime() + 365 * DAY), updatedAt: now, evaluatedAt: new Date(now.getTime() - DAY) });
  };
  certify(bright, 200, "certified");
  certify(ledger, 150, "certified");
  certify(northwind, 100, "certified");
  certify(recertInstaller!, 345, "certified");
  certify(recertAuditor!, 340, "certified");
  certify(expiredInstaller!, 400, "expired");
  certify(expiredEnterprise!, 420, "expired");
  certify(downgraded!, 160, "certified");
  for (const p of all) {
    if (fixed.has(p.id) || never.has(p.id) || certs.some((c) => c.partnerId === p.id)) continue;
    // New joiners were certified on joining (probation); the others some time in the last year.
    if (p.status === "probation") certify(p, Math.max(1, Math.round((now.getTime() - p.joinedAt.getTime()) / DAY) - 1), "probation");
    else certify(p, faker.number.int({ min: 70, max: 320 }), "certified");
  }
  await tx.insert(certifications).values(certs);
  // The downgraded partner: moved from Advanced to Verified by miss-twice 12 days ago.
  const downAt = new Date(now.getTime() - 12 * DAY);
  await tx.update(certifications).set({ lastDowngradeAt: downAt }).where(eq(certifications.partnerId, downgraded!.id));
  await tx.update(partners).set({ tier: "verified" }).where(eq(partners.id, downgraded!.id));
  // Brightpixel's Premier was set by an admin and holds for another 70 days.
  await tx.update(certifications).set({ tierOverrideUntil: new Date(now.getTime() + 70 * DAY) }).where(eq(certifications.partnerId, bright.id));
  // The two installs that missed the 15-minute WordPress bar and caused the downgrade.
  for (const [k, days] of [20, 15].entries()) {
    const startedAt = new Date(now.getTime() - days * DAY);
    await tx.insert(installs).values({ id: seedId(faker, "ins"), partnerId: downgraded!.id, stack: "wordpress", siteUrl: `https://slow-install-${k + 1}.example`, customerName: k ? "Pocket Atlas" : "Harvest Table", startedAt, verifiedAt: new Date(startedAt.getTime() + (42 + k * 9) * 60_000), source: "seed", createdAt: startedAt });
  }
  // Founding partners' tiers were set by the program team and hold until their review;
  // the nightly thresholds take over after that.
  const founding = all.filter((p) => p.tier !== "verified" && p.id !== bright.id && p.id !== downgraded!.id && !never.has(p.id) && certs.some((c) => c.partnerId === p.id && c.status !== "probation"));
  for (const p of founding) {
    const c = certs.find((x) => x.partnerId === p.id)!;
    await tx.update(certifications).set({ tierOverrideUntil: new Date(now.getTime() + faker.number.int({ min: 45, max: 160 }) * DAY) }).where(eq(certifications.partnerId, p.id));
    await tx.insert(tierChanges).values({ id: seedId(faker, "tch"), partnerId: p.id, fromTier: "verified", toTier: p.tier, reason: "manual", note: "Founding-partner tier, held until the first review", actorLabel: "Avery Admin <admin@provenant.dev>", at: new Date(c.certifiedAt!.getTime() + 61 * DAY) });
  }
  // The partners never certified hold no tier above Verified.
  await tx.update(partners).set({ tier: "verified" }).where(inArray(partners.id, [...never]));
  await tx.insert(tierChanges).values([
    { id: seedId(faker, "tch"), partnerId: downgraded!.id, fromTier: "verified", toTier: "advanced", reason: "thresholds", note: "Tier thresholds for Advanced hold", actorLabel: "Certification evaluation", at: new Date(now.getTime() - 90 * DAY) },
    { id: seedId(faker, "tch"), partnerId: downgraded!.id, fromTier: "advanced", toTier: "verified", reason: "miss_twice", note: "2 installs over their TTI bar in 30 days", actorLabel: "Certification evaluation", at: downAt },
    { id: seedId(faker, "tch"), partnerId: bright.id, fromTier: "advanced", toTier: "premier", reason: "manual", note: "Launch partner for the Shopify app", actorLabel: "Avery Admin <admin@provenant.dev>", at: new Date(now.getTime() - 20 * DAY) },
    { id: seedId(faker, "tch"), partnerId: bright.id, fromTier: "verified", toTier: "advanced", reason: "thresholds", note: "Tier thresholds for Advanced hold", actorLabel: "Certification evaluation", at: new Date(now.getTime() - 135 * DAY) },
  ]);

  // --- quiz attempts: passes for the certified, failures here and there -----------
  for (const p of all) {
    const list = ASSESSMENTS[p.track];
    const user = owner(p);
    for (const a of list) {
      const cert = certs.find((c) => c.partnerId === p.id);
      const certifiedAt = cert?.certifiedAt ?? new Date(now.getTime() - 30 * DAY);
      const recert = p.id === recertInstaller!.id || p.id === recertAuditor!.id || p.id === expiredInstaller!.id;
      if (faker.number.int({ min: 1, max: 3 }) === 1 || p.id === bright.id || never.has(p.id)) await attempt(tx, faker, bank, p, a, new Date(certifiedAt.getTime() - 3 * DAY), 7, user);
      if (recert || never.has(p.id)) {
        // Failed again recently: the requirement is missing, so the certification cannot renew.
        await attempt(tx, faker, bank, p, a, new Date(now.getTime() - faker.number.int({ min: 2, max: 9 }) * DAY), 8, user);
      } else if (cert) {
        await attempt(tx, faker, bank, p, a, new Date(certifiedAt.getTime() - DAY), p.id === bright.id ? 9 : faker.number.int({ min: 9, max: 10 }), user);
      }
    }
  }

  // --- incidents ---------------------------------------------------------------------
  const inc = (p: Partner, openedDaysAgo: number, responseHours: number | null, resolveHours: number | null, title: string, severity: "low" | "high" | "critical") => {
    const openedAt = new Date(now.getTime() - openedDaysAgo * DAY);
    return {
      id: seedId(faker, "inc"),
      partnerId: p.id,
      title,
      description: faker.helpers.arrayElement(["Reported by the customer's web team.", "Spotted in the daily survival checks.", "Raised by the program team after a customer call."]),
      severity,
      slaHours: TRACK_SLA_HOURS[p.track],
      openedAt,
      openedBy: faker.helpers.arrayElement(["Customer report", "Avery Admin <admin@provenant.dev>"]),
      firstResponseAt: responseHours === null ? null : new Date(openedAt.getTime() + responseHours * HOUR),
      responseNote: responseHours === null ? null : "Acknowledged; investigating the image pipeline.",
      resolvedAt: resolveHours === null ? null : new Date(openedAt.getTime() + resolveHours * HOUR),
      resolutionNote: resolveHours === null ? null : "Optimizer rule fixed; survival back above 99.9%.",
    };
  };
  await tx.insert(incidents).values([
    inc(bright, 20, 3, 20, "Credentials stripped on resized product images", "high"),
    { ...inc(bright, 0, null, null, "Remote manifest 404 on two campaign images", "low"), openedAt: new Date(now.getTime() - 3 * HOUR) },
    inc(bright, 70, 30, 60, "Theme update dropped the Link header", "high"),
    inc(slaMisser!, 25, 72, 96, "Manifests missing after a CDN change", "critical"),
    inc(downgraded!, 18, 60, 80, "Slow install left a storefront without credentials", "high"),
    inc(northwind, 30, 2, 10, "Signing service timeout during the rollout canary", "critical"),
    inc(expiredEnterprise!, 15, null, null, "Rollback left stale manifests on the DAM", "high"),
    inc(ledger, 40, 6, 48, "Customer disputes a survival figure in a report", "low"),
  ]);

  // --- documents for review -----------------------------------------------------------------
  const quarter = quarterOf(now);
  const lastQuarter = quarterOf(new Date(now.getTime() - 92 * DAY));
  const doc = async (p: Partner, kind: "enterprise_reference" | "runbook" | "pen_test_letter", title: string, daysAgo: number, status: "pending" | "approved" | "rejected", q?: string, reason?: string) => {
    const at = new Date(now.getTime() - daysAgo * DAY);
    const name = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.${kind === "runbook" ? "md" : "pdf"}`;
    const bytes = kind === "runbook" ? new TextEncoder().encode(`# ${title}\n\n1. Canary: 5% of traffic for 24 h, watch survival.\n2. Rollback: revert the edge rule, purge manifests cache.\n`) : pdf(title);
    const upload = await saveUpload({ partnerId: p.id, uploadedBy: owner(p), purpose: kind, filename: name, bytes, declaredType: kind === "runbook" ? "text/markdown" : "application/pdf" }, at, tx);
    await tx.insert(certificationSubmissions).values({
      id: seedId(faker, "csb"),
      partnerId: p.id,
      kind,
      title,
      quarter: kind === "pen_test_letter" ? (q ?? quarter) : null,
      uploadId: upload.id,
      status,
      submittedBy: owner(p),
      submittedAt: at,
      reviewedBy: status === "pending" ? null : admin,
      reviewedAt: status === "pending" ? null : new Date(at.getTime() + 2 * DAY),
      reviewReason: status === "rejected" ? (reason ?? "The letter does not state the scope of the test") : null,
    });
  };
  await doc(northwind, "enterprise_reference", "Contoso Media Group", 140, "approved");
  await doc(northwind, "enterprise_reference", "Fabrikam Retail", 130, "approved");
  await doc(northwind, "runbook", "DAM signing rollout", 125, "approved");
  await doc(northwind, "pen_test_letter", "Ironclad Security", 120, "approved", lastQuarter);
  await doc(northwind, "pen_test_letter", "Ironclad Security", 20, "approved", quarter);
  await doc(pendingEnterprise!, "enterprise_reference", "Globex Publishing", 40, "approved");
  await doc(pendingEnterprise!, "enterprise_reference", "Initech News", 3, "pending");
  await doc(pendingEnterprise!, "runbook", "CDN canary and rollback", 2, "pending");
  await doc(pendingEnterprise!, "pen_test_letter", "Redline Labs", 50, "rejected", lastQuarter, "The letter covers last quarter and omits the scope");
  await doc(pendingEnterprise!, "pen_test_letter", "Redline Labs", 1, "pending", quarter);
  await doc(neverEnterprise!, "enterprise_reference", "Umbrella Studios", 5, "pending");
  await doc(expiredEnterprise!, "pen_test_letter", "Bastion Testing", 400, "approved", quarterOf(new Date(now.getTime() - 400 * DAY)));
  for (const p of all.filter((x) => x.track === "enterprise_integrator" && !fixed.has(x.id) && ![pendingEnterprise, neverEnterprise, expiredEnterprise].some((y) => y!.id === x.id))) {
    await doc(p, "enterprise_reference", `${faker.company.name()}`, faker.number.int({ min: 100, max: 300 }), "approved");
  }

  // The expired partners held their track badge until it lapsed.
  for (const p of [expiredInstaller!, expiredEnterprise!]) {
    const c = certs.find((x) => x.partnerId === p.id)!;
    await tx.insert(partnerBadges).values({ id: seedId(faker, "bdg"), partnerId: p.id, kind: "track", badge: TRACK_BADGE[p.track], tier: p.tier, state: "expired", issuedAt: c.certifiedAt!, expiresAt: c.expiresAt!, stateChangedAt: c.expiresAt!, createdAt: c.certifiedAt!, updatedAt: c.expiresAt! });
  }

  // --- the engine decides tiers and badges from all of the above -------------------------------
  await runCertification({ now, db: tx, notify: false, events: false });
};
