import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, roleIn, type Principal } from "@/lib/auth/permissions";
import { agreementReceiptEmail } from "@/lib/email/templates";
import { sendEmail } from "@/lib/email/send-email";
import { getEnv } from "@/lib/env";
import { AppError, conflict, forbidden, notFound, parseOrThrow } from "@/lib/errors";
import { emit } from "@/lib/events/emit";
import { newId } from "@/lib/ids";
import { log } from "@/lib/log";
import { lockPartner } from "@/lib/partners/store";
import { CONSENT_TEXT, LEGAL_DOCUMENT_INFO } from "./constants";
import { receiptFields, receiptFragment, type ReceiptModel } from "./receipt";
import { decideSigning, typedNameMatches } from "./rules";
import { signAgreementsSchema } from "./schemas";
import { currentSignedVersions } from "./signatures";
import { insertSignatures, signedVersions, type SignatureRow } from "./store";

export interface SigningContext {
  ip: string;
  userAgent: string;
}

/**
 * An owner signs the versions in force of the Master Partner Agreement and/or
 * the Marketplace Terms (see rules.ts for what may be signed). In one
 * transaction: one append-only signature row per document (sharing a receipt
 * id), an audit event per signature and one partner.agreement_signed event.
 * Then the receipt is emailed to the signer. Returns the receipt id.
 */
export async function signAgreements(args: {
  principal: Principal | null;
  partnerId: string;
  input: unknown;
  context: SigningContext;
  now: Date;
}): Promise<{ receiptId: string; signatures: SignatureRow[] }> {
  assertPartner(args.principal, "agreements:sign", args.partnerId);
  if (args.principal?.kind !== "user") throw forbidden("Only an owner signed in to the console can sign");
  const viewer = args.principal.viewer;
  if (roleIn(viewer, args.partnerId) !== "owner") throw forbidden("Only an owner of the partner can sign its agreements");
  const input = parseOrThrow(signAgreementsSchema, args.input);
  if (!typedNameMatches(input.fullName, viewer.name)) {
    throw new AppError({
      code: "validation_failed",
      message: "The name you typed is not the name on your account",
      fields: { fullName: [`Type your full name as it is on your account: ${viewer.name}`] },
    });
  }
  const receiptId = newId("signatureReceipt");
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const partner = await lockPartner(tx, args.partnerId);
    if (!partner) throw notFound("Partner");
    const [current, signed] = await Promise.all([currentSignedVersions(tx, args.now), signedVersions(tx, args.partnerId)]);
    const decision = decideSigning({ requested: input.documents, current, signed });
    if (!decision.ok) {
      throw decision.code === "not_signable" ? new AppError({ code: "bad_request", message: decision.message }) : conflict(decision.message);
    }
    const rows = await insertSignatures(
      tx,
      decision.toSign.map((doc) => ({
        receiptId,
        partnerId: args.partnerId,
        userId: viewer.userId,
        signerName: input.fullName,
        signerEmail: viewer.email,
        signerRole: "owner",
        publicationId: doc.publicationId,
        document: doc.document,
        version: doc.version,
        documentSha256: doc.sha256,
        consentText: CONSENT_TEXT,
        signedAt: args.now,
        ip: args.context.ip.slice(0, 100),
        userAgent: args.context.userAgent.slice(0, 512),
      })),
    );
    for (const row of rows) {
      await audit(tx, {
        actor: actorOf(args.principal!),
        action: "agreement.signed",
        object: { type: "legal_signature", id: row.id },
        partnerId: args.partnerId,
        after: { document: row.document, version: row.version, sha256: row.documentSha256, signerName: row.signerName },
        meta: { receiptId, ip: row.ip, userAgent: row.userAgent },
        at: args.now,
      });
    }
    await emit(tx, {
      type: "partner.agreement_signed",
      partnerId: args.partnerId,
      data: {
        receiptId,
        signedBy: viewer.email,
        signedAt: args.now.toISOString(),
        documents: rows.map((r) => ({ document: r.document as "master_agreement" | "marketplace_terms", version: r.version, sha256: r.documentSha256 })),
      },
      now: args.now,
    });
    return { partnerName: partner.name, rows };
  });

  const model = receiptModel(result.rows, result.partnerName);
  try {
    const appUrl = getEnv().APP_URL.replace(/\/$/, "");
    await sendEmail({
      kind: "agreement_receipt",
      to: viewer.email,
      partnerId: args.partnerId,
      email: agreementReceiptEmail({
        partnerName: result.partnerName,
        documents: model.documents.map((d) => `${d.title} ${d.version}`).join(", "),
        receiptHtml: receiptFragment(model),
        receiptText: [
          ...receiptFields(model).map(([k, v]) => `${k}: ${v}`),
          ...model.documents.map((d) => `${d.title} ${d.version} — SHA-256 ${d.sha256}`),
          `Consent: "${model.consentText}"`,
        ].join("\n"),
        pdfUrl: `${appUrl}/api/console/agreements/receipts/${receiptId}?format=pdf`,
        consoleUrl: `${appUrl}/console/agreements`,
      }),
      now: args.now,
    });
  } catch (error) {
    // The signature stands; the receipt stays downloadable from the console.
    log.warn("signature receipt email failed", { receiptId, error: error instanceof Error ? error.message : String(error) });
  }
  return { receiptId, signatures: result.rows };
}

export function receiptModel(rows: readonly SignatureRow[], partnerName: string): ReceiptModel {
  const first = rows[0];
  if (!first) throw notFound("Receipt");
  const appUrl = getEnv().APP_URL.replace(/\/$/, "");
  return {
    receiptId: first.receiptId,
    partnerName,
    partnerId: first.partnerId,
    signerName: first.signerName,
    signerEmail: first.signerEmail,
    signerRole: first.signerRole,
    signedAt: first.signedAt,
    ip: first.ip,
    userAgent: first.userAgent,
    consentText: first.consentText,
    documents: rows.map((r) => ({
      title: LEGAL_DOCUMENT_INFO[r.document].title,
      version: r.version,
      sha256: r.documentSha256,
      url: `${appUrl}${LEGAL_DOCUMENT_INFO[r.document].href}?version=${encodeURIComponent(r.version)}`,
    })),
  };
}
