import { BADGE_DESCRIPTIONS, BADGE_LABELS, badgeTitle, type BadgeView } from "./model";
import type { BadgeState } from "@/db/schema/badges";

// The badge assertion: an Open Badges 2.0-shaped JSON document (issuer,
// recipient, badge class, issued and expiry dates) plus the badge's current
// status, signed as a JWS. `verifiedAt` says when this copy was made: a copy
// older than a few minutes may not show a later revocation, so relying
// parties should fetch it fresh.

export interface AssertionUrls {
  appUrl: string;
  verifyUrl: string;
  assertionUrl: string;
  imageUrl: string;
  issuerUrl: string;
  partnerUrl: string;
}

export function buildAssertion(view: BadgeView, state: BadgeState, urls: AssertionUrls, now: Date) {
  return {
    "@context": "https://w3id.org/openbadges/v2",
    type: "Assertion",
    id: urls.assertionUrl,
    badge: {
      type: "BadgeClass",
      id: `${urls.appUrl}/badges/classes/${view.badge}${view.tier ? `-${view.tier}` : ""}`,
      name: `Provenant ${badgeTitle(view)}`,
      description: BADGE_DESCRIPTIONS[view.badge],
      key: view.badge,
      label: BADGE_LABELS[view.badge],
      tier: view.tier,
      image: urls.imageUrl,
      issuer: urls.issuerUrl,
    },
    issuer: { type: "Issuer", id: urls.issuerUrl, name: "Provenant Partner Program", url: urls.appUrl },
    recipient: { type: "url", hashed: false, identity: urls.partnerUrl, name: view.partnerName, partnerId: view.partnerId },
    issuedOn: view.issuedAt.toISOString(),
    expires: view.expiresAt ? view.expiresAt.toISOString() : null,
    status: state,
    statusChangedAt: view.stateChangedAt.toISOString(),
    revoked: state === "revoked",
    revocationReason: state === "revoked" ? view.revokedReason : null,
    verification: { type: "SignedBadge", creator: urls.issuerUrl, verifyUrl: urls.verifyUrl },
    verifiedAt: now.toISOString(),
  };
}

export type BadgeAssertion = ReturnType<typeof buildAssertion>;

/** The verify-it-yourself snippet shown on the verification page (Node 18+, no dependencies). */
export function verifySnippet(assertionUrl: string, issuerUrl: string): string {
  return `// Node 18+: node verify-badge.mjs
import { createPublicKey, verify } from "node:crypto";

const { jws } = await (await fetch("${assertionUrl}")).json();
const { publicKeyJwk } = await (await fetch("${issuerUrl}")).json();
const [header, payload, signature] = jws.split(".");
const key = createPublicKey({ key: publicKeyJwk, format: "jwk" });
const valid = verify(null, Buffer.from(\`\${header}.\${payload}\`), key, Buffer.from(signature, "base64url"));
const assertion = JSON.parse(Buffer.from(payload, "base64url").toString());
console.log(valid ? "signature valid" : "SIGNATURE INVALID", assertion.recipient.name, assertion.status, assertion.expires);`;
}
