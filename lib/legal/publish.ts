import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, type Principal } from "@/lib/auth/permissions";
import { newAgreementVersionEmail } from "@/lib/email/templates";
import { sendEmail } from "@/lib/email/send-email";
import { getEnv } from "@/lib/env";
import { conflict, notFound, parseOrThrow } from "@/lib/errors";
import { log } from "@/lib/log";
import { LEGAL_DOCUMENT_INFO } from "./constants";
import { repoVersion } from "./documents";
import { publishVersionSchema } from "./schemas";
import { currentPublications, findPublication, insertPublication, ownerContacts, type PublicationRow } from "./store";
import { compareVersions } from "./versions";

/**
 * Makes a version held in the repository the one in force, from `now`. The
 * text is frozen in the publication (numbers filled from the code at this
 * moment) with its SHA-256; partners read and sign exactly that. Versions
 * only move forward. For a document that needs signatures, every partner's
 * owners are emailed: they sign again before their next payout.
 */
export async function publishVersion(args: { principal: Principal | null; input: unknown; now: Date }): Promise<PublicationRow> {
  const viewer = assertAdmin(args.principal, "legal:publish");
  const input = parseOrThrow(publishVersionSchema, args.input);
  const source = repoVersion(input.document, input.version);
  const info = LEGAL_DOCUMENT_INFO[input.document];
  if (!source) throw notFound(`Version ${input.version} of the ${info.title}`);
  const db = await getDb();
  const publication = await db.transaction(async (tx) => {
    if (await findPublication(tx, input.document, input.version)) {
      throw conflict(`Version ${input.version} of the ${info.title} is already published`);
    }
    const current = (await currentPublications(tx, args.now, [input.document])).get(input.document);
    if (current && compareVersions(input.version, current.version) <= 0) {
      throw conflict(`Version ${current.version} of the ${info.title} is in force; publish a later version than that`);
    }
    const row = await insertPublication(tx, {
      document: input.document,
      version: source.version,
      title: source.title,
      summary: source.summary,
      body: source.text,
      sha256: source.sha256,
      publishedAt: args.now,
      publishedByUserId: viewer.userId,
      publishedByLabel: viewer.name ?? viewer.email,
    });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "legal_document.published",
      object: { type: "legal_publication", id: row.id },
      before: current ? { version: current.version, sha256: current.sha256 } : null,
      after: { document: row.document, version: row.version, sha256: row.sha256 },
      at: args.now,
    });
    return row;
  });
  if (info.requiresSignature) await notifyOwners(publication, args.now);
  return publication;
}

async function notifyOwners(publication: PublicationRow, now: Date): Promise<void> {
  const db = await getDb();
  const appUrl = getEnv().APP_URL.replace(/\/$/, "");
  const info = LEGAL_DOCUMENT_INFO[publication.document];
  const owners = await ownerContacts(db);
  for (const owner of owners) {
    try {
      await sendEmail({
        kind: "agreement_new_version",
        to: owner.email,
        partnerId: owner.partnerId,
        email: newAgreementVersionEmail({
          partnerName: owner.partnerName,
          title: info.title,
          version: publication.version,
          summary: publication.summary,
          url: `${appUrl}${info.href}`,
          consoleUrl: `${appUrl}/console/agreements`,
        }),
        now,
      });
    } catch (error) {
      log.warn("new version notice failed", { to: owner.email, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
