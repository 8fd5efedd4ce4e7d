import "server-only";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { buildAssertion } from "./assertion";
import { cachedBadge } from "./cache";
import { publicKeyDocument, signJws } from "./signing";
import { badgeUrls } from "./snippets";
import { evidenceSummary } from "./store";
import { looksLikeId } from "@/lib/ids";

// What anyone may see about a badge: the verification page's data, the signed
// assertion and the issuer document with our public key.

export const ISSUER_PATH = "/.well-known/badge-issuer.json";

const appUrl = () => getEnv().APP_URL.replace(/\/$/, "");

export async function getVerification(id: string, now: Date) {
  if (!looksLikeId("badge", id)) return null;
  const hit = await cachedBadge(id);
  if (!hit) return null;
  const evidence = await evidenceSummary(await getDb(), hit.view.partnerId, now);
  return { ...hit, evidence, urls: badgeUrls(appUrl(), id), issuerUrl: `${appUrl()}${ISSUER_PATH}`, partnerUrl: `${appUrl()}/partners/${hit.view.partnerSlug}` };
}

export async function getSignedAssertion(id: string, now: Date) {
  if (!looksLikeId("badge", id)) return null;
  const hit = await cachedBadge(id);
  if (!hit) return null;
  const urls = badgeUrls(appUrl(), id);
  const assertion = buildAssertion(
    hit.view,
    hit.state,
    { appUrl: appUrl(), verifyUrl: urls.verifyUrl, assertionUrl: urls.assertionUrl, imageUrl: urls.imageUrl, issuerUrl: `${appUrl()}${ISSUER_PATH}`, partnerUrl: `${appUrl()}/partners/${hit.view.partnerSlug}` },
    now,
  );
  return { assertion, jws: signJws(assertion) };
}

export function issuerDocument() {
  const base = appUrl();
  return {
    "@context": "https://w3id.org/openbadges/v2",
    type: "Issuer",
    id: `${base}${ISSUER_PATH}`,
    name: "Provenant Partner Program",
    url: base,
    ...publicKeyDocument(),
    howToVerify: "Fetch /verify/<badge id>/assertion.json, split its `jws` into header.payload.signature and check the Ed25519 signature over `header.payload` with publicKeyJwk (alg EdDSA, RFC 8037). The payload is the assertion; its `status` is the badge's state when it was signed (`verifiedAt`).",
  };
}
