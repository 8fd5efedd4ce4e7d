import "server-only";
import { getDb } from "@/db/client";
import type { Principal } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import { assertInstallAccess } from "./access";
import { probeOptions } from "./probe-config";
import { mapWithConcurrency, probeAssets, type ProbeOptions } from "./prober/probe";
import { recordProbe } from "./record-check";
import { checkRateLimits } from "@/lib/rate-limit";
import { claimDueInstalls, findInstall, releaseInstalls, type CheckRow } from "./store";

const CHECK_NOW_LIMIT = { limit: 3, windowMs: 60_000 };

/** "Check now": probes an install's sample assets at once and records the check. */
export async function runCheckNow(args: { principal: Principal | null; installId: string; now: Date; options?: Partial<ProbeOptions> }): Promise<CheckRow> {
  const install = await findInstall(await getDb(), args.installId);
  if (!install) throw notFound("Install");
  assertInstallAccess(args.principal, install, "checks:run:admin");
  // Each check fetches up to 20 URLs from the server: a few per install per minute is plenty.
  const limited = await checkRateLimits([{ key: `probe:install:${install.id}`, rule: CHECK_NOW_LIMIT }], args.now);
  if (!limited.allowed) throw new AppError({ code: "rate_limited", message: `This install was just checked. Try again in ${limited.retryAfterS} s.` });
  if (!install.sampleUrls.length) {
    throw new AppError({ code: "unprocessable", message: "Add sample asset URLs to this install before running a check" });
  }
  const results = await probeAssets(install.sampleUrls, probeOptions(args.options));
  const { check } = await recordProbe(install.id, results, args.now);
  return check;
}

export interface ScheduledProbeResult {
  processed: number;
  skipped: number;
  changed: number;
  failedAssets: number;
}

/**
 * The scheduled prober: claims installs that are due (SKIP LOCKED, so several
 * instances can run it), probes a few installs at a time, and stops starting
 * new ones when the time budget is spent; unstarted claims are released for
 * the next run. One install's failure never stops the others.
 */
export async function runScheduledProbes(args: {
  now: Date;
  budgetMs?: number;
  maxInstalls?: number;
  installConcurrency?: number;
  options?: Partial<ProbeOptions>;
  clock?: () => number;
}): Promise<ScheduledProbeResult> {
  const clock = args.clock ?? Date.now;
  const deadline = clock() + (args.budgetMs ?? 50_000);
  const db = await getDb();
  const claimed = await db.transaction((tx) =>
    claimDueInstalls(tx, args.now, args.maxInstalls ?? 50, new Date(args.now.getTime() + 24 * 3600 * 1000)),
  );
  const options = probeOptions(args.options);
  const out: ScheduledProbeResult = { processed: 0, skipped: 0, changed: 0, failedAssets: 0 };
  const unstarted: string[] = [];
  await mapWithConcurrency(claimed, args.installConcurrency ?? 2, async (install) => {
    if (clock() >= deadline) {
      unstarted.push(install.id);
      out.skipped += 1;
      return;
    }
    try {
      const results = await probeAssets(install.sampleUrls, options);
      const before = install.verifiedAt;
      const { check, install: after } = await recordProbe(install.id, results, args.now);
      out.processed += 1;
      out.failedAssets += check.assetsChecked - check.assetsSurvived;
      if (after.verifiedAt?.getTime() !== before?.getTime()) out.changed += 1;
    } catch (error) {
      out.skipped += 1;
      log.warn("scheduled probe failed", { installId: install.id, error: (error as Error).message });
    }
  });
  if (unstarted.length) await releaseInstalls(db, unstarted, args.now);
  return out;
}
