import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

// Standard Webhooks signing (https://www.standardwebhooks.com): the secret is
// "whsec_" + base64 of 32 random bytes; the signature is
// "v1," + base64(HMAC-SHA256(secret bytes, "<webhook-id>.<webhook-timestamp>.<body>")).
// While a rotated-out secret is still valid, every request carries one
// signature per secret, space-separated, so receivers on either secret verify.

export const SECRET_PREFIX = "whsec_";

export function generateSigningSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64");
}

/** What the console shows to tell secrets apart: "whsec_…Xy9=". */
export function secretHint(secret: string): string {
  return `${SECRET_PREFIX}…${secret.slice(-4)}`;
}

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

export function signatureHeaders(args: { id: string; timestamp: Date; body: string; secrets: readonly string[] }): SignedHeaders {
  if (args.secrets.length === 0) throw new Error("No signing secret");
  return {
    "webhook-id": args.id,
    "webhook-timestamp": String(Math.floor(args.timestamp.getTime() / 1000)),
    "webhook-signature": args.secrets.map((s) => new Webhook(s).sign(args.id, args.timestamp, args.body)).join(" "),
  };
}
