// Program vocabulary shared by the schema, the forms, the API and the directory.
// Pure data: safe to import from anywhere, including client components.

export const TRACKS = ["installer", "auditor", "enterprise_integrator"] as const;
export type Track = (typeof TRACKS)[number];
export const TRACK_LABELS: Record<Track, string> = {
  installer: "Installer",
  auditor: "Auditor",
  enterprise_integrator: "Enterprise Integrator",
};

/** Ordered lowest to highest. */
export const TIERS = ["verified", "advanced", "premier"] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, string> = {
  verified: "Verified",
  advanced: "Advanced",
  premier: "Premier",
};

export const PARTNER_STATUSES = ["active", "probation", "suspended"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export const STATUS_LABELS: Record<PartnerStatus, string> = {
  active: "Active",
  probation: "Probation",
  suspended: "Suspended",
};

export const STACKS = ["wordpress", "shopify", "workers", "custom"] as const;
export type Stack = (typeof STACKS)[number];
export const STACK_LABELS: Record<Stack, string> = {
  wordpress: "WordPress",
  shopify: "Shopify",
  workers: "Cloudflare Workers",
  custom: "Custom stack",
};

export const REGIONS = ["na", "latam", "europe", "mea", "apac"] as const;
export type Region = (typeof REGIONS)[number];
export const REGION_LABELS: Record<Region, string> = {
  na: "North America",
  latam: "Latin America",
  europe: "Europe",
  mea: "Middle East & Africa",
  apac: "Asia Pacific",
};

export const LANGUAGES = ["en", "es", "fr", "de", "pt", "it", "nl", "ja", "ko", "zh", "hi", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_LABELS: Record<Language, string> = {
  en: "English",
  es: "Spanish",
  fr: "French",
  de: "German",
  pt: "Portuguese",
  it: "Italian",
  nl: "Dutch",
  ja: "Japanese",
  ko: "Korean",
  zh: "Chinese",
  hi: "Hindi",
  ar: "Arabic",
};

export const MEMBER_ROLES = ["owner", "member"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const USER_ROLES = ["admin", "user"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Probation lasts this long from the day a partner joins the program. */
export const PROBATION_DAYS = 60;

/** CAI Verify proof link for a public asset URL. */
export function verifyLinkFor(assetUrl: string): string {
  return `https://contentcredentials.org/verify?source=${encodeURIComponent(assetUrl)}`;
}
