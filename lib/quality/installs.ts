import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, decideKeyForPlatform, type Principal } from "@/lib/auth/permissions";
import { AppError, conflict, notFound, parseOrThrow, pgErrorOf, unauthorized } from "@/lib/errors";
import { findPartner } from "@/lib/partners/store";
import { assertInstallAccess } from "./access";
import { createInstallSchema, platformInstallSchema } from "./schemas";
import { findInstall, findInstallByExternalRef, insertInstall, type InstallRow } from "./store";

/** An install added in the console by a member of the partner's team. */
export async function createInstall(args: { principal: Principal | null; partnerId: string; input: unknown; now: Date }): Promise<InstallRow> {
  assertPartner(args.principal, "installs:write", args.partnerId);
  const input = parseOrThrow(createInstallSchema, args.input);
  const startedAt = input.startedAt ?? args.now;
  if (startedAt > args.now) throw new AppError({ code: "validation_failed", message: "One field is invalid", fields: { startedAt: ["Must not be in the future"] } });
  const principal = args.principal!;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const install = await insertInstall(tx, {
      partnerId: args.partnerId,
      stack: input.stack,
      siteUrl: input.siteUrl,
      customerName: input.customerName,
      customerEmail: input.customerEmail ?? null,
      startedAt,
      sampleUrls: input.sampleUrls,
      source: "console",
      nextProbeAt: input.sampleUrls.length ? args.now : null,
      createdByUserId: principal.kind === "user" ? principal.viewer.userId : null,
      createdAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(principal),
      action: "install.created",
      object: { type: "install", id: install.id },
      partnerId: args.partnerId,
      after: { stack: install.stack, siteUrl: install.siteUrl, customerName: install.customerName, sampleUrls: install.sampleUrls.length },
      at: args.now,
    });
    return install;
  });
}

/**
 * An install reported by the platform (platform key, platform:write). A
 * partnerId of null records a self-serve install. A repeated externalRef is a
 * conflict (the platform's own id is unique).
 */
export async function createPlatformInstall(args: { principal: Principal | null; input: unknown; now: Date }): Promise<InstallRow> {
  const principal = args.principal;
  if (!principal) throw unauthorized();
  if (principal.kind !== "key" || !decideKeyForPlatform(principal.key, "platform:write").allowed) {
    throw new AppError({ code: "forbidden", message: "Recording installs needs a platform key with the platform:write scope" });
  }
  const input = parseOrThrow(platformInstallSchema, args.input);
  const fields: Record<string, string[]> = {};
  if (input.startedAt > args.now) fields.startedAt = ["Must not be in the future"];
  if (input.verifiedAt && input.verifiedAt > args.now) fields.verifiedAt = ["Must not be in the future"];
  const db = await getDb();
  if (input.partnerId && !(await findPartner(db, input.partnerId))) fields.partnerId = ["No partner with this id"];
  if (Object.keys(fields).length) throw new AppError({ code: "validation_failed", message: "Some fields are invalid", fields });
  if (input.externalRef && (await findInstallByExternalRef(db, input.externalRef))) throw conflict("An install with this externalRef already exists");
  try {
    return await db.transaction(async (tx) => {
      const install = await insertInstall(tx, {
        partnerId: input.partnerId,
        stack: input.stack,
        siteUrl: input.siteUrl,
        customerName: input.customerName,
        customerEmail: input.customerEmail ?? null,
        startedAt: input.startedAt,
        verifiedAt: input.verifiedAt ?? null,
        sampleUrls: input.sampleUrls,
        source: "api",
        externalRef: input.externalRef ?? null,
        nextProbeAt: input.sampleUrls.length ? args.now : null,
        createdAt: args.now,
      });
      await audit(tx, {
        actor: actorOf(principal),
        action: "install.created",
        object: { type: "install", id: install.id },
        partnerId: install.partnerId,
        after: { stack: install.stack, siteUrl: install.siteUrl, selfServe: install.partnerId === null, externalRef: install.externalRef },
        at: args.now,
      });
      return install;
    });
  } catch (error) {
    if (pgErrorOf(error)?.code === "23505") throw conflict("An install with this externalRef already exists");
    throw error;
  }
}

export async function getInstallOrThrow(principal: Principal | null, installId: string): Promise<InstallRow> {
  const install = await findInstall(await getDb(), installId);
  if (!install) throw notFound("Install");
  assertInstallAccess(principal, install, "installs:read");
  return install;
}

/** The install in the API's shape. */
export function toInstallJson(i: InstallRow) {
  return {
    id: i.id,
    partnerId: i.partnerId,
    selfServe: i.partnerId === null,
    stack: i.stack,
    siteUrl: i.siteUrl,
    customerName: i.customerName,
    startedAt: i.startedAt.toISOString(),
    verifiedAt: i.verifiedAt?.toISOString() ?? null,
    ttiSeconds: i.verifiedAt ? Math.round((i.verifiedAt.getTime() - i.startedAt.getTime()) / 1000) : null,
    sampleUrls: i.sampleUrls,
    source: i.source,
    externalRef: i.externalRef,
    createdAt: i.createdAt.toISOString(),
  };
}
