import { BADGE_LABELS, SIZE_PX, STATE_LABELS, badgeLook, badgeTitle, type BadgeLook, type BadgeView, type Variant } from "./model";
import type { BadgeState } from "@/db/schema/badges";

// Hand-built badge SVG. One drawing on a 240x72 viewBox, scaled to the asked
// size, so it stays sharp at every size and zoom. Accessible: role="img" with a
// <title> (holder, badge, state) and a <desc> (where to verify). Expired and
// revoked badges are hatched, struck through and labelled in red, so no crop
// or thumbnail of them reads as a valid badge.

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

const SYMBOLS: Record<BadgeLook["symbol"], string> = {
  check: '<path d="M25 36.5l7.5 7.5 14.5-16" fill="none" stroke="#ffffff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>',
  clock: '<circle cx="36" cy="36" r="10" fill="none" stroke="#ffffff" stroke-width="3"/><path d="M36 30v6.5l4.5 3" fill="none" stroke="#ffffff" stroke-width="3" stroke-linecap="round"/>',
  cross: '<path d="M28 28l16 16M44 28l-16 16" stroke="#ffffff" stroke-width="4" stroke-linecap="round"/>',
  slash: '<circle cx="36" cy="36" r="10" fill="none" stroke="#ffffff" stroke-width="3"/><path d="M29 43l14-14" stroke="#ffffff" stroke-width="3" stroke-linecap="round"/>',
};

/** Rough width of upper-case bold text at a font size, for sizing the label pill. */
const pillWidth = (label: string, fontSize: number) => Math.ceil(label.length * fontSize * 0.68 + 14);

export interface SvgOptions {
  verifyUrl: string;
}

export function renderBadgeSvg(view: BadgeView, state: BadgeState, variant: Variant, options: SvgOptions): string {
  const look = badgeLook(view, state, variant.theme);
  const { width, height } = SIZE_PX[variant.size];
  const uid = `${view.id}-${variant.size}-${variant.theme}`;
  const label = BADGE_LABELS[view.badge];
  const title = `Provenant ${badgeTitle(view)} — ${view.partnerName} (${STATE_LABELS[state].toLowerCase()})`;
  const desc =
    state === "active" || state === "probation"
      ? `${view.partnerName} holds this badge. Verify it at ${options.verifyUrl}`
      : `This badge is ${STATE_LABELS[state].toLowerCase()} and no longer valid. Details at ${options.verifyUrl}`;
  const pill = pillWidth(look.stripLabel, 9);
  const hatch = look.hatch
    ? `<defs><pattern id="h-${uid}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="8" fill="${look.stripFill}" fill-opacity="0.14"/></pattern></defs>` +
      `<rect x="1" y="1" width="238" height="70" rx="10" fill="url(#h-${uid})"/>`
    : "";
  const strike = look.hatch ? `<path d="M66 37.5H${Math.min(232, 70 + Math.ceil(label.length * 7.6))}" stroke="${look.stripFill}" stroke-width="2"/>` : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 240 72" role="img" aria-labelledby="t-${uid} d-${uid}" shape-rendering="geometricPrecision" text-rendering="geometricPrecision">` +
    `<title id="t-${uid}">${escapeXml(title)}</title><desc id="d-${uid}">${escapeXml(desc)}</desc>` +
    `<rect x="1" y="1" width="238" height="70" rx="10" fill="${look.background}" stroke="${look.border}" stroke-width="2"/>` +
    hatch +
    `<circle cx="36" cy="36" r="22" fill="${look.accent}"/>` +
    SYMBOLS[look.symbol] +
    `<g font-family="${FONT}">` +
    `<text x="68" y="23" font-size="9" font-weight="700" letter-spacing="1.6" fill="${look.muted}">PROVENANT</text>` +
    `<text x="68" y="42" font-size="14.5" font-weight="700" fill="${look.text}">${escapeXml(label)}</text>` +
    `<rect x="68" y="50" width="${pill}" height="15" rx="7.5" fill="${look.stripFill}"/>` +
    `<text x="${68 + pill / 2}" y="60.5" font-size="9" font-weight="700" letter-spacing="0.8" text-anchor="middle" fill="${look.stripText}">${escapeXml(look.stripLabel)}</text>` +
    `</g>` +
    strike +
    `</svg>`
  );
}

/** The small image served for an unknown badge (404) or a bad request (400), so a broken embed still says why. */
export function renderErrorSvg(message: string, variant: Variant = { size: "md", theme: "light" }): string {
  const { width, height } = SIZE_PX[variant.size];
  const dark = variant.theme === "dark";
  const bg = dark ? "#0f172a" : "#ffffff";
  const fg = dark ? "#cbd5e1" : "#475569";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 240 72" role="img" aria-label="${escapeXml(`Provenant badge: ${message}`)}">` +
    `<title>${escapeXml(`Provenant badge: ${message}`)}</title>` +
    `<rect x="1" y="1" width="238" height="70" rx="10" fill="${bg}" stroke="#94a3b8" stroke-width="2" stroke-dasharray="6 4"/>` +
    `<g font-family="${FONT}" text-anchor="middle">` +
    `<text x="120" y="30" font-size="9" font-weight="700" letter-spacing="1.6" fill="${fg}">PROVENANT BADGE</text>` +
    `<text x="120" y="50" font-size="14" font-weight="700" fill="${fg}">${escapeXml(message)}</text>` +
    `</g></svg>`
  );
}
