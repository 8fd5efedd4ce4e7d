import "server-only";
import type { Queryable } from "@/db/client";
import { SIGNED_DOCUMENTS, type LegalDocument } from "./constants";
import { missingSignatures, type CurrentVersion } from "./rules";
import { currentPublications, signedVersions, signedVersionsOf } from "./store";

/** The versions in force at `now` of the documents partners sign. */
export async function currentSignedVersions(db: Queryable, now: Date): Promise<CurrentVersion[]> {
  const current = await currentPublications(db, now, SIGNED_DOCUMENTS);
  return [...current.values()].map((p) => ({ publicationId: p.id, document: p.document, version: p.version, sha256: p.sha256, publishedAt: p.publishedAt }));
}

/**
 * Whether the partner has signed the version in force at `now` of every
 * document that needs a signature. `missing` lists the documents still to sign
 * ("master_agreement", "marketplace_terms"). Payouts wait until `ok`.
 */
export async function hasSignedCurrentAgreements(
  db: Queryable,
  partnerId: string,
  now: Date,
): Promise<{ ok: boolean; missing: LegalDocument[] }> {
  const [current, signed] = await Promise.all([currentSignedVersions(db, now), signedVersions(db, partnerId)]);
  const missing = missingSignatures(current, signed);
  return { ok: missing.length === 0, missing };
}

/** hasSignedCurrentAgreements for many partners at once (two queries): partner id -> ok. */
export async function haveSignedCurrentAgreements(db: Queryable, partnerIds: readonly string[], now: Date): Promise<Map<string, boolean>> {
  if (!partnerIds.length) return new Map();
  const [current, signed] = await Promise.all([currentSignedVersions(db, now), signedVersionsOf(db, partnerIds)]);
  return new Map(partnerIds.map((id) => [id, missingSignatures(current, signed.get(id) ?? []).length === 0]));
}
