import { TIER_LABELS, TRACK_LABELS } from "@/lib/partners/constants";
import { assetOfVerifyLink, type OnePagerData } from "./one-pager-html";

// What the 1200x630 social card says, from the one-pager's data. Pure, so it is
// tested without rendering; the route draws it with next/og.

export interface SocialCard {
  headline: string;
  partnerName: string;
  standing: string;
  badges: string[];
  proofHosts: string[];
  logoDataUri: string | null;
  accent: string;
}

const ACCENTS = { verified: "#1d4ed8", advanced: "#6d28d9", premier: "#b45309" } as const;

export function socialCardOf(d: OnePagerData): SocialCard {
  const hosts = d.proofLinks
    .map((l) => {
      try {
        return new URL(assetOfVerifyLink(l)).hostname;
      } catch {
        return null;
      }
    })
    .filter((h): h is string => Boolean(h));
  return {
    headline: d.headline.length > 80 ? `${d.headline.slice(0, 77)}…` : d.headline,
    partnerName: d.partner.name,
    standing: `${TIER_LABELS[d.partner.tier]} ${TRACK_LABELS[d.partner.track]} · Provenant Partner Program`,
    badges: d.badges.map((b) => b.label).slice(0, 3),
    proofHosts: [...new Set(hosts)].slice(0, 3),
    logoDataUri: d.logoDataUri && !d.logoDataUri.startsWith("data:image/svg") ? d.logoDataUri : null,
    accent: ACCENTS[d.partner.tier],
  };
}
