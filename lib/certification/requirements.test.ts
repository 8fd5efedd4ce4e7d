import { describe, expect, it } from "vitest";
import type { PartnerEvidence } from "./evidence";
import { daysAgo, evidence, minutesAfter, NOW } from "./fixtures";
import { evaluateRequirement, evaluateTrack, TRACK_REQUIREMENTS, type Requirement } from "./requirements";

const req = (track: keyof typeof TRACK_REQUIREMENTS, id: string): Requirement => TRACK_REQUIREMENTS[track].find((r) => r.id === id)!;
const met = (r: Requirement, e: PartnerEvidence) => evaluateRequirement(r, e, NOW).met;
const install = (stack: "wordpress" | "shopify" | "workers" | "custom", verified = true) => ({
  stack,
  startedAt: daysAgo(10),
  verifiedAt: verified ? minutesAfter(daysAgo(10), 12) : null,
});

describe("installer requirements", () => {
  it.each([
    [["wordpress", "shopify", "workers"], true],
    [["wordpress", "shopify", "custom"], false],
    [["wordpress", "wordpress", "shopify"], false],
    [["wordpress", "shopify"], false],
  ] as const)("verified installs on %j -> %s", (stacks, expected) => {
    expect(met(req("installer", "installs"), evidence({ installs: stacks.map((s) => install(s)) }))).toBe(expected);
  });

  it("does not count unverified installs", () => {
    const e = evidence({ installs: [install("wordpress"), install("shopify"), install("workers", false)] });
    const r = evaluateRequirement(req("installer", "installs"), e, NOW);
    expect(r.met).toBe(false);
    expect(r.nextStep).toContain("Cloudflare Workers");
  });

  it.each([
    [1000, 999, true], // exactly 99.9%
    [1000, 998, false], // 99.8%
    [10_000, 9_990, true],
    [10_000, 9_989, false], // 99.89%
    [99, 99, false], // too few assets
  ])("remote survival %i checked, %i survived -> %s", (checked, survived, expected) => {
    const e = evidence({ survival: [{ at: daysAgo(3), method: "remote", checked, survived }] });
    expect(met(req("installer", "survival"), e)).toBe(expected);
  });

  it("looks only at remote-manifest checks in the last 30 days", () => {
    const e = evidence({
      survival: [
        { at: daysAgo(31), method: "remote", checked: 1000, survived: 1000 },
        { at: daysAgo(2), method: "embedded", checked: 1000, survived: 1000 },
      ],
    });
    expect(met(req("installer", "survival"), e)).toBe(false);
  });

  it.each([
    [85, true],
    [84.99, false],
    [100, true],
  ])("quiz best score %f -> %s", (score, expected) => {
    expect(met(req("installer", "playbook_quiz"), evidence({ quizzes: [{ assessment: "installer_playbook", bestScorePct: score }] }))).toBe(expected);
  });

  it("a quiz of another assessment does not count", () => {
    expect(met(req("installer", "playbook_quiz"), evidence({ quizzes: [{ assessment: "soc2_control_literacy", bestScorePct: 100 }] }))).toBe(false);
  });

  it.each([
    [48 * 60, true], // exactly 2 days
    [48 * 60 + 1, false],
  ])("incident answered after %i minutes -> %s", (minutes, expected) => {
    const openedAt = daysAgo(20);
    expect(met(req("installer", "incident_sla"), evidence({ incidents: [{ openedAt, firstResponseAt: minutesAfter(openedAt, minutes) }] }))).toBe(expected);
  });

  it("an unanswered incident past its deadline is a miss; within it, not yet", () => {
    expect(met(req("installer", "incident_sla"), evidence({ incidents: [{ openedAt: daysAgo(3), firstResponseAt: null }] }))).toBe(false);
    expect(met(req("installer", "incident_sla"), evidence({ incidents: [{ openedAt: daysAgo(1), firstResponseAt: null }] }))).toBe(true);
  });
});

describe("auditor requirements", () => {
  const report = (over: Partial<PartnerEvidence["reports"][number]> = {}) => ({
    id: `rpt_${Math.random()}`,
    published: true,
    periodEnd: daysAgo(20),
    checks: 80,
    statedPct: 99.95,
    recomputedPct: 99.95,
    ...over,
  });

  it("counts only valid published reports", () => {
    const r = req("auditor", "reports");
    expect(met(r, evidence({ track: "auditor", reports: [report(), report()] }))).toBe(true);
    expect(met(r, evidence({ track: "auditor", reports: [report(), report({ published: false })] }))).toBe(false);
    expect(met(r, evidence({ track: "auditor", reports: [report(), report({ checks: 49 })] }))).toBe(false);
    expect(met(r, evidence({ track: "auditor", reports: [report(), report({ periodEnd: daysAgo(181) })] }))).toBe(false);
    expect(met(r, evidence({ track: "auditor", reports: [report(), report({ statedPct: 99.99, recomputedPct: 99.5 })] }))).toBe(false);
  });

  it("the vault must verify entirely, and hold a complete pack", () => {
    const ok = { id: "p1", createdAt: daysAgo(5), verified: true, complete: true };
    expect(met(req("auditor", "vault"), evidence({ packs: [ok] }))).toBe(true);
    expect(met(req("auditor", "vault"), evidence({ packs: [ok, { ...ok, id: "p2", verified: false }] }))).toBe(false);
    expect(met(req("auditor", "vault"), evidence({ packs: [] }))).toBe(false);
    expect(met(req("auditor", "compliance_pack"), evidence({ packs: [{ ...ok, complete: false }] }))).toBe(false);
  });
});

describe("enterprise integrator requirements", () => {
  it("needs two approved references, not pending ones", () => {
    const r = req("enterprise_integrator", "references");
    expect(met(r, evidence({ references: [{ status: "approved" }, { status: "pending" }] }))).toBe(false);
    expect(met(r, evidence({ references: [{ status: "approved" }, { status: "approved" }] }))).toBe(true);
  });

  it("a pen-test letter counts only in its own quarter", () => {
    const r = req("enterprise_integrator", "pen_test");
    expect(met(r, evidence({ penTestLetters: [{ status: "approved", quarter: "2026-Q2" }] }))).toBe(true);
    expect(met(r, evidence({ penTestLetters: [{ status: "approved", quarter: "2026-Q1" }] }))).toBe(false);
    expect(met(r, evidence({ penTestLetters: [{ status: "rejected", quarter: "2026-Q2" }] }))).toBe(false);
  });

  it("has a 4-hour incident SLA", () => {
    const openedAt = daysAgo(5);
    const e = (minutes: number) => evidence({ track: "enterprise_integrator", incidents: [{ openedAt, firstResponseAt: minutesAfter(openedAt, minutes) }] });
    expect(met(req("enterprise_integrator", "incident_sla"), e(240))).toBe(true);
    expect(met(req("enterprise_integrator", "incident_sla"), e(241))).toBe(false);
  });
});

describe("evaluateTrack", () => {
  it("reports progress per requirement and all-met only when every one is met", () => {
    const result = evaluateTrack(evidence({ quizzes: [{ assessment: "installer_playbook", bestScorePct: 90 }] }), NOW);
    expect(result.requirements.map((r) => [r.id, r.met])).toEqual([
      ["installs", false],
      ["survival", false],
      ["playbook_quiz", true],
      ["incident_sla", true],
    ]);
    expect(result.allMet).toBe(false);
    expect(result.requirements[0]!.href).toBe("/console/installs");
    expect(result.requirements[2]!.nextStep).toBeNull();
  });
});
