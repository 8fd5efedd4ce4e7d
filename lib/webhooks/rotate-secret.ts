import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { encryptSecret } from "@/lib/crypto/secrets";
import { notFound } from "@/lib/errors";
import { generateSigningSecret, secretHint } from "./signing";
import { lockEndpoint, updateEndpoint, type EndpointRow } from "./store";

/** How long the old secret keeps signing after a rotation, so receivers can switch without losing events. */
export const PREVIOUS_SECRET_VALID_MS = 24 * 60 * 60_000;

/**
 * Replaces the signing secret. For the next 24 hours every request carries a
 * signature with the new secret and one with the old, so a receiver still
 * configured with the old secret keeps verifying until it is updated.
 */
export async function rotateEndpointSecret(args: {
  principal: Principal | null;
  partnerId: string;
  endpointId: string;
  now: Date;
}): Promise<{ endpoint: EndpointRow; secret: string }> {
  assertPartner(args.principal, "webhooks:manage", args.partnerId);
  const secret = generateSigningSecret();
  const db = await getDb();
  const endpoint = await db.transaction(async (tx) => {
    const before = await lockEndpoint(tx, args.partnerId, args.endpointId);
    if (!before) throw notFound("Webhook endpoint");
    const previousExpiresAt = new Date(args.now.getTime() + PREVIOUS_SECRET_VALID_MS);
    const after = await updateEndpoint(tx, before.id, {
      secretEncrypted: encryptSecret(secret),
      secretHint: secretHint(secret),
      // Only the secret being replaced stays valid; one rotated out earlier stops now.
      previousSecretEncrypted: before.secretEncrypted,
      previousSecretExpiresAt: previousExpiresAt,
      secretRotatedAt: args.now,
      updatedAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "webhook_endpoint.secret_rotated",
      object: { type: "webhook_endpoint", id: before.id },
      partnerId: args.partnerId,
      before: { secretHint: before.secretHint },
      after: { secretHint: after.secretHint, previousValidUntil: previousExpiresAt.toISOString() },
      at: args.now,
    });
    return after;
  });
  return { endpoint, secret };
}
