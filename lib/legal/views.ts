import "server-only";
import { getDb } from "@/db/client";
import { assertAdmin, assertPartner, canPartner, type Principal } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { getPartner } from "@/lib/partners/store";
import { LEGAL_DOCUMENTS, LEGAL_DOCUMENT_INFO, SIGNED_DOCUMENTS, type LegalDocument } from "./constants";
import { repoVersions } from "./documents";
import { missingSignatures } from "./rules";
import { receiptModel } from "./sign-agreements";
import { currentSignedVersions } from "./signatures";
import {
  currentPublications,
  listPublications,
  listSignatures,
  partnerSignatures,
  partnersMissing,
  receiptSignatures,
  signatureCounts,
  signedVersions,
  type PublicationRow,
  type SignatureListQuery,
} from "./store";
import type { ReceiptModel } from "./receipt";
import { compareVersions } from "./versions";

// What the legal pages show, read and authorized in one place.

export interface PublicDocumentView {
  document: LegalDocument;
  shown: PublicationRow | null;
  current: PublicationRow | null;
  versions: PublicationRow[];
}

/** A document as the public pages show it: the version asked for (published ones only) or the one in force. */
export async function getPublicDocument(document: LegalDocument, version: string | null, now: Date): Promise<PublicDocumentView> {
  const db = await getDb();
  const versions = (await listPublications(db, document)).filter((p) => p.publishedAt.getTime() <= now.getTime());
  const current = versions[0] ?? null;
  const shown = version ? (versions.find((v) => v.version === version) ?? null) : current;
  return { document, shown, current, versions };
}

export async function getPublishedVersion(document: LegalDocument, version: string, now: Date): Promise<PublicationRow> {
  const view = await getPublicDocument(document, version, now);
  if (!view.shown) throw notFound(`Version ${version} of the ${LEGAL_DOCUMENT_INFO[document].title}`);
  return view.shown;
}

/** Every published version, newest first, per document. */
export async function getVersionHistory(now: Date): Promise<{ document: LegalDocument; current: string | null; versions: PublicationRow[] }[]> {
  const db = await getDb();
  const all = (await listPublications(db)).filter((p) => p.publishedAt.getTime() <= now.getTime());
  return LEGAL_DOCUMENTS.map((document) => {
    const versions = all.filter((p) => p.document === document);
    return { document, current: versions[0]?.version ?? null, versions };
  });
}

export interface ReceiptSummary {
  receiptId: string;
  signedAt: Date;
  signerName: string;
  signerEmail: string;
  documents: { document: LegalDocument; version: string; sha256: string }[];
}

export interface ConsoleAgreements {
  partnerName: string;
  documents: {
    document: LegalDocument;
    title: string;
    version: string;
    sha256: string;
    publishedAt: Date;
    summary: string;
    body: string;
    signed: boolean;
  }[];
  missing: LegalDocument[];
  receipts: ReceiptSummary[];
  canSign: boolean;
}

export async function getConsoleAgreements(principal: Principal | null, partnerId: string, now: Date): Promise<ConsoleAgreements> {
  assertPartner(principal, "agreements:read", partnerId);
  const db = await getDb();
  const [partner, current, signed, signatures] = await Promise.all([
    getPartner(partnerId),
    currentPublications(db, now, SIGNED_DOCUMENTS),
    signedVersions(db, partnerId),
    partnerSignatures(db, partnerId),
  ]);
  const currentList = [...current.values()];
  const missing = missingSignatures(
    currentList.map((p) => ({ publicationId: p.id, document: p.document, version: p.version, sha256: p.sha256, publishedAt: p.publishedAt })),
    signed,
  );
  const receipts = new Map<string, ReceiptSummary>();
  for (const s of signatures) {
    const r = receipts.get(s.receiptId) ?? { receiptId: s.receiptId, signedAt: s.signedAt, signerName: s.signerName, signerEmail: s.signerEmail, documents: [] };
    r.documents.push({ document: s.document, version: s.version, sha256: s.documentSha256 });
    receipts.set(s.receiptId, r);
  }
  if (!partner) throw notFound("Partner");
  return {
    partnerName: partner.name,
    documents: SIGNED_DOCUMENTS.flatMap((d) => {
      const p = current.get(d);
      return p
        ? [{ document: d, title: p.title, version: p.version, sha256: p.sha256, publishedAt: p.publishedAt, summary: p.summary, body: p.body, signed: !missing.includes(d) }]
        : [];
    }),
    missing,
    receipts: [...receipts.values()].sort((a, b) => b.signedAt.getTime() - a.signedAt.getTime()),
    canSign: principal !== null && canPartner(principal.kind === "user" ? principal.viewer : null, "agreements:sign", partnerId),
  };
}

/** A signature receipt, for the partner it belongs to (and admins). */
export async function getReceipt(principal: Principal | null, receiptId: string): Promise<ReceiptModel> {
  const db = await getDb();
  const rows = await receiptSignatures(db, receiptId);
  const first = rows[0];
  if (!first) throw notFound("Receipt");
  try {
    // The partner's team, and admins (agreements:read is an admin-readable action).
    assertPartner(principal, "agreements:read", first.partnerId);
  } catch (error) {
    // Someone else's receipt does not exist, as far as the caller can tell.
    if (principal) throw notFound("Receipt");
    throw error;
  }
  const partner = await getPartner(first.partnerId);
  return receiptModel(rows, partner?.name ?? first.partnerId);
}

export interface AdminLegalView {
  documents: {
    document: LegalDocument;
    title: string;
    requiresSignature: boolean;
    current: PublicationRow | null;
    versions: {
      version: string;
      title: string;
      summary: string;
      sha256: string;
      publication: PublicationRow | null;
      signedBy: number;
      publishable: boolean;
    }[];
  }[];
  mustSign: { id: string; name: string; slug: string; missing: LegalDocument[] }[];
  signatures: Awaited<ReturnType<typeof listSignatures>>;
}

export async function getAdminLegal(principal: Principal | null, query: SignatureListQuery, now: Date): Promise<AdminLegalView> {
  assertAdmin(principal, "legal:read");
  const db = await getDb();
  const [publications, counts, current, signatures] = await Promise.all([
    listPublications(db),
    signatureCounts(db),
    currentSignedVersions(db, now),
    listSignatures(db, query),
  ]);
  const mustSign = await partnersMissing(db, current.map((c) => ({ document: c.document, version: c.version })));
  const documents = LEGAL_DOCUMENTS.map((document) => {
    const published = publications.filter((p) => p.document === document);
    const inForce = published.find((p) => p.publishedAt.getTime() <= now.getTime()) ?? null;
    const files = repoVersions(document);
    const latestPublished = published[0]?.version ?? null;
    const versions = files
      .map((f) => {
        const publication = published.find((p) => p.version === f.version) ?? null;
        return {
          version: f.version,
          title: f.title,
          summary: f.summary,
          sha256: publication?.sha256 ?? f.sha256,
          publication,
          signedBy: counts.get(`${document}@${f.version}`) ?? 0,
          publishable: !publication && (latestPublished === null || compareVersions(f.version, latestPublished) > 0),
        };
      })
      .reverse();
    return { document, title: LEGAL_DOCUMENT_INFO[document].title, requiresSignature: LEGAL_DOCUMENT_INFO[document].requiresSignature, current: inForce, versions };
  });
  return { documents, mustSign, signatures };
}
