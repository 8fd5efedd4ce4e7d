import { escapeXml, renderBadgeSvg } from "./svg";
import { BADGE_THEMES, type BadgeTheme, type BadgeView } from "./model";
import type { BadgeState } from "@/db/schema/badges";

// The brand kit: the program logo (light and dark), static badge icons of the
// partner's valid badges for print and slides, and the usage rules as text.
// Web pages must use the live embed instead (it follows the badge's state).

export function logoSvg(theme: BadgeTheme): string {
  const text = theme === "dark" ? "#f8fafc" : "#0f172a";
  const accent = theme === "dark" ? "#5eead4" : "#236f66";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="64" viewBox="0 0 320 64" role="img" aria-labelledby="logo-title">` +
    `<title id="logo-title">Provenant Partner Program</title>` +
    `<rect x="8" y="8" width="48" height="48" rx="12" fill="#236f66"/>` +
    `<path d="M23 41V23h10.5a7.5 7.5 0 0 1 0 15H29" fill="none" stroke="#ffffff" stroke-width="3.9" stroke-linecap="round" stroke-linejoin="round"/>` +
    `<circle cx="41.75" cy="41.75" r="3.75" fill="#99f6e4"/>` +
    `<g font-family="-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-weight="700">` +
    `<text x="72" y="30" font-size="22" fill="${text}">Provenant</text>` +
    `<text x="72" y="50" font-size="13" letter-spacing="2" fill="${accent}">PARTNER PROGRAM</text>` +
    `</g></svg>`
  );
}

export interface BrandFile {
  name: string;
  contentType: string;
  kind: "logo" | "badge";
  theme: BadgeTheme;
  format: "svg" | "png";
  badge?: { view: BadgeView; state: BadgeState };
}

const slug = (v: BadgeView) => `${v.badge.replaceAll("_", "-")}${v.tier ? `-${v.tier}` : ""}`;

/** Every single file of the kit for this partner's valid badges. */
export function brandFiles(badges: readonly { view: BadgeView; state: BadgeState }[]): BrandFile[] {
  const files: BrandFile[] = [];
  for (const theme of BADGE_THEMES) {
    for (const format of ["svg", "png"] as const) {
      files.push({ name: `provenant-partner-logo-${theme}.${format}`, contentType: format === "svg" ? "image/svg+xml" : "image/png", kind: "logo", theme, format });
      for (const b of badges) {
        files.push({ name: `badge-${slug(b.view)}-${theme}.${format}`, contentType: format === "svg" ? "image/svg+xml" : "image/png", kind: "badge", theme, format, badge: b });
      }
    }
  }
  return files;
}

export function brandSvg(file: BrandFile, verifyUrl: (id: string) => string): string {
  if (file.kind === "logo") return logoSvg(file.theme);
  return renderBadgeSvg(file.badge!.view, file.badge!.state, { size: "lg", theme: file.theme }, { verifyUrl: verifyUrl(file.badge!.view.id) });
}

export const BRAND_RULES = {
  clearSpace: "Keep clear space around the badge of at least half its height (36 px around a 240×72 badge) on every side: no text, logos or edges inside it.",
  minimumSize: "Never show the badge smaller than 120 px wide on screen (use the small 160 px variant or larger) or 30 mm wide in print.",
  dos: [
    "Use the live embed from your console on web pages, linked to the badge's verification page.",
    "Pick the light badge on light backgrounds and the dark badge on dark backgrounds.",
    "Show only badges you currently hold, at the tier you hold.",
    "Place the badge near the work it vouches for (services, about, case studies).",
  ],
  donts: [
    "Do not copy the badge image to your own server: it would stop showing your current state.",
    "Do not recolour, stretch, rotate, crop or add effects to the badge or the logo.",
    "Do not claim a tier you do not hold, or show an expired or revoked badge.",
    "Do not combine the badge with your own logo into a new mark, or use it in your company or product name.",
    "Do not place the badge on busy photos or backgrounds with poor contrast.",
  ],
};

export function guidelinesText(partnerName: string, appUrl: string): string {
  return [
    `Provenant Partner Program: brand kit for ${partnerName}`,
    "",
    "On web pages, use the live embed from your console (it always shows your current state and links to its verification page):",
    `${appUrl}/console/badges`,
    "The static files in this kit are for print, slides and documents only.",
    "",
    `Clear space: ${BRAND_RULES.clearSpace}`,
    `Minimum size: ${BRAND_RULES.minimumSize}`,
    "",
    "Do:",
    ...BRAND_RULES.dos.map((d) => `  - ${d}`),
    "",
    "Don't:",
    ...BRAND_RULES.donts.map((d) => `  - ${d}`),
    "",
    `Full guidelines: ${appUrl}/console/badges/brand`,
    "",
  ].join("\n");
}

export { escapeXml };
