import { SURVIVAL_BAR_PCT } from "@/lib/quality/bars";
import { STACK_LABELS, type Stack, type Track } from "@/lib/partners/constants";
import type { AssessmentId, PartnerEvidence } from "./evidence";
import { DAY_MS, HOUR_MS, quarterOf, survivalPct } from "./math";

// What each track requires, as data, and the one engine that evaluates it.
// A requirement is met or not; every result says what is missing and what to
// do next, so the console can show progress.

export const QUIZ_PASS_PCT = 85;

export type Requirement =
  | { id: string; kind: "verified_installs"; min: number; coverStacks: Stack[] }
  | { id: string; kind: "remote_survival"; minPct: number; windowDays: number; minAssets: number }
  | { id: string; kind: "quiz"; assessment: AssessmentId; label: string }
  | { id: string; kind: "incident_sla"; maxHours: number; windowDays: number }
  | { id: string; kind: "public_reports"; min: number; minChecks: number; maxAgeDays: number; tolerancePct: number }
  | { id: string; kind: "evidence_export"; min: number }
  | { id: string; kind: "vault_verified" }
  | { id: string; kind: "compliance_pack" }
  | { id: string; kind: "approved_references"; min: number }
  | { id: string; kind: "runbook_validated" }
  | { id: string; kind: "pen_test_letter" };

export const TRACK_REQUIREMENTS: Record<Track, Requirement[]> = {
  installer: [
    { id: "installs", kind: "verified_installs", min: 3, coverStacks: ["wordpress", "shopify", "workers"] },
    { id: "survival", kind: "remote_survival", minPct: SURVIVAL_BAR_PCT, windowDays: 30, minAssets: 100 },
    { id: "playbook_quiz", kind: "quiz", assessment: "installer_playbook", label: "Installer playbook quiz" },
    { id: "incident_sla", kind: "incident_sla", maxHours: 48, windowDays: 90 },
  ],
  auditor: [
    { id: "reports", kind: "public_reports", min: 2, minChecks: 50, maxAgeDays: 180, tolerancePct: 0.01 },
    { id: "export", kind: "evidence_export", min: 1 },
    { id: "vault", kind: "vault_verified" },
    { id: "compliance_pack", kind: "compliance_pack" },
    { id: "soc2_quiz", kind: "quiz", assessment: "soc2_control_literacy", label: "SOC 2 control literacy assessment" },
    { id: "framework_quiz", kind: "quiz", assessment: "compliance_framework", label: "Compliance-framework test" },
  ],
  enterprise_integrator: [
    { id: "references", kind: "approved_references", min: 2 },
    { id: "runbook", kind: "runbook_validated" },
    { id: "incident_sla", kind: "incident_sla", maxHours: 4, windowDays: 90 },
    { id: "pen_test", kind: "pen_test_letter" },
  ],
};

export interface RequirementResult {
  id: string;
  label: string;
  met: boolean;
  /** What the partner has, in words: "2 of 3 verified installs". */
  progress: string;
  /** What to do next when not met. */
  nextStep: string | null;
  /** Where in the console to do it. */
  href: string | null;
}

function result(r: Omit<RequirementResult, "nextStep" | "href"> & { nextStep?: string; href?: string }): RequirementResult {
  return { ...r, nextStep: r.met ? null : (r.nextStep ?? null), href: r.met ? null : (r.href ?? null) };
}

export function evaluateRequirement(req: Requirement, e: PartnerEvidence, now: Date): RequirementResult {
  const t = now.getTime();
  switch (req.kind) {
    case "verified_installs": {
      const verified = e.installs.filter((i) => i.verifiedAt && i.verifiedAt.getTime() <= t);
      const covered = new Set(verified.map((i) => i.stack));
      const missingStacks = req.coverStacks.filter((s) => !covered.has(s));
      const met = verified.length >= req.min && missingStacks.length === 0;
      return result({
        id: req.id,
        label: `${req.min} verified installs covering ${req.coverStacks.map((s) => STACK_LABELS[s]).join(", ")}`,
        met,
        progress: `${verified.length} verified install${verified.length === 1 ? "" : "s"}${missingStacks.length ? `; none yet on ${missingStacks.map((s) => STACK_LABELS[s]).join(", ")}` : ""}`,
        nextStep: missingStacks.length
          ? `Record and verify an install on ${missingStacks.map((s) => STACK_LABELS[s]).join(" and ")}`
          : `Verify ${req.min - verified.length} more install${req.min - verified.length === 1 ? "" : "s"}`,
        href: "/console/installs",
      });
    }
    case "remote_survival": {
      const since = t - req.windowDays * DAY_MS;
      const checks = e.survival.filter((c) => c.method === "remote" && c.at.getTime() > since && c.at.getTime() <= t);
      const assets = checks.reduce((n, c) => n + c.checked, 0);
      const pct = survivalPct(checks);
      const met = assets >= req.minAssets && pct !== null && pct >= req.minPct;
      return result({
        id: req.id,
        label: `Remote-manifest survival ≥ ${req.minPct}% over the last ${req.windowDays} days`,
        met,
        progress: pct === null ? "No remote-manifest checks yet" : `${pct.toFixed(2)}% over ${assets} checked assets`,
        nextStep:
          assets < req.minAssets
            ? `Run survival checks on at least ${req.minAssets} remote-manifest assets`
            : `Fix the assets whose credentials were lost, then check again`,
        href: "/console/installs",
      });
    }
    case "quiz": {
      const best = Math.max(-1, ...e.quizzes.filter((q) => q.assessment === req.assessment).map((q) => q.bestScorePct));
      const met = best >= QUIZ_PASS_PCT;
      return result({
        id: req.id,
        label: `${req.label} (pass at ${QUIZ_PASS_PCT}%)`,
        met,
        progress: best < 0 ? "Not taken yet" : `Best score ${Math.round(best)}%`,
        nextStep: best < 0 ? "Take the quiz" : "Retake the quiz",
        href: `/console/certification/quiz/${req.assessment}`,
      });
    }
    case "incident_sla": {
      const since = t - req.windowDays * DAY_MS;
      const recent = e.incidents.filter((i) => i.openedAt.getTime() > since && i.openedAt.getTime() <= t);
      const late = recent.filter((i) => {
        const deadline = i.openedAt.getTime() + req.maxHours * HOUR_MS;
        return i.firstResponseAt ? i.firstResponseAt.getTime() > deadline : t > deadline;
      });
      return result({
        id: req.id,
        label: `Incident first response within ${req.maxHours >= 24 ? `${req.maxHours / 24} days` : `${req.maxHours} hours`}`,
        met: late.length === 0,
        progress: recent.length === 0 ? `No incidents in the last ${req.windowDays} days` : `${recent.length - late.length} of ${recent.length} incidents answered in time`,
        nextStep: "Answer open incidents within the SLA; missed ones stop counting after their window",
        href: "/console/certification/incidents",
      });
    }
    case "public_reports": {
      const valid = e.reports.filter(
        (r) =>
          r.published &&
          r.checks >= req.minChecks &&
          t - r.periodEnd.getTime() <= req.maxAgeDays * DAY_MS &&
          Math.abs(r.statedPct - r.recomputedPct) <= req.tolerancePct,
      );
      const published = e.reports.filter((r) => r.published).length;
      return result({
        id: req.id,
        label: `${req.min} public Survival Reports (≥ ${req.minChecks} checks, under ${req.maxAgeDays} days old, figures that recompute)`,
        met: valid.length >= req.min,
        progress: `${valid.length} valid of ${published} published`,
        nextStep: published > valid.length ? "Republish reports with enough recent checks" : "Publish a Survival Report",
        href: "/console/reports",
      });
    }
    case "evidence_export":
      return result({
        id: req.id,
        label: "An Evidence Pack export demonstrated",
        met: e.exportsCount >= req.min,
        progress: `${e.exportsCount} export${e.exportsCount === 1 ? "" : "s"}`,
        nextStep: "Export an Evidence Pack",
        href: "/console/evidence",
      });
    case "vault_verified": {
      const failed = e.packs.filter((p) => !p.verified).length;
      return result({
        id: req.id,
        label: "Evidence vault verifies against its SHA-256 manifests",
        met: e.packs.length > 0 && failed === 0,
        progress: e.packs.length === 0 ? "No stored packs" : `${e.packs.length - failed} of ${e.packs.length} packs verify`,
        nextStep: e.packs.length === 0 ? "Export an Evidence Pack" : "Re-export the packs that no longer verify",
        href: "/console/evidence",
      });
    }
    case "compliance_pack":
      return result({
        id: req.id,
        label: "A complete compliance pack",
        met: e.packs.some((p) => p.complete && p.verified),
        progress: e.packs.some((p) => p.complete) ? "Complete pack stored" : "No complete pack yet",
        nextStep: "Export a pack with checks, report and manifest",
        href: "/console/evidence",
      });
    case "approved_references": {
      const approved = e.references.filter((r) => r.status === "approved").length;
      const pending = e.references.filter((r) => r.status === "pending").length;
      return result({
        id: req.id,
        label: `${req.min} approved enterprise references`,
        met: approved >= req.min,
        progress: `${approved} approved${pending ? `, ${pending} in review` : ""}`,
        nextStep: pending ? "Wait for the review, or add another reference" : "Submit an enterprise reference",
        href: "/console/certification/documents",
      });
    }
    case "runbook_validated": {
      const approved = e.runbooks.some((r) => r.status === "approved");
      const pending = e.runbooks.some((r) => r.status === "pending");
      return result({
        id: req.id,
        label: "Canary/rollback runbook validated",
        met: approved,
        progress: approved ? "Validated" : pending ? "In review" : "Not submitted",
        nextStep: pending ? "Wait for the review" : "Submit your canary/rollback runbook",
        href: "/console/certification/documents",
      });
    }
    case "pen_test_letter": {
      const quarter = quarterOf(now);
      const current = e.penTestLetters.some((l) => l.status === "approved" && l.quarter === quarter);
      const pending = e.penTestLetters.some((l) => l.status === "pending" && l.quarter === quarter);
      return result({
        id: req.id,
        label: `Pen-test letter valid for ${quarter}`,
        met: current,
        progress: current ? `Approved for ${quarter}` : pending ? `Letter for ${quarter} in review` : `No approved letter for ${quarter}`,
        nextStep: pending ? "Wait for the review" : `Upload a pen-test letter covering ${quarter}`,
        href: "/console/certification/documents",
      });
    }
  }
}

export interface TrackEvaluation {
  requirements: RequirementResult[];
  met: number;
  allMet: boolean;
}

export function evaluateTrack(e: PartnerEvidence, now: Date): TrackEvaluation {
  const requirements = TRACK_REQUIREMENTS[e.track].map((r) => evaluateRequirement(r, e, now));
  const met = requirements.filter((r) => r.met).length;
  return { requirements, met, allMet: met === requirements.length };
}
