import type { Tier } from "@/lib/partners/constants";

// What each tier grants. Every capability that depends on the tier (commissions,
// MDF, co-selling, directory placement, co-marketing) reads it from here.

export interface TierBenefits {
  /** Commission on first-year subscription revenue, in basis points (2000 = 20%). */
  subscriptionCommissionBps: number;
  /** Share of marketplace add-on revenue, in basis points. */
  addOnCommissionBps: number;
  /** Market development funds: eligible, and the yearly budget in minor units (USD cents). */
  mdfEligible: boolean;
  mdfYearlyBudgetCents: number;
  /** Joint selling with the program's sales team. */
  coSell: boolean;
  /** Directory placement band: lower comes first. */
  placementBand: number;
  /** Co-branded marketing kits and brand use (all certified tiers). */
  coMarketing: boolean;
}

export const TIER_BENEFITS: Record<Tier, TierBenefits> = {
  verified: {
    subscriptionCommissionBps: 2000,
    addOnCommissionBps: 1000,
    mdfEligible: false,
    mdfYearlyBudgetCents: 0,
    coSell: false,
    placementBand: 2,
    coMarketing: true,
  },
  advanced: {
    subscriptionCommissionBps: 2500,
    addOnCommissionBps: 1250,
    mdfEligible: true,
    mdfYearlyBudgetCents: 1_000_000,
    coSell: true,
    placementBand: 1,
    coMarketing: true,
  },
  premier: {
    subscriptionCommissionBps: 3000,
    addOnCommissionBps: 1500,
    mdfEligible: true,
    mdfYearlyBudgetCents: 2_500_000,
    coSell: true,
    placementBand: 0,
    coMarketing: true,
  },
};

export function benefitsOf(tier: Tier): TierBenefits {
  return TIER_BENEFITS[tier];
}
