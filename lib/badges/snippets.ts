import { SIZE_PX, badgeTitle, type BadgeSize, type BadgeTheme, type BadgeView } from "./model";

// Public URLs of a badge and the embed code partners copy. The image always
// loads from our URL (so it shows the current state) and links to the badge's
// verification page; the alt text names the holder and the badge.

export interface BadgeUrls {
  imageUrl: string;
  pngUrl: string;
  verifyUrl: string;
  assertionUrl: string;
}

export function badgeUrls(appUrl: string, id: string): BadgeUrls {
  const base = appUrl.replace(/\/$/, "");
  return {
    imageUrl: `${base}/badges/${id}.svg`,
    pngUrl: `${base}/badges/${id}.png`,
    verifyUrl: `${base}/verify/${id}`,
    assertionUrl: `${base}/verify/${id}/assertion.json`,
  };
}

export function imageUrlFor(appUrl: string, id: string, opts: { size: BadgeSize; theme: BadgeTheme; format?: "svg" | "png" }): string {
  const u = badgeUrls(appUrl, id);
  const params = new URLSearchParams();
  if (opts.size !== "md") params.set("size", opts.size);
  if (opts.theme !== "light") params.set("theme", opts.theme);
  const q = params.toString();
  return `${opts.format === "png" ? u.pngUrl : u.imageUrl}${q ? `?${q}` : ""}`;
}

const attr = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const md = (v: string) => v.replace(/[[\]\\]/g, "\\$&");

export function embedSnippets(appUrl: string, view: Pick<BadgeView, "id" | "badge" | "tier" | "partnerName">, size: BadgeSize, theme: BadgeTheme) {
  const { verifyUrl } = badgeUrls(appUrl, view.id);
  const src = imageUrlFor(appUrl, view.id, { size, theme });
  const alt = `${view.partnerName}: Provenant ${badgeTitle(view)}`;
  const { width, height } = SIZE_PX[size];
  return {
    html: `<a href="${attr(verifyUrl)}" target="_blank" rel="noopener"><img src="${attr(src)}" alt="${attr(alt)}" width="${width}" height="${height}" loading="lazy"></a>`,
    markdown: `[![${md(alt)}](${src})](${verifyUrl})`,
  };
}
