import "server-only";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { fetchLimited, type FetchLimits } from "@/lib/quality/prober/fetch-limited";
import { detectViolations, robotsAllows, type DetectBadge } from "./detect";
import { effectiveState } from "./model";
import { RESCAN_AFTER_DAYS } from "./rules";
import { listBadgeViews, markPageScanned, pagesDueForScan, type BadgePageRow } from "./store";
import { recordFindings, type RecordResult } from "./violations";

// The badge scanner (cron): fetches the pages partners declared and records
// what detectViolations finds. Bounded on every axis: pages per run, HTTP
// requests per run (robots.txt included), bytes per page, time per request and
// per run. Obeys robots.txt for our user agent. Never requests private
// addresses in production (the prober's SSRF guard, lib/quality/prober). A page
// that cannot be read is a scan error on that page, never a failed run.

export const SCANNER_AGENT = "ProvenantBadgeScanner/1.0 (+https://provenant.dev/partners/badges)";

export interface ScanOptions {
  now: Date;
  /** Stop starting new pages after this long. */
  budgetMs: number;
  maxPages: number;
  maxRequests: number;
  maxBytes: number;
  timeoutMs: number;
  /** Defaults to the prober's setting (PROBER_ALLOW_PRIVATE_HOSTS; true outside production). */
  allowPrivateHosts?: boolean;
}

export const DEFAULT_SCAN: Omit<ScanOptions, "now"> = { budgetMs: 45_000, maxPages: 50, maxRequests: 120, maxBytes: 1_000_000, timeoutMs: 8_000 };

export interface ScanResult extends RecordResult {
  processed: number;
  skipped: number;
  changed: number;
  errors: number;
  blocked: number;
  requests: number;
}

export async function runBadgeScan(options: ScanOptions): Promise<ScanResult> {
  const started = Date.now();
  const db = await getDb();
  const olderThan = new Date(options.now.getTime() - RESCAN_AFTER_DAYS * 86_400_000);
  const pages = await pagesDueForScan(db, options.now, olderThan, options.maxPages);
  const limits: FetchLimits = {
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes,
    maxRedirects: 5,
    allowPrivateHosts: options.allowPrivateHosts ?? getEnv().proberAllowPrivateHosts,
    headers: { "user-agent": SCANNER_AGENT, accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.1" },
  };
  const appOrigin = new URL(getEnv().APP_URL).origin;
  const robotsByOrigin = new Map<string, string | null>();
  const badgesByPartner = new Map<string, DetectBadge[]>();
  const result: ScanResult = { processed: 0, skipped: 0, changed: 0, errors: 0, blocked: 0, requests: 0, opened: 0, reopened: 0, fixed: 0 };

  const timeLeft = () => options.budgetMs - (Date.now() - started);
  const requestTimeout = () => Math.max(100, Math.min(options.timeoutMs, timeLeft()));
  for (const page of pages) {
    // A page needs up to two requests (robots.txt, then the page); each waits at most what is left of the budget.
    if (timeLeft() <= 0 || result.requests + 2 > options.maxRequests) {
      result.skipped++;
      continue;
    }
    result.processed++;
    try {
      await scanPage(page);
    } catch (error) {
      result.errors++;
      const message = error instanceof Error ? error.message : String(error);
      log.warn("badge scan of a page failed", { pageId: page.id, error: message });
      await markPageScanned(db, page.id, options.now, "error", message.slice(0, 300)).catch(() => undefined);
    }
  }
  result.changed = result.opened + result.reopened + result.fixed;
  return result;

  async function robotsFor(origin: string): Promise<string | null> {
    if (robotsByOrigin.has(origin)) return robotsByOrigin.get(origin)!;
    result.requests++;
    const res = await fetchLimited(`${origin}/robots.txt`, { ...limits, timeoutMs: requestTimeout(), maxBytes: Math.min(limits.maxBytes, 500_000) });
    // No robots.txt (or an unreadable one) allows everything, as crawlers conventionally read it.
    const text = res.ok ? new TextDecoder().decode(res.body) : null;
    robotsByOrigin.set(origin, text);
    return text;
  }

  async function badgesOf(partnerId: string): Promise<DetectBadge[]> {
    let list = badgesByPartner.get(partnerId);
    if (!list) {
      list = (await listBadgeViews(db, partnerId)).map((b) => ({ id: b.id, tier: b.tier, kind: b.kind, state: effectiveState(b, options.now) }));
      badgesByPartner.set(partnerId, list);
    }
    return list;
  }

  async function scanPage(page: BadgePageRow): Promise<void> {
    const url = new URL(page.url);
    const robots = await robotsFor(url.origin);
    if (robots !== null && !robotsAllows(robots, SCANNER_AGENT, `${url.pathname}${url.search}`)) {
      result.blocked++;
      await markPageScanned(db, page.id, options.now, "blocked_by_robots", "robots.txt disallows our scanner on this page");
      return;
    }
    result.requests++;
    const res = await fetchLimited(page.url, { ...limits, timeoutMs: requestTimeout() });
    if (!res.ok) {
      result.errors++;
      await markPageScanned(db, page.id, options.now, "error", `${res.reason}: ${res.detail}`.slice(0, 300));
      return;
    }
    const type = res.headers.get("content-type") ?? "";
    if (!/^(text\/html|application\/xhtml\+xml)/i.test(type)) {
      result.errors++;
      await markPageScanned(db, page.id, options.now, "error", `not_html: the page is ${type || "of no declared type"}, not HTML`);
      return;
    }
    const html = new TextDecoder().decode(res.body);
    const findings = detectViolations({ html, pageUrl: res.url, appOrigin, badges: await badgesOf(page.partnerId) });
    const recorded = await recordFindings([{ partnerId: page.partnerId, pageUrl: page.url, host: page.host, findings, complete: true }], options.now);
    result.opened += recorded.opened;
    result.reopened += recorded.reopened;
    result.fixed += recorded.fixed;
    await markPageScanned(db, page.id, options.now, "ok", null);
  }
}
