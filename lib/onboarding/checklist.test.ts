import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { installs, partnerBadges, partnerPayoutSettings } from "@/db/schema";
import { publishVersion } from "@/lib/legal/publish";
import { signAgreements } from "@/lib/legal/sign-agreements";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { buildChecklist, type OnboardingFacts } from "./checklist";
import { dismissOnboarding, getOnboarding } from "./onboarding";

const fresh: OnboardingFacts = {
  track: "installer",
  agreementsMissing: ["marketplace_terms", "master_agreement"],
  listing: { done: 4, total: 9, missing: ["A description of at least 200 characters", "Your website"] },
  payoutsConnected: null,
  installs: 0,
  quizPassed: null,
  liveBadges: 0,
  badgeEmbedSeen: null,
  dismissedAt: null,
};
const finished: OnboardingFacts = {
  ...fresh,
  agreementsMissing: [],
  listing: { done: 9, total: 9, missing: [] },
  payoutsConnected: true,
  installs: 3,
  quizPassed: true,
  liveBadges: 1,
};

describe("buildChecklist (pure)", () => {
  it("a new partner has six steps to take, in order, each linking to where it is done", () => {
    const c = buildChecklist(fresh);
    expect(c.steps.map((s) => [s.id, s.done, s.href])).toEqual([
      ["terms", false, "/console/agreements"],
      ["listing", false, "/console/listing"],
      ["payouts", false, "/console/payouts"],
      ["install", false, "/console/installs"],
      ["quiz", false, "/console/certification/quizzes/installer_playbook"],
      ["badge", false, "/console/badges"],
    ]);
    expect(c).toMatchObject({ done: 0, total: 6, complete: false, visible: true });
    expect(c.steps[1]!.detail).toBe("4 of 9 essentials in place; next: a description of at least 200 characters.");
    expect(c.steps[4]!.label).toBe("Take the installer playbook quiz");
  });

  it.each([
    ["terms", { agreementsMissing: [] }],
    ["listing", { listing: { done: 9, total: 9, missing: [] } }],
    ["payouts", { payoutsConnected: true }],
    ["install", { installs: 1 }],
    ["quiz", { quizPassed: true }],
    ["badge", { liveBadges: 1 }],
  ] as const)("%s ticks itself from its fact", (id, patch) => {
    const c = buildChecklist({ ...fresh, ...patch } as OnboardingFacts);
    expect(c.steps.filter((s) => s.done).map((s) => s.id)).toEqual([id]);
    expect(c.done).toBe(1);
  });

  it("a failed quiz, a payouts area without a connected account and a badge seen missing from the site stay open", () => {
    const c = buildChecklist({ ...finished, quizPassed: false, payoutsConnected: false, badgeEmbedSeen: false });
    expect(c.steps.filter((s) => !s.done).map((s) => s.id)).toEqual(["payouts", "quiz", "badge"]);
  });

  it("tracks without a quiz ask for the runbook; auditors take their first assessment", () => {
    expect(buildChecklist({ ...fresh, track: "enterprise_integrator" }).steps[4]).toMatchObject({ label: "Submit your canary and rollback runbook", href: "/console/certification" });
    expect(buildChecklist({ ...fresh, track: "auditor" }).steps[4]).toMatchObject({
      label: "Take the SOC 2 control literacy assessment",
      href: "/console/certification/quizzes/soc2_control_literacy",
      guide: { href: "/program/playbooks/auditor" },
    });
  });

  it("stays visible until it is complete and dismissed", () => {
    expect(buildChecklist(finished)).toMatchObject({ complete: true, dismissed: false, visible: true });
    expect(buildChecklist({ ...finished, dismissedAt: T0 })).toMatchObject({ complete: true, dismissed: true, visible: false });
    expect(buildChecklist({ ...fresh, dismissedAt: T0 }).visible).toBe(true);
  });
});

describe("the checklist from the database", () => {
  it("ticks steps as the partner signs, records an install and gets a badge; dismissal waits for the last step", async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    await publishVersion({ principal: admin, input: { document: "master_agreement", version: "1.0" }, now: T0 });
    await publishVersion({ principal: admin, input: { document: "marketplace_terms", version: "1.0" }, now: T0 });
    const { partner, owner, asOwner, asMember } = await makeTeam();

    let c = await getOnboarding(asMember, partner.id, T0);
    expect(c.steps.filter((s) => s.done).map((s) => s.id)).toEqual([]);

    await signAgreements({
      principal: asOwner,
      partnerId: partner.id,
      input: { fullName: owner.name, consent: true, documents: [{ document: "master_agreement", version: "1.0" }, { document: "marketplace_terms", version: "1.0" }] },
      context: { ip: "198.51.100.1", userAgent: "test" },
      now: T0,
    });
    await db.insert(installs).values({ partnerId: partner.id, stack: "wordpress", siteUrl: "https://shop.example", customerName: "Shop", startedAt: T0, source: "console" });
    await db.insert(partnerBadges).values({ partnerId: partner.id, kind: "track", badge: "certified_installer", tier: "verified", state: "probation", issuedAt: T0, stateChangedAt: T0 });
    c = await getOnboarding(asMember, partner.id, T0);
    expect(c.steps.filter((s) => s.done).map((s) => s.id)).toEqual(["terms", "install", "badge"]);

    await expect(dismissOnboarding({ principal: asOwner, partnerId: partner.id, now: T0 })).rejects.toMatchObject({ code: "conflict", message: "Finish the checklist first: 3 steps to go" });
    const other = await makeTeam();
    await expect(getOnboarding(other.asOwner, partner.id, T0)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("ticks payouts once the payout prerequisites are in place", async () => {
    const db = await getDb();
    const { partner, asOwner } = await makeTeam();
    expect((await getOnboarding(asOwner, partner.id, T0)).steps.find((s) => s.id === "payouts")!.done).toBe(false);
    await db.insert(partnerPayoutSettings).values({ partnerId: partner.id, termsAcceptedAt: T0, termsVersion: "2026-11", taxFormStatus: "submitted", taxFormType: "w9", updatedAt: T0 });
    // A tax form waiting for verification is not enough.
    expect((await getOnboarding(asOwner, partner.id, T0)).steps.find((s) => s.id === "payouts")!.done).toBe(false);
    await db.update(partnerPayoutSettings).set({ taxFormStatus: "verified" }).where(eq(partnerPayoutSettings.partnerId, partner.id));
    expect((await getOnboarding(asOwner, partner.id, T0)).steps.find((s) => s.id === "payouts")!.done).toBe(true);
  });
});
