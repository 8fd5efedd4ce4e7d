import "server-only";
import { strToU8, zipSync } from "fflate";
import { getDb } from "@/db/client";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { FILE_TYPES } from "@/lib/storage/policies";
import { readUpload } from "@/lib/storage/uploads";
import { coMarketingPartnerOrThrow } from "./access";
import { badgeMarkSvg, badgesFor, escapeHtml } from "./one-pager-html";
import { badgesOfPartner } from "./store";
import { ONE_PAGER_TEMPLATES } from "./templates";
import { deckTemplate, demoScript, survivalReportSegment, type KitPartner } from "./webinar-kit";

// Co-branded assets a co-marketing partner downloads: logos, the badge kit and
// the templates, one by one or all in one zip.

export interface KitFile {
  path: string;
  label: string;
  group: "Logos" | "Badge kit" | "Templates";
  contentType: string;
  bytes: Uint8Array;
}

const PROGRAM_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="64" viewBox="0 0 256 64" role="img" aria-label="Provenant Partners">
<rect x="0" y="0" width="64" height="64" rx="16" fill="#0f766e"/>
<path d="M20 44V20h14a10 10 0 0 1 0 20h-8" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>
<circle cx="45" cy="45" r="5" fill="#99f6e4"/>
<text x="76" y="41" font-family="Helvetica, Arial, sans-serif" font-size="22" font-weight="700" fill="#0f172a">Provenant Partners</text>
</svg>
`;

const BADGE_LABELS: Record<string, string> = {
  certified_installer: "Certified Installer",
  certified_auditor: "Certified Auditor",
  enterprise_certified: "Enterprise Certified",
  fast_installer: "Fast Installer",
  compliance_pro: "Compliance Pro",
  five_star_nps: "Five-star NPS",
};

function slugPart(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "badge";
}

export async function kitFiles(principal: Principal | null, partnerId: string): Promise<KitFile[]> {
  assertPartner(principal, "marketing:read", partnerId);
  const db = await getDb();
  const partner = await coMarketingPartnerOrThrow(db, partnerId);
  const appUrl = getEnv().APP_URL.replace(/\/$/, "");
  const kitPartner: KitPartner = { name: partner.name, website: partner.website, profileUrl: `${appUrl}/partners/${partner.slug}` };
  const held = await badgesOfPartner(db, partnerId);
  const marks = badgesFor(partner, held.map((b) => ({ label: BADGE_LABELS[b.badge] ?? b.badge, tier: b.tier, state: b.state })));
  const files: KitFile[] = [
    { path: "logos/provenant-partners.svg", label: "Program logo (SVG)", group: "Logos", contentType: "image/svg+xml", bytes: strToU8(PROGRAM_LOGO_SVG) },
  ];
  const logoId = partner.logoUrl?.match(/^\/api\/files\/(upl_[0-9a-z]+)$/)?.[1];
  if (logoId) {
    const logo = await readUpload(null, logoId).catch(() => null);
    if (logo) {
      const ext = FILE_TYPES[logo.upload.contentType as keyof typeof FILE_TYPES]?.ext ?? "bin";
      files.push({ path: `logos/${partner.slug}.${ext}`, label: `${partner.name} logo`, group: "Logos", contentType: logo.upload.contentType, bytes: logo.body });
    }
  }
  for (const m of marks) {
    files.push({ path: `badge-kit/${slugPart(m.label)}.svg`, label: `${m.label} badge mark (SVG)`, group: "Badge kit", contentType: "image/svg+xml", bytes: strToU8(badgeMarkSvg(m)) });
  }
  const live = held.filter((b) => b.state === "active" || b.state === "probation");
  const embed = [
    `<!-- ${escapeHtml(partner.name)}: live Provenant badges. They update when your certification changes. -->`,
    ...live.map((b) => `<a href="${appUrl}/partners/${partner.slug}"><img src="${appUrl}/badges/${b.id}.svg" alt="${escapeHtml(BADGE_LABELS[b.badge] ?? b.badge)} — Provenant Partners" height="44"></a>`),
    live.length ? "" : `<a href="${appUrl}/partners/${partner.slug}">${escapeHtml(partner.name)} — Provenant Partner</a>`,
  ].join("\n");
  files.push({ path: "badge-kit/embed.html", label: "Live badge embed code", group: "Badge kit", contentType: "text/html", bytes: strToU8(`${embed}\n`) });
  files.push(
    { path: "templates/webinar-deck.md", label: "Webinar deck template", group: "Templates", contentType: "text/markdown", bytes: strToU8(deckTemplate(kitPartner)) },
    { path: "templates/demo-script.md", label: "Demo script: strip vs preserve vs remote", group: "Templates", contentType: "text/markdown", bytes: strToU8(demoScript(kitPartner)) },
    { path: "templates/survival-report-segment.md", label: "Segment: run your own Survival Report", group: "Templates", contentType: "text/markdown", bytes: strToU8(survivalReportSegment(kitPartner)) },
    {
      path: "templates/one-pager-copy.md",
      label: "One-pager copy (all templates)",
      group: "Templates",
      contentType: "text/markdown",
      bytes: strToU8(
        ONE_PAGER_TEMPLATES.map(
          (t) =>
            `# ${t.defaultHeadline}\n\n${t.defaultIntro}\n\n${t.sections
              .map((s) => `## ${s.heading}\n\n${s.quote ? `> ${s.quote.text}\n> — ${s.quote.source}\n\n` : ""}${(s.paragraphs ?? []).join("\n\n")}${s.checklist ? s.checklist.map((c) => `- [ ] ${c}`).join("\n") : ""}`)
              .join("\n\n")}\n`,
        ).join("\n---\n\n"),
      ),
    },
  );
  return files;
}

export async function kitFile(principal: Principal | null, partnerId: string, path: string): Promise<KitFile> {
  const file = (await kitFiles(principal, partnerId)).find((f) => f.path === path);
  if (!file) throw notFound("Asset");
  return file;
}

export async function kitZip(principal: Principal | null, partnerId: string): Promise<{ bytes: Uint8Array; filename: string }> {
  const files = await kitFiles(principal, partnerId);
  const db = await getDb();
  const partner = await coMarketingPartnerOrThrow(db, partnerId);
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.path] = f.bytes;
  return { bytes: zipSync(entries, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") }), filename: `${partner.slug}-co-marketing-kit.zip` };
}
