import type { BadgeState } from "@/db/schema/badges";
import type { ViolationKind } from "@/db/schema/badge-monitoring";
import { TIER_LABELS, type Tier } from "@/lib/partners/constants";
import { BADGE_LABELS, isValidState, tierRank } from "./model";

// What the scanner looks for on a partner's page, as a pure function of the
// HTML. A tolerant tag scan (not a full parser): pages are often malformed, and
// we only need <img> tags, the <a> around them and the visible text.
//
// Findings:
// - foreign_image: an <img> that presents itself as our badge (alt/title/file
//   name mention Provenant and a badge) but does not load from our badge URL,
//   or loads another partner's badge;
// - inactive_badge: our badge image for a badge that is expired or revoked;
// - missing_verify_link: our badge image not inside a link to its /verify page;
// - tier_overclaim: text or alt text pairing "Provenant" with a tier above the
//   highest tier the partner's valid track badges hold.

export interface DetectBadge {
  id: string;
  tier: Tier | null;
  kind: "track" | "performance";
  /** Effective state now (expired once past expiry). */
  state: BadgeState;
}

export interface DetectInput {
  html: string;
  pageUrl: string;
  /** Our app's origin, e.g. https://partners.provenant.dev. */
  appOrigin: string;
  badges: readonly DetectBadge[];
}

export interface Finding {
  kind: ViolationKind;
  badgeId: string | null;
  /** Where on the page, stable between scans (part of the fingerprint). */
  place: string;
  detail: string;
}

interface Tag {
  name: "a" | "img";
  closing: boolean;
  attrs: Record<string, string>;
}

const TAG_RE = /<(\/?)(a|img)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTR_RE = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

function parseAttrs(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(ATTR_RE)) {
    const name = m[1]!.toLowerCase();
    if (!(name in out)) out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

function* tags(html: string): Generator<Tag> {
  for (const m of html.matchAll(TAG_RE)) {
    yield { name: m[2]!.toLowerCase() as "a" | "img", closing: m[1] === "/", attrs: parseAttrs(m[3] ?? "") };
  }
}

function resolve(href: string, base: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

const OUR_IMAGE_PATH = /^\/badges\/(bdg_[0-9a-z]{6,40})\.(?:svg|png)$/;
const VERIFY_PATH = /^\/verify\/(bdg_[0-9a-z]{6,40})\/?$/;
const BADGE_WORDS = new RegExp(
  `\\b(badge|certified|partner|${Object.values(BADGE_LABELS)
    .map((l) => l.replace(/[-\s]+/g, "[-\\s]*"))
    .join("|")})\\b`,
  "i",
);

/** Visible text: tags, scripts and styles removed, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, " ")
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

const CLAIM_RE = /provenant\b[^.!?\n]{0,60}?\b(premier|advanced)\b|\b(premier|advanced)\b[^.!?\n]{0,40}?\bprovenant\b/gi;

export function claimedTiers(text: string): Tier[] {
  const out = new Set<Tier>();
  for (const m of text.matchAll(CLAIM_RE)) out.add((m[1] ?? m[2])!.toLowerCase() as Tier);
  return [...out];
}

/** The highest tier among the partner's valid track badges (null: none). */
export function heldTier(badges: readonly DetectBadge[]): Tier | null {
  let best: Tier | null = null;
  for (const b of badges) if (b.kind === "track" && b.tier && isValidState(b.state) && tierRank(b.tier) > tierRank(best)) best = b.tier;
  return best;
}

export function detectViolations(input: DetectInput): Finding[] {
  const app = new URL(input.appOrigin);
  const mine = new Map(input.badges.map((b) => [b.id, b]));
  const findings = new Map<string, Finding>();
  const add = (f: Finding) => findings.set(`${f.kind}|${f.place}`, f);
  const anchors: (URL | null)[] = [];
  const alts: string[] = [];

  for (const tag of tags(input.html)) {
    if (tag.name === "a") {
      if (tag.closing) anchors.pop();
      else anchors.push(tag.attrs.href ? resolve(tag.attrs.href, input.pageUrl) : null);
      continue;
    }
    const src = tag.attrs.src ? resolve(tag.attrs.src, input.pageUrl) : null;
    const described = [tag.attrs.alt, tag.attrs.title, tag.attrs["aria-label"]].filter(Boolean).join(" ");
    if (described) alts.push(described);
    const ourPath = src && src.host === app.host ? OUR_IMAGE_PATH.exec(src.pathname) : null;
    if (ourPath) {
      const id = ourPath[1]!;
      const badge = mine.get(id);
      if (!badge) {
        add({ kind: "foreign_image", badgeId: null, place: `img:${id}`, detail: `Shows badge ${id}, which belongs to another partner or does not exist.` });
        continue;
      }
      if (!isValidState(badge.state)) {
        add({ kind: "inactive_badge", badgeId: id, place: `badge:${id}`, detail: `Shows badge ${id}, which is ${badge.state}.` });
      }
      const link = anchors.findLast((a) => a !== null) ?? null;
      const linked = link && link.host === app.host && VERIFY_PATH.exec(link.pathname)?.[1] === id;
      if (!linked) {
        add({ kind: "missing_verify_link", badgeId: id, place: `badge:${id}`, detail: `Badge ${id} is not linked to ${app.origin}/verify/${id}.` });
      }
      continue;
    }
    const fileName = src ? decodeURIComponent(src.pathname.split("/").pop() ?? "") : "";
    const claims = `${described} ${fileName.replace(/[-_.]+/g, " ")}`;
    if (/provenant/i.test(claims) && BADGE_WORDS.test(claims)) {
      const where = src ? src.toString() : "(no src)";
      add({ kind: "foreign_image", badgeId: null, place: `img:${where}`, detail: `An image presented as a Provenant badge ("${described || fileName}") loads from ${where}, not from our badge URL.` });
    }
  }

  const held = heldTier(input.badges);
  const text = `${visibleText(input.html)} ${alts.join(" . ")}`;
  for (const tier of claimedTiers(text)) {
    if (tierRank(tier) > tierRank(held)) {
      add({
        kind: "tier_overclaim",
        badgeId: null,
        place: `tier:${tier}`,
        detail: `The page claims Provenant ${TIER_LABELS[tier]}; the partner holds ${held ? TIER_LABELS[held] : "no valid track badge"}.`,
      });
    }
  }
  return [...findings.values()];
}

// ---------------------------------------------------------------------------
// robots.txt
// ---------------------------------------------------------------------------

/**
 * Whether robots.txt lets `agent` fetch `path`. Groups for our agent win over
 * "*"; within a group the longest matching Allow/Disallow rule decides (ties go
 * to Allow); "*" and "$" wildcards are honoured.
 */
export function robotsAllows(robots: string, agent: string, path: string): boolean {
  type Group = { agents: string[]; rules: { allow: boolean; pattern: string }[] };
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of robots.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, "").trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === "user-agent") {
      if (!current || !lastWasAgent) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
    } else {
      lastWasAgent = false;
      if (current && (key === "allow" || key === "disallow")) current.rules.push({ allow: key === "allow", pattern: value });
    }
  }
  const name = agent.toLowerCase();
  const specific = groups.filter((g) => g.agents.some((a) => a !== "*" && name.includes(a)));
  const chosen = specific.length ? specific : groups.filter((g) => g.agents.includes("*"));
  let best: { allow: boolean; length: number } | null = null;
  for (const g of chosen) {
    for (const r of g.rules) {
      if (r.pattern === "") continue;
      const re = new RegExp(
        "^" +
          r.pattern
            .replace(/[.+?^{}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\\\$$|\$$/, "$"),
      );
      if (re.test(path) && (!best || r.pattern.length > best.length || (r.pattern.length === best.length && r.allow))) {
        best = { allow: r.allow, length: r.pattern.length };
      }
    }
  }
  return best ? best.allow : true;
}
