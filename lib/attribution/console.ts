import "server-only";
import { assertPartner, canPartner, type Principal } from "@/lib/auth/permissions";
import { ATTRIBUTION_POLICY, ALLOWED_DESTINATION_HOSTS } from "./policy";
import { appHost } from "./link-cache";
import { trackingUrl } from "./manage-links";
import { funnelSteps } from "./rules";
import { clicksPerDay, countLinks, funnelFor, listLinksWithCounts, recentConversions } from "./store";

const DAY_MS = 86_400_000;

export async function getLinksView(principal: Principal | null, partnerId: string, opts: { page: number; pageSize: number; archived: boolean }) {
  assertPartner(principal, "links:read", partnerId);
  const [rows, total] = await Promise.all([
    listLinksWithCounts(partnerId, { limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize, includeArchived: opts.archived }),
    countLinks(partnerId, opts.archived),
  ]);
  return {
    links: rows.slice(0, opts.pageSize).map((l) => ({ ...l, url: trackingUrl(l.code) })),
    total,
    canWrite: principal?.kind === "user" && canPartner(principal.viewer, "links:write", partnerId),
    allowedHosts: [...ALLOWED_DESTINATION_HOSTS, appHost()],
  };
}

export async function getPerformanceView(principal: Principal | null, partnerId: string, now: Date, days = 90) {
  assertPartner(principal, "links:read", partnerId);
  const from = new Date(now.getTime() - days * DAY_MS);
  const [funnel, perDay, recent] = await Promise.all([
    funnelFor(partnerId, from),
    clicksPerDay(partnerId, new Date(now.getTime() - 30 * DAY_MS)),
    recentConversions(partnerId, 10),
  ]);
  // Every day of the last 30, zeros included, so the chart has no gaps.
  const byDay = new Map(perDay.map((d) => [d.day, d]));
  const trend = Array.from({ length: 30 }, (_, i) => {
    const day = new Date(now.getTime() - (29 - i) * DAY_MS).toISOString().slice(0, 10);
    return { day, clicks: byDay.get(day)?.clicks ?? 0, raw: byDay.get(day)?.raw ?? 0 };
  });
  return { days, windowDays: ATTRIBUTION_POLICY.windowDays, funnel: funnelSteps(funnel), trend, recent };
}
