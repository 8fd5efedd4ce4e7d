import { TIER_LABELS, TRACK_LABELS, type Tier, type Track } from "@/lib/partners/constants";
import type { OnePagerTemplate } from "./templates";

// The one-pager as one self-contained HTML document (inline CSS, images as
// data: URIs): the browser preview shows it in a frame and the PDF route prints
// it with Chromium, so both are the same page. Pure: data in, string out.

export interface OnePagerBadge {
  label: string;
  tier: Tier | null;
  probation: boolean;
}

export interface OnePagerData {
  template: OnePagerTemplate;
  headline: string;
  intro: string;
  partner: { name: string; tagline: string; website: string | null; contactEmail: string | null; track: Track; tier: Tier; slug: string };
  logoDataUri: string | null;
  badges: OnePagerBadge[];
  proofLinks: string[];
  profileUrl: string;
}

const TIER_COLORS: Record<Tier, { bg: string; fg: string }> = {
  verified: { bg: "#1d4ed8", fg: "#ffffff" },
  advanced: { bg: "#6d28d9", fg: "#ffffff" },
  premier: { bg: "#b45309", fg: "#ffffff" },
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The badges a partner shows: its track certification at its tier, then its other active badges. */
export function badgesFor(partner: { track: Track; tier: Tier; status: string }, held: { label: string; tier: Tier | null; state: string }[]): OnePagerBadge[] {
  const probation = partner.status === "probation";
  const track = { label: `Certified ${TRACK_LABELS[partner.track]}`, tier: partner.tier, probation };
  const others = held.filter((b) => b.state === "active" && b.label !== track.label).map((b) => ({ label: b.label, tier: b.tier, probation: false }));
  return [track, ...others].slice(0, 4);
}

/** A small badge mark: a shield with the tier's colour (gray on probation) and the label beside it. */
export function badgeMarkSvg(b: OnePagerBadge): string {
  const color = b.probation || !b.tier ? { bg: "#6b7280", fg: "#ffffff" } : TIER_COLORS[b.tier];
  const tier = b.tier ? TIER_LABELS[b.tier] : "";
  const label = escapeHtml(b.label);
  const width = 64 + Math.max(label.length, tier.length) * 7;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="44" viewBox="0 0 ${width} 44" role="img" aria-label="${label}${tier ? ` — ${tier}` : ""}">
<rect x="0.5" y="0.5" width="${width - 1}" height="43" rx="8" fill="#ffffff" stroke="#cbd5e1"/>
<path d="M22 6l12 4v9c0 8-5.5 13.5-12 16-6.5-2.5-12-8-12-16v-9z" fill="${color.bg}"/>
<path d="M16.5 20.5l4 4 7-8" fill="none" stroke="${color.fg}" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>
<text x="42" y="19" font-family="Helvetica, Arial, sans-serif" font-size="11" font-weight="700" fill="#0f172a">${label}</text>
<text x="42" y="33" font-family="Helvetica, Arial, sans-serif" font-size="10" fill="#475569">${escapeHtml(tier)}${b.probation ? " · probation" : ""}</text>
</svg>`;
}

function monogram(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  return `<div class="monogram" aria-hidden="true">${escapeHtml(letters)}</div>`;
}

/** The asset a Verify link checks, for showing next to the link. */
export function assetOfVerifyLink(link: string): string {
  try {
    return new URL(link).searchParams.get("source") ?? link;
  } catch {
    return link;
  }
}

export function renderOnePagerHtml(d: OnePagerData): string {
  const t = d.template;
  const sections = t.sections
    .map((s) => {
      const paragraphs = (s.paragraphs ?? []).map((p) => `<p>${escapeHtml(p)}</p>`).join("");
      const checklist = s.checklist ? `<ol class="checklist">${s.checklist.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ol>` : "";
      const quote = s.quote ? `<blockquote><p>${escapeHtml(s.quote.text)}</p><cite>${escapeHtml(s.quote.source)}</cite></blockquote>` : "";
      return `<section><h2>${escapeHtml(s.heading)}</h2>${quote}${paragraphs}${checklist}</section>`;
    })
    .join("");
  const proofs = d.proofLinks.length
    ? `<ol class="proofs">${d.proofLinks.map((l) => `<li><a href="${escapeHtml(l)}">${escapeHtml(assetOfVerifyLink(l))}</a></li>`).join("")}</ol>`
    : `<p class="muted">Proof links appear here once added to the listing.</p>`;
  const logo = d.logoDataUri ? `<img class="logo" src="${escapeHtml(d.logoDataUri)}" alt="${escapeHtml(d.partner.name)} logo">` : monogram(d.partner.name);
  const contact = [d.partner.website, d.partner.contactEmail].filter(Boolean).map((v) => escapeHtml(v!)).join(" · ");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(d.headline)} — ${escapeHtml(d.partner.name)}</title>
<style>
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: Helvetica, Arial, sans-serif; color: #0f172a; font-size: 12.5px; line-height: 1.5; background: #fff; }
.page { max-width: 182mm; margin: 0 auto; padding: 8mm 0; }
header { display: flex; align-items: center; justify-content: space-between; gap: 16px; border-bottom: 3px solid #0f766e; padding-bottom: 12px; }
.brand { display: flex; align-items: center; gap: 12px; }
.logo { max-height: 48px; max-width: 160px; object-fit: contain; }
.monogram { width: 48px; height: 48px; border-radius: 10px; background: #0f766e; color: #fff; display: flex; align-items: center; justify-content: center; font-weight: 700; font-size: 20px; }
.partner-name { font-size: 18px; font-weight: 700; }
.tagline { color: #475569; font-size: 12px; }
.program { text-align: right; font-size: 11px; color: #475569; }
h1 { font-size: 28px; line-height: 1.15; margin: 20px 0 8px; }
.intro { font-size: 14px; color: #334155; margin: 0 0 14px; }
h2 { font-size: 15px; margin: 16px 0 6px; color: #0f766e; }
p { margin: 0 0 8px; }
blockquote { margin: 8px 0; padding: 10px 14px; border-left: 4px solid #0f766e; background: #f0fdfa; }
blockquote p { font-size: 13.5px; font-style: italic; }
cite { display: block; font-size: 11px; color: #475569; font-style: normal; }
.checklist { padding-left: 20px; } .checklist li { margin: 4px 0; }
.badges { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0; }
.proofs { padding-left: 18px; } .proofs a { color: #0f766e; word-break: break-all; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; margin-top: 14px; border-top: 1px solid #e2e8f0; padding-top: 8px; }
.muted { color: #64748b; }
a { color: #0f766e; }
footer { margin-top: 18px; padding-top: 8px; border-top: 1px solid #e2e8f0; font-size: 10.5px; color: #64748b; display: flex; justify-content: space-between; gap: 12px; }
@media print { .page { padding: 0; } a { text-decoration: none; } }
</style></head>
<body><div class="page">
<header><div class="brand">${logo}<div><div class="partner-name">${escapeHtml(d.partner.name)}</div><div class="tagline">${escapeHtml(d.partner.tagline)}</div></div></div>
<div class="program">${escapeHtml(TIER_LABELS[d.partner.tier])} ${escapeHtml(TRACK_LABELS[d.partner.track])}<br>Provenant Partner Program</div></header>
<h1>${escapeHtml(d.headline)}</h1>
<p class="intro">${escapeHtml(d.intro)}</p>
${sections}
<div class="grid">
<section><h2>Certified by the program</h2><div class="badges">${d.badges.map(badgeMarkSvg).join("")}</div>
<p class="muted">Badges are live: check them at <a href="${escapeHtml(d.profileUrl)}">${escapeHtml(d.profileUrl)}</a></p></section>
<section><h2>Verify our work</h2>${proofs}</section>
</div>
<footer><span>${contact}</span><span>Content Credentials · C2PA</span></footer>
</div></body></html>`;
}
