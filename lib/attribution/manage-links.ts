import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { AppError, notFound, parseOrThrow, pgErrorOf } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { newId, randomString } from "@/lib/ids";
import { appHost, invalidateLink, primeLink } from "./link-cache";
import { checkDestination, suggestLinkCode } from "./rules";
import { createLinkSchema } from "./schemas";
import { archiveLinkRow, findLink, insertLink, partnerSlugOf, type LinkRow } from "./store";

export function trackingUrl(code: string): string {
  return new URL(`/r/${code}`, getEnv().APP_URL).toString();
}

/** A partner creates a tracking link to one of the program's own pages. */
export async function createLink(args: { principal: Principal | null; partnerId: string; input: unknown; now: Date }): Promise<LinkRow> {
  assertPartner(args.principal, "links:write", args.partnerId);
  const input = parseOrThrow(createLinkSchema, args.input);
  const check = checkDestination(input.destination, [appHost()]);
  if (!check.ok) throw new AppError({ code: "validation_failed", message: check.reason, fields: { destination: [check.reason] } });
  const db = await getDb();
  const slug = (await partnerSlugOf(db, args.partnerId)) ?? "link";
  for (let attempt = 0; ; attempt++) {
    const code = input.code ?? suggestLinkCode(slug, randomString(6));
    try {
      const row = await db.transaction(async (tx) => {
        const link = await insertLink(tx, {
          id: newId("link"),
          partnerId: args.partnerId,
          code,
          destination: check.url.toString(),
          campaign: input.campaign ?? null,
          createdByUserId: args.principal!.kind === "user" ? args.principal!.viewer.userId : null,
          createdAt: args.now,
        });
        await audit(tx, {
          actor: actorOf(args.principal!),
          action: "link.created",
          object: { type: "link", id: link.id },
          partnerId: args.partnerId,
          after: { code: link.code, destination: link.destination, campaign: link.campaign },
          at: args.now,
        });
        return link;
      });
      primeLink(row);
      return row;
    } catch (error) {
      if (pgErrorOf(error)?.constraint !== "tracking_links_code_key") throw error;
      if (input.code) throw new AppError({ code: "conflict", message: "This code is taken", fields: { code: ["This code is taken; choose another"] } });
      if (attempt >= 3) throw error;
    }
  }
}

/** Retires a link: /r/<code> answers 404 from then on; its clicks and conversions stay. */
export async function archiveLink(args: { principal: Principal | null; partnerId: string; linkId: string; now: Date }): Promise<LinkRow> {
  assertPartner(args.principal, "links:write", args.partnerId);
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const link = await findLink(tx, args.linkId);
    if (!link || link.partnerId !== args.partnerId) throw notFound("Link");
    const archived = await archiveLinkRow(tx, link.id, args.now);
    if (!archived) throw new AppError({ code: "conflict", message: "This link is already archived" });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "link.archived",
      object: { type: "link", id: link.id },
      partnerId: args.partnerId,
      before: { archivedAt: null },
      after: { archivedAt: args.now.toISOString() },
      at: args.now,
    });
    return archived;
  });
  invalidateLink(row.code);
  return row;
}
