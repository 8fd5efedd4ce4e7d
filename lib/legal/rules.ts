import { LEGAL_DOCUMENT_INFO, SIGNED_DOCUMENTS, type LegalDocument } from "./constants";

// Signing rules. Pure: plain data in, plain data or a coded refusal out.
//
// WHAT A PARTNER MUST HAVE SIGNED: for every document that requires a
// signature (the Master Partner Agreement and the Marketplace Terms), the
// version in force now, which is the latest one published at or before now.
// A document never published requires nothing yet. Signing an earlier version
// does not count for a later one: publishing a new version makes every partner
// sign again (and payouts wait for it).
//
// WHAT A SIGNATURE REQUEST MAY SIGN: only the version in force, and only the
// exact text the signer was shown (its SHA-256 must match the publication's).
// Anything else is a conflict (409): the page was opened before a new version
// was published.
//
// Worked example: the agreement 1.0 was published in June and signed; 2.0 is
// published on November 2. From then on missing = ["master_agreement"]; a
// request still carrying version 1.0 is refused with "Version 1.0 ... is no
// longer current: version 2.0 was published on 2 Nov 2026".

export interface VersionRef {
  document: LegalDocument;
  version: string;
}

export interface CurrentVersion extends VersionRef {
  publicationId: string;
  sha256: string;
  publishedAt: Date;
}

/** The signed documents whose version in force has no signature from the partner, in signing order. */
export function missingSignatures(current: readonly CurrentVersion[], signed: readonly VersionRef[]): LegalDocument[] {
  const have = new Set(signed.map((s) => `${s.document}@${s.version}`));
  return SIGNED_DOCUMENTS.filter((doc) => {
    const c = current.find((v) => v.document === doc);
    return c !== undefined && !have.has(`${doc}@${c.version}`);
  });
}

export type SigningDecision =
  | { ok: true; toSign: CurrentVersion[] }
  | { ok: false; code: "not_signable" | "not_published" | "outdated" | "text_changed" | "already_signed"; message: string };

const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function decideSigning(args: {
  requested: readonly (VersionRef & { sha256?: string })[];
  current: readonly CurrentVersion[];
  signed: readonly VersionRef[];
}): SigningDecision {
  const toSign: CurrentVersion[] = [];
  for (const r of args.requested) {
    const title = LEGAL_DOCUMENT_INFO[r.document].title;
    if (!LEGAL_DOCUMENT_INFO[r.document].requiresSignature) {
      return { ok: false, code: "not_signable", message: `The ${title} is not signed: it is part of the agreement by reference` };
    }
    const c = args.current.find((v) => v.document === r.document);
    if (!c) return { ok: false, code: "not_published", message: `The ${title} has not been published yet` };
    if (c.version !== r.version) {
      return {
        ok: false,
        code: "outdated",
        message: `Version ${r.version} of the ${title} is no longer current: version ${c.version} was published on ${dateFmt.format(c.publishedAt)}. Read the new version and sign again.`,
      };
    }
    if (r.sha256 !== undefined && r.sha256 !== c.sha256) {
      return { ok: false, code: "text_changed", message: `The text of the ${title} you were shown is not the published text. Reload the page and sign again.` };
    }
    if (args.signed.some((s) => s.document === c.document && s.version === c.version)) continue;
    if (!toSign.some((t) => t.document === c.document)) toSign.push(c);
  }
  if (toSign.length === 0) return { ok: false, code: "already_signed", message: "You have already signed the current versions" };
  return { ok: true, toSign: SIGNED_DOCUMENTS.flatMap((d) => toSign.filter((t) => t.document === d)) };
}

function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The typed name must be the signer's name on their account (case, accents,
 * punctuation and spacing aside). Accounts without a name accept any typed
 * name of two characters or more.
 */
export function typedNameMatches(typed: string, accountName: string | null): boolean {
  const t = normalizeName(typed);
  if (t.length < 2) return false;
  if (!accountName || !normalizeName(accountName)) return true;
  return t === normalizeName(accountName);
}
