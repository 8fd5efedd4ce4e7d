// Directory vocabulary: badge filters and sorts. Pure data, safe in client components.

/** "certified": an active track badge (Certified Installer / Auditor, Enterprise Certified). */
export const BADGE_FILTERS = ["certified", "fast_installer", "compliance_pro", "five_star_nps"] as const;
export type BadgeFilter = (typeof BADGE_FILTERS)[number];
export const BADGE_FILTER_LABELS: Record<BadgeFilter, string> = {
  certified: "Certified",
  fast_installer: "Fast Installer",
  compliance_pro: "Compliance Pro",
  five_star_nps: "Five-star NPS",
};
/** On the auditor directory the same badges read as the capabilities prospects look for. */
export const AUDITOR_BADGE_LABELS: Record<BadgeFilter, string> = {
  certified: "SOC 2 evidence (Certified Auditor)",
  fast_installer: "Fast Installer",
  compliance_pro: "Compliance Pro",
  five_star_nps: "Five-star NPS",
};

export const BADGE_LABELS: Record<string, string> = {
  certified_installer: "Certified Installer",
  certified_auditor: "Certified Auditor",
  enterprise_certified: "Enterprise Certified",
  fast_installer: "Fast Installer",
  compliance_pro: "Compliance Pro",
  five_star_nps: "Five-star NPS",
};

export const DIRECTORY_SORTS = ["rank", "relevance"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

export const DIRECTORY_PAGE_SIZE = 20;
/** Longest search text accepted (longer is a 400 in the API, a notice on the page). */
export const MAX_QUERY_LENGTH = 100;
