import { PROBATION_DAYS, TIERS, type PartnerStatus, type Tier } from "./constants";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A partner is on probation while its status says so and the period has not ended. */
export function isOnProbation(p: { status: PartnerStatus; probationEndsAt: Date | null }, now: Date): boolean {
  if (p.status !== "probation") return false;
  return p.probationEndsAt === null || p.probationEndsAt.getTime() > now.getTime();
}

export function probationEndsAt(joinedAt: Date): Date {
  return new Date(joinedAt.getTime() + PROBATION_DAYS * DAY_MS);
}

/** Whole days left (rounded up), 0 once over. */
export function probationDaysLeft(p: { probationEndsAt: Date | null }, now: Date): number {
  if (!p.probationEndsAt) return 0;
  return Math.max(0, Math.ceil((p.probationEndsAt.getTime() - now.getTime()) / DAY_MS));
}

export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

export interface ListingCompleteness {
  done: number;
  total: number;
  missing: string[];
}

/** What a prospect needs to see before contacting a partner. */
export function listingCompleteness(p: {
  tagline: string;
  description: string;
  website: string | null;
  regions: readonly string[];
  stacks: readonly string[];
  languages: readonly string[];
  contactEmail: string | null;
  slaResponseHours: number | null;
  proofLinks: readonly string[];
}): ListingCompleteness {
  const checks: [string, boolean][] = [
    ["A one-line tagline", p.tagline.trim().length > 0],
    ["A description of at least 200 characters", p.description.trim().length >= 200],
    ["Your website", Boolean(p.website)],
    ["Regions you serve", p.regions.length > 0],
    ["Stacks you install on", p.stacks.length > 0],
    ["Languages you work in", p.languages.length > 0],
    ["A contact email", Boolean(p.contactEmail)],
    ["Your response-time SLA", p.slaResponseHours !== null],
    ["Three CAI Verify proof links", p.proofLinks.length >= 3],
  ];
  return {
    done: checks.filter(([, ok]) => ok).length,
    total: checks.length,
    missing: checks.filter(([, ok]) => !ok).map(([label]) => label),
  };
}
