import { describe, expect, it } from "vitest";
import { ATTRIBUTION_POLICY } from "@/lib/attribution/policy";
import { QUIZ_PASS_PCT } from "@/lib/certification/requirements";
import { COMMISSION_PLAN, PRODUCTS } from "@/lib/commissions/plans";
import { DEAL_POLICY } from "@/lib/deals/policy";
import { PROBATION_DAYS, TIERS } from "@/lib/partners/constants";
import { SURVIVAL_BAR_PCT } from "@/lib/quality/bars";
import { TTI_BAR_SECONDS } from "@/lib/quality/rules";
import { TIER_BENEFITS } from "@/lib/tiers/benefits";
import { TIER_THRESHOLDS, TRACK_SLA_HOURS } from "@/lib/tiers/rules";
import { readVersionedFolder } from "./content";
import { LEGAL_DOCUMENTS, LEGAL_DOCUMENT_INFO, type LegalDocument } from "./constants";
import { repoVersions } from "./documents";
import { fillFacts, pct, placeholdersIn, programFacts, UnknownFactError } from "./facts";
import { PAYOUT_TERMS } from "./payout-terms";

// The documents state the program's numbers through placeholders filled from
// the code. These tests hold them to it: every placeholder names a fact, no
// rule-like number is typed into a document by hand, and the rendered text
// states exactly the values the code applies.

const latest = (doc: LegalDocument) => repoVersions(doc).at(-1)!.text;
const guide = latest("program_guide");
const terms = latest("marketplace_terms");
const agreement = latest("master_agreement");

const sources = LEGAL_DOCUMENTS.flatMap((doc) =>
  readVersionedFolder("legal", LEGAL_DOCUMENT_INFO[doc].folder).map((f) => [`${doc}@${f.version}`, f.body] as const),
);
const playbookSources = ["installer", "auditor", "enterprise_integrator"].flatMap((track) =>
  readVersionedFolder("playbooks", track).map((f) => [`playbook ${track}@${f.version}`, f.body] as const),
);

/** A figure a program rule could set: a percentage, a duration, an amount, a payment term. */
const RULE_LIKE = /(\d[\d,.]*\s*(%|percent|per cent|days?|hours?|months?|minutes?|years?)\b)|([$€£]\s?\d)|(net-\d)|(\d\s*[×x]\b)/gi;

describe("the program's documents", () => {
  it("exist in at least one version each, with a title and a summary", () => {
    for (const doc of LEGAL_DOCUMENTS) {
      const versions = repoVersions(doc);
      expect(versions.length, doc).toBeGreaterThan(0);
      for (const v of versions) {
        expect(v.title, `${doc}@${v.version}`).not.toBe("");
        expect(v.summary, `${doc}@${v.version}`).not.toBe("");
        expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it.each([...sources, ...playbookSources])("%s names only known facts", (_, body) => {
    const facts = programFacts();
    for (const key of placeholdersIn(body)) expect(facts, key).toHaveProperty([key]);
    expect(() => fillFacts(body)).not.toThrow();
  });

  it.each(sources)("%s types no rule figure by hand: every rate, window and SLA is a placeholder", (_, body) => {
    expect(body.match(RULE_LIKE) ?? []).toEqual([]);
  });

  it("an unknown placeholder fails the render", () => {
    expect(() => fillFacts("Rate: {{tier.gold.subscription_pct}}")).toThrow(UnknownFactError);
  });

  it("the program guide stays within ten pages (about 500 words a page)", () => {
    expect(guide.split(/\s+/).length).toBeLessThanOrEqual(5_000);
  });
});

describe("the numbers stated equal the code's", () => {
  it.each(TIERS.map((t) => [t] as const))("%s commission rates, in the guide and the terms", (tier) => {
    const b = TIER_BENEFITS[tier];
    const sub = `${b.subscriptionCommissionBps / 100}%`;
    const addOn = `${b.addOnCommissionBps / 100}%`;
    expect(pct(b.subscriptionCommissionBps)).toBe(sub);
    expect(guide).toContain(`| Commission on subscriptions | ${pct(TIER_BENEFITS.verified.subscriptionCommissionBps)} | ${pct(TIER_BENEFITS.advanced.subscriptionCommissionBps)} | ${pct(TIER_BENEFITS.premier.subscriptionCommissionBps)} |`);
    expect(terms).toMatch(new RegExp(`\\| ${tier[0]!.toUpperCase()}${tier.slice(1)} \\| ${sub.replace(".", "\\.")} \\|`));
    expect(terms).toMatch(new RegExp(`\\| ${tier[0]!.toUpperCase()}${tier.slice(1)} \\| ${addOn.replace(".", "\\.")} \\|`));
  });

  it("MDF budgets and co-selling by tier", () => {
    expect(guide).toContain("| Market development funds | not eligible | $10,000 a year | $25,000 a year |");
    expect(TIER_BENEFITS.advanced.mdfYearlyBudgetCents).toBe(1_000_000);
    expect(TIER_BENEFITS.premier.mdfYearlyBudgetCents).toBe(2_500_000);
    expect(guide).toContain(`| Joint selling with our sales team | ${TIER_BENEFITS.verified.coSell ? "yes" : "no"} | ${TIER_BENEFITS.advanced.coSell ? "yes" : "no"} | ${TIER_BENEFITS.premier.coSell ? "yes" : "no"} |`);
  });

  it("hold period, subscription term and bounties", () => {
    expect(guide).toContain(`pending for ${COMMISSION_PLAN.holdDays} days after the payment`);
    expect(terms).toContain(`**pending** for ${COMMISSION_PLAN.holdDays} days`);
    expect(terms).toContain(`within ${COMMISSION_PLAN.subscriptionTermMonths} months of its first payment`);
    expect(terms).toContain(`A bounty of $${PRODUCTS["provenance-pro"]!.bounty!.USD! / 100}`);
    expect(terms).toContain(`and $${PRODUCTS["provenance-enterprise"]!.bounty!.USD! / 100} the first time`);
  });

  it("attribution window, cookie and deal protection", () => {
    expect(guide).toContain(`within ${ATTRIBUTION_POLICY.windowDays} days of the click`);
    expect(guide).toContain(`lasts ${ATTRIBUTION_POLICY.cookieMaxAgeDays} days`);
    expect(guide).toContain(`protects you for ${DEAL_POLICY.protectionDays} days`);
    expect(DEAL_POLICY.protectionDays).toBe(60);
    expect(guide).toContain(`remind you ${DEAL_POLICY.reminderDaysBefore} days before`);
    expect(guide).toContain(`by at most ${DEAL_POLICY.maxExtensionDays} days at a time`);
  });

  it("probation, quiz pass mark, survival bar, time-to-install bars and SLAs", () => {
    expect(guide).toContain(`on probation for ${PROBATION_DAYS} days`);
    expect(guide).toContain(`passed at ${QUIZ_PASS_PCT}%`);
    expect(guide).toContain(`at least ${SURVIVAL_BAR_PCT}%`);
    expect(guide).toContain(`${TTI_BAR_SECONDS.wordpress / 60} minutes for WordPress`);
    expect(guide).toContain(`${TTI_BAR_SECONDS.custom / 86_400} day for custom stacks`);
    expect(guide).toContain(`(${TRACK_SLA_HOURS.installer} hours for Installers and Auditors, ${TRACK_SLA_HOURS.enterprise_integrator} hours for Enterprise Integrators)`);
    expect(TRACK_SLA_HOURS.auditor).toBe(TRACK_SLA_HOURS.installer);
  });

  it("tier thresholds, track by track", () => {
    const th = TIER_THRESHOLDS;
    expect(guide).toContain(
      `| Verified installs | ${th.installer.advanced.minVerifiedInstalls} | ${th.installer.premier.minVerifiedInstalls} | — | — | ${th.enterprise_integrator.advanced.minVerifiedInstalls} | ${th.enterprise_integrator.premier.minVerifiedInstalls} |`,
    );
    expect(guide).toContain(`| Published Survival Reports | — | — | ${th.auditor.advanced.minPublishedReports} | ${th.auditor.premier.minPublishedReports} | — | — |`);
    expect(guide).toContain(`| Remote-manifest survival | ${th.installer.advanced.minSurvivalPct}% | ${th.installer.premier.minSurvivalPct}% |`);
    expect(guide).toContain(`| Median time to install, against the stack's bar | ${th.installer.advanced.maxTtiP50Ratio}× | ${th.installer.premier.maxTtiP50Ratio}× |`);
    expect(guide).toContain(`| Customer NPS (minimum responses) | ${th.installer.advanced.minNps} (${th.installer.advanced.minNpsResponses} responses) |`);
  });

  it("payout timing: monthly, net-30, and the minimum", () => {
    expect(PAYOUT_TERMS.netDays).toBe(30);
    expect(terms).toContain(`paid ${PAYOUT_TERMS.cadence}, net-${PAYOUT_TERMS.netDays}`);
    expect(guide).toContain(`paid ${PAYOUT_TERMS.cadence}, net-${PAYOUT_TERMS.netDays}`);
    expect(terms).toContain(`below $${PAYOUT_TERMS.minimumCents.USD! / 100}`);
  });

  it("the master agreement covers liability, indemnification and disputes", () => {
    for (const heading of ["## 8. Limitation of liability", "## 9. Indemnification", "## 11. Dispute resolution"]) expect(agreement).toContain(heading);
  });
});
