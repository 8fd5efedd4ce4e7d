import { getEnv } from "@/lib/env";
import { isOnProbation } from "./rules";
import type { PartnerPublic } from "./schemas";
import type { PartnerRow } from "./store";

/** The public shape of a partner: what the directory and the public API show. */
export function toPartnerPublic(p: PartnerRow, now: Date): PartnerPublic {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    track: p.track,
    tier: p.tier,
    status: p.status,
    onProbation: isOnProbation(p, now),
    tagline: p.tagline,
    description: p.description,
    website: p.website,
    logoUrl: p.logoUrl,
    hqCountry: p.hqCountry,
    regions: p.regions,
    stacks: p.stacks,
    languages: p.languages,
    contact: { name: p.contactName, email: p.contactEmail },
    slaResponseHours: p.slaResponseHours,
    proofLinks: p.proofLinks,
    joinedAt: p.joinedAt.toISOString(),
    profileUrl: `${getEnv().APP_URL}/partners/${p.slug}`,
  };
}
