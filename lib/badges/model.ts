import type { BadgeKey, BadgeKind, BadgeState } from "@/db/schema/badges";
import { TIER_LABELS, TIERS, type Tier } from "@/lib/partners/constants";

// Badges as shown to the world: names, the state a viewer sees right now, the
// image variants we serve and the look of each state. Pure data and functions:
// the SVG renderer, the PNG renderer, the verification page, the scanner and the
// console all read from here, so a badge reads the same everywhere.

export const BADGE_LABELS: Record<BadgeKey, string> = {
  certified_installer: "Certified Installer",
  certified_auditor: "Certified Auditor",
  enterprise_certified: "Enterprise Certified",
  fast_installer: "Fast Installer",
  compliance_pro: "Compliance Pro",
  five_star_nps: "Five-Star NPS",
};

export const BADGE_DESCRIPTIONS: Record<BadgeKey, string> = {
  certified_installer: "Installs Content Credentials that survive on customers' sites, certified by the Provenant partner program.",
  certified_auditor: "Audits Content Credentials for compliance, certified by the Provenant partner program.",
  enterprise_certified: "Rolls out Content Credentials in large companies, certified by the Provenant partner program.",
  fast_installer: "Gets customers to a verified install faster than the program's time-to-install bar.",
  compliance_pro: "Delivers complete, verifiable Evidence Packs for compliance audits.",
  five_star_nps: "Customers rate this partner among the program's best (NPS).",
};

export const STATE_LABELS: Record<BadgeState, string> = {
  active: "Active",
  probation: "Probation",
  expired: "Expired",
  revoked: "Revoked",
};

/** What the image and verification page need; a plain copy of the row plus the holder. */
export interface BadgeView {
  id: string;
  partnerId: string;
  partnerName: string;
  partnerSlug: string;
  kind: BadgeKind;
  badge: BadgeKey;
  tier: Tier | null;
  state: BadgeState;
  issuedAt: Date;
  expiresAt: Date | null;
  stateChangedAt: Date;
  revokedReason: string | null;
}

/**
 * The state a viewer sees at `now`: a badge past its expiry shows as expired
 * even before the certification engine writes the change.
 */
export function effectiveState(b: Pick<BadgeView, "state" | "expiresAt">, now: Date): BadgeState {
  if ((b.state === "active" || b.state === "probation") && b.expiresAt && b.expiresAt.getTime() <= now.getTime()) return "expired";
  return b.state;
}

/** Whether the badge currently vouches for its holder. */
export const isValidState = (s: BadgeState) => s === "active" || s === "probation";

export function badgeTitle(b: Pick<BadgeView, "badge" | "tier">): string {
  return b.tier ? `${BADGE_LABELS[b.badge]} · ${TIER_LABELS[b.tier]}` : BADGE_LABELS[b.badge];
}

// ---------------------------------------------------------------------------
// Image variants
// ---------------------------------------------------------------------------

export const BADGE_SIZES = ["sm", "md", "lg"] as const;
export type BadgeSize = (typeof BADGE_SIZES)[number];
export const BADGE_THEMES = ["light", "dark"] as const;
export type BadgeTheme = (typeof BADGE_THEMES)[number];
export const BADGE_FORMATS = ["svg", "png"] as const;
export type BadgeFormat = (typeof BADGE_FORMATS)[number];

/** Rendered pixel size; the SVG's viewBox stays 240x72 so every size is the same drawing. */
export const SIZE_PX: Record<BadgeSize, { width: number; height: number }> = {
  sm: { width: 160, height: 48 },
  md: { width: 240, height: 72 },
  lg: { width: 360, height: 108 },
};

export interface Variant {
  size: BadgeSize;
  theme: BadgeTheme;
}

export type ParsedBadgeRequest =
  | { ok: true; id: string; format: BadgeFormat; variant: Variant }
  | { ok: false; status: 400 | 404; message: string; format: BadgeFormat };

const FILE_RE = /^(bdg_[0-9a-z]{6,40})\.([a-z0-9]{1,8})$/;

/** Parses "/badges/<file>?size=&theme=": 404 for a file that is not a badge id, 400 for an unsupported format/size/theme. */
export function parseBadgeRequest(file: string, size: string | null, theme: string | null): ParsedBadgeRequest {
  const m = FILE_RE.exec(file);
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  const format: BadgeFormat = ext === "png" ? "png" : "svg";
  if (!m) return { ok: false, status: 404, message: "Unknown badge", format };
  if (m[2] !== "svg" && m[2] !== "png") return { ok: false, status: 400, message: "Use .svg or .png", format };
  const s = size ?? "md";
  const t = theme ?? "light";
  if (!(BADGE_SIZES as readonly string[]).includes(s)) return { ok: false, status: 400, message: "size must be sm, md or lg", format };
  if (!(BADGE_THEMES as readonly string[]).includes(t)) return { ok: false, status: 400, message: "theme must be light or dark", format };
  return { ok: true, id: m[1]!, format: m[2] as BadgeFormat, variant: { size: s as BadgeSize, theme: t as BadgeTheme } };
}

export const variantKey = (v: Variant) => `${v.size}-${v.theme}`;

// ---------------------------------------------------------------------------
// Look
// ---------------------------------------------------------------------------

export interface BadgeLook {
  /** Card background, border, main text, secondary text. */
  background: string;
  border: string;
  text: string;
  muted: string;
  /** Emblem fill and its symbol's colour. */
  accent: string;
  symbol: "check" | "clock" | "cross" | "slash";
  /** The strip on the right: tier or state. */
  stripLabel: string;
  stripFill: string;
  stripText: string;
  /** Diagonal hatching over the card (expired, revoked), so no crop looks valid. */
  hatch: boolean;
}

const TIER_ACCENT: Record<Tier, string> = { verified: "#236f66", advanced: "#1d4ed8", premier: "#7c3aed" };

/** Colours and labels for a badge in a state and theme. Probation is gray; expired and revoked say so in red. */
export function badgeLook(b: Pick<BadgeView, "tier">, state: BadgeState, theme: BadgeTheme): BadgeLook {
  const dark = theme === "dark";
  const base = {
    background: dark ? "#0f172a" : "#ffffff",
    border: dark ? "#334155" : "#cbd5e1",
    text: dark ? "#f8fafc" : "#0f172a",
    muted: dark ? "#cbd5e1" : "#475569",
  };
  if (state === "active") {
    const accent = b.tier ? TIER_ACCENT[b.tier] : "#236f66";
    return { ...base, accent, symbol: "check", stripLabel: b.tier ? TIER_LABELS[b.tier].toUpperCase() : "ACTIVE", stripFill: accent, stripText: "#ffffff", hatch: false };
  }
  if (state === "probation") {
    return { ...base, accent: dark ? "#64748b" : "#94a3b8", symbol: "clock", stripLabel: "PROBATION", stripFill: dark ? "#475569" : "#e2e8f0", stripText: dark ? "#f8fafc" : "#334155", hatch: false };
  }
  const red = dark ? "#f87171" : "#b91c1c";
  return {
    background: dark ? "#1e1b1b" : "#f8fafc",
    border: red,
    text: dark ? "#94a3b8" : "#64748b",
    muted: dark ? "#94a3b8" : "#64748b",
    accent: dark ? "#475569" : "#94a3b8",
    symbol: state === "revoked" ? "cross" : "slash",
    stripLabel: state === "revoked" ? "REVOKED" : "EXPIRED",
    stripFill: red,
    stripText: "#ffffff",
    hatch: true,
  };
}

export const tierRank = (t: Tier | null) => (t ? TIERS.indexOf(t) : -1);
