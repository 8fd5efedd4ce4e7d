import "server-only";
import type { Queryable } from "@/db/client";
import { qualifiedWebinarLeads } from "@/lib/analytics/sources";
import type { NpsPublicationSnapshot } from "@/lib/analytics/nps-publication";
import { EXIT_TEST_RULES } from "./evaluate";
import { latestNpsPublication, paidAttributedCustomers, verifiedInstallsBetween } from "./store";
import type { ExitTestData } from "./types";

const DAY = 86_400_000;

/** Everything the exit tests evaluate, read from the live database as of `now`. */
export async function loadExitTestData(db: Queryable, now: Date): Promise<ExitTestData> {
  const ttiSince = new Date(now.getTime() - EXIT_TEST_RULES.ttiWindowDays * DAY);
  const webinarSince = new Date(now.getTime() - EXIT_TEST_RULES.webinarWindowDays * DAY);
  const [customers, installs, publication, leads] = await Promise.all([
    paidAttributedCustomers(db),
    verifiedInstallsBetween(db, ttiSince, now),
    latestNpsPublication(db),
    qualifiedWebinarLeads(db, { since: webinarSince, until: now }),
  ]);
  const snap = publication?.snapshot as NpsPublicationSnapshot | undefined;
  return {
    generatedAt: now.toISOString(),
    dealClosure: { customers },
    tti: { windowStart: ttiSince.toISOString(), windowEnd: now.toISOString(), installs },
    nps: {
      windowStart: publication?.periodStart.toISOString() ?? "",
      windowEnd: publication?.periodEnd.toISOString() ?? "",
      latest:
        publication && snap
          ? {
              quarter: publication.quarter,
              publishedAt: publication.publishedAt.toISOString(),
              partnerResponses: snap.partner.n,
              partnerNps: snap.partner.nps,
              partnerMarginOfError: snap.partner.marginOfError,
              customerResponses: snap.customer.n,
              customerNps: snap.customer.nps,
              hasMethodology: Boolean(snap.methodology?.sample && snap.methodology.period && snap.methodology.exclusions),
            }
          : null,
    },
    webinars: {
      windowStart: webinarSince.toISOString(),
      windowEnd: now.toISOString(),
      leads: leads.value === null ? { available: false, reason: leads.reason } : { available: true, rows: leads.value },
    },
  };
}
