import "server-only";
import { getDb } from "@/db/client";
import type { Principal } from "@/lib/auth/permissions";
import { AppError, parseOrThrow, unauthorized } from "@/lib/errors";
import { assertInstallAccess, isPlatformKey } from "./access";
import type { AssetResult } from "./prober/probe";
import { totalsOf } from "./prober/probe";
import { nextVerifiedAt } from "./rules";
import { recordCheckSchema } from "./schemas";
import { findInstall, insertCheck, lockInstall, setVerifiedAt, type CheckRow, type InstallRow } from "./store";
import type { Queryable } from "@/db/client";

interface CheckValues {
  checkedAt: Date;
  assetsChecked: number;
  assetsSurvived: number;
  survivedEmbedded: number;
  survivedRemote: number;
  errors: number;
  note: string | null;
  source: "probe" | "api";
}

/** Writes a check and moves the install's verification if it now qualifies; one transaction. */
async function writeCheck(tx: Queryable, installId: string, values: CheckValues, assets: AssetResult[] | Parameters<typeof insertCheck>[2]) {
  const install = await lockInstall(tx, installId);
  if (!install) throw new AppError({ code: "not_found", message: "Install not found" });
  const check = await insertCheck(tx, { installId, partnerId: install.partnerId, stack: install.stack, ...values }, assets);
  const verifiedAt = nextVerifiedAt(install, check);
  if (verifiedAt?.getTime() !== install.verifiedAt?.getTime()) await setVerifiedAt(tx, installId, verifiedAt);
  return { check, install: { ...install, verifiedAt } };
}

function assetRows(results: readonly AssetResult[]) {
  return results.map((r) => ({
    url: r.url,
    survived: r.survived,
    method: r.method,
    reason: r.reason,
    detail: r.detail?.slice(0, 500) ?? null,
    httpStatus: r.httpStatus,
    bytes: r.bytes,
    durationMs: r.durationMs,
    manifestUrl: r.manifestUrl,
  }));
}

/** Stores the outcome of a probe of an install's sample assets. */
export async function recordProbe(installId: string, results: readonly AssetResult[], checkedAt: Date): Promise<{ check: CheckRow; install: InstallRow }> {
  const totals = totalsOf(results);
  const db = await getDb();
  return db.transaction((tx) => writeCheck(tx, installId, { ...totals, checkedAt, source: "probe" }, assetRows(results)));
}

/**
 * A survival check reported by the platform (platform:write). Bad counts and
 * unknown installs are 400s with field messages, and nothing is written.
 */
export async function recordReportedCheck(args: { principal: Principal | null; input: unknown; now: Date }): Promise<{ check: CheckRow; install: InstallRow }> {
  if (!args.principal) throw unauthorized();
  if (!isPlatformKey(args.principal)) throw new AppError({ code: "forbidden", message: "Survival checks are reported by the platform (a platform key with platform:write)" });
  const input = parseOrThrow(recordCheckSchema, args.input);
  const db = await getDb();
  const install = await findInstall(db, input.installId);
  if (!install) throw new AppError({ code: "validation_failed", message: "One field is invalid", fields: { installId: ["No install with this id"] } });
  assertInstallAccess(args.principal, install, "installs:write");
  const checkedAt = input.checkedAt ?? args.now;
  if (checkedAt > args.now) throw new AppError({ code: "validation_failed", message: "One field is invalid", fields: { checkedAt: ["Must not be in the future"] } });
  const survivedEmbedded = input.survivedEmbedded ?? (input.method === "embedded" ? input.assetsSurvived : 0);
  const survivedRemote = input.survivedRemote ?? (input.method === "remote" ? input.assetsSurvived : 0);
  const assets = (input.assets ?? []).map((a) => ({
    url: a.url,
    survived: a.survived,
    method: a.method ?? null,
    reason: a.survived ? null : (a.reason ?? "stripped"),
    detail: a.detail ?? null,
  }));
  return db.transaction((tx) =>
    writeCheck(
      tx,
      install.id,
      { checkedAt, assetsChecked: input.assetsChecked, assetsSurvived: input.assetsSurvived, survivedEmbedded, survivedRemote, errors: input.errors, note: null, source: "api" },
      assets,
    ),
  );
}

export function toCheckJson(c: CheckRow) {
  return {
    id: c.id,
    installId: c.installId,
    checkedAt: c.checkedAt.toISOString(),
    assetsChecked: c.assetsChecked,
    assetsSurvived: c.assetsSurvived,
    survivedEmbedded: c.survivedEmbedded,
    survivedRemote: c.survivedRemote,
    errors: c.errors,
    survival: c.assetsChecked > 0 ? c.assetsSurvived / c.assetsChecked : null,
    source: c.source,
    note: c.note,
  };
}
