// Attribution rules: pure functions of plain data and `now`.
//
// WHICH PARTNER WINS (the one rule, applied to every signup, pilot and paid
// event, by the matcher in store.ts `matchConversions`):
//
//   1. customer  — the customer already belongs to a partner (an earlier event
//                  was matched): every later event follows it. Attribution is
//                  decided once per customer, by its first matched event.
//   2. deal      — an open deal registration (registered, accepted or won) for
//                  the customer's domain, or the deal id sent with the event,
//                  registered before the event and still protected at it. With
//                  several, the earliest registration (first valid one wins).
//   3. click     — the click id sent with the event (the pp_ref cookie or the
//                  pp_click parameter): a non-bot click at most `windowDays`
//                  (60) days before the event. A click *after* the event still
//                  matches but the fraud rules hold its commissions.
//   4. partner_id — the partner id sent with the event (the pp_partner
//                  parameter), for a partner that is not suspended.
//
// The highest-priority candidate wins; nothing is split between partners.
//
// Worked example: Brightpixel's link is clicked on March 1 (clk_a); on March 5
// Ledgerline registers acme.example; on March 20 acme.example signs up with
// clk_a. Candidates: deal (Ledgerline, priority 2) and click (Brightpixel,
// priority 3) -> Ledgerline wins and acme.example is Ledgerline's customer; its
// pilot and paid events follow (priority 1) whatever they carry.

import { ALLOWED_DESTINATION_HOSTS, ATTRIBUTION_POLICY } from "./policy";

export const MATCH_PRIORITY = ["customer", "deal", "click", "partner_id"] as const;
export type MatchVia = (typeof MATCH_PRIORITY)[number];

const DAY_MS = 86_400_000;

export function withinWindow(touchedAt: Date, eventAt: Date, windowDays: number = ATTRIBUTION_POLICY.windowDays): boolean {
  return eventAt.getTime() - touchedAt.getTime() <= windowDays * DAY_MS;
}

/** Lowercase host without a leading "www." from a domain, URL or email address; null if there is none. */
export function normalizeDomain(value: string | null | undefined): string | null {
  if (!value) return null;
  let v = value.trim().toLowerCase();
  if (!v) return null;
  if (v.includes("@") && !v.includes("/")) v = v.slice(v.lastIndexOf("@") + 1);
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(v) ? v : `https://${v}`).hostname;
    const bare = host.replace(/^www\./, "").replace(/\.$/, "");
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(bare) ? bare : null;
  } catch {
    return null;
  }
}

export type DestinationCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * A link may only send visitors to the program's own hosts, over https (plain
 * http only for the app's own local host). No credentials, no other schemes.
 */
export function checkDestination(raw: string, extraHosts: readonly string[] = []): DestinationCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "Enter a full URL, like https://provenant.dev/pricing" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "Only http(s) links are allowed" };
  if (url.username || url.password) return { ok: false, reason: "Links may not contain credentials" };
  const host = url.hostname.toLowerCase();
  const allowed = [...ALLOWED_DESTINATION_HOSTS, ...extraHosts].map((h) => h.toLowerCase());
  if (!allowed.includes(host)) {
    return { ok: false, reason: `Links may only point to the program's own sites (${ALLOWED_DESTINATION_HOSTS.join(", ")})` };
  }
  const local = host === "localhost" || host === "127.0.0.1";
  if (url.protocol === "http:" && !local) return { ok: false, reason: "Use an https:// link" };
  return { ok: true, url };
}

/** The destination with the tracking parameters set (existing ones with the same names are replaced). */
export function buildRedirectUrl(
  destination: URL | string,
  args: { partnerId: string; clickId: string; campaign: string },
): string {
  const url = new URL(destination.toString());
  url.searchParams.set("utm_source", "partner");
  url.searchParams.set("utm_medium", "referral");
  url.searchParams.set("utm_campaign", args.campaign);
  url.searchParams.set(ATTRIBUTION_POLICY.partnerParam, args.partnerId);
  url.searchParams.set(ATTRIBUTION_POLICY.clickParam, args.clickId);
  return url.toString();
}

/** The start of the UTC hour: a click counts once per hashed IP, link and hour. */
export function hourBucket(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}

export const LINK_CODE_RE = /^[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])$/;

/** Codes that would shadow a route or read as official. */
export const RESERVED_CODES = new Set(["admin", "api", "console", "r", "new", "provenant", "official", "support", "login"]);

/** A readable code from the partner's slug and a random suffix: "brightpixel-studio-k3x9p2". */
export function suggestLinkCode(partnerSlug: string, random: string): string {
  const base = partnerSlug.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 30) || "link";
  return `${base}-${random.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 6)}`;
}

export interface FunnelCounts {
  clicks: number;
  signups: number;
  pilots: number;
  paid: number;
}

export interface FunnelStep {
  stage: "Clicks" | "Signups" | "Pilots" | "Paid";
  count: number;
  /** Share of the previous step, % (null for the first step or when the previous is 0). */
  conversionPct: number | null;
}

/** UTM click -> signup -> pilot -> paid, with step-to-step conversion rates. */
export function funnelSteps(c: FunnelCounts): FunnelStep[] {
  const steps: [FunnelStep["stage"], number][] = [
    ["Clicks", c.clicks],
    ["Signups", c.signups],
    ["Pilots", c.pilots],
    ["Paid", c.paid],
  ];
  return steps.map(([stage, count], i) => {
    const prev = i > 0 ? steps[i - 1]![1] : null;
    return { stage, count, conversionPct: prev ? Math.round((count / prev) * 1000) / 10 : null };
  });
}
