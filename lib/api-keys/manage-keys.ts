import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, assertPartner, type KeyPrincipal, type Principal } from "@/lib/auth/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { displayPrefix, generateKeySecret, hashKeySecret, looksLikeKeySecret } from "./keys";
import { createPartnerApiKeySchema, createPlatformApiKeySchema, type ApiKey } from "./schemas";
import { findActiveKeyByHash, findApiKey, insertApiKey, markRevoked, touchLastUsed } from "./store";

export interface CreatedKey {
  key: ApiKey;
  /** Shown to the user once, never stored. */
  secret: string;
}

export async function createPartnerApiKey(args: {
  principal: Principal | null;
  partnerId: string;
  input: unknown;
  now: Date;
}): Promise<CreatedKey> {
  assertPartner(args.principal, "api_keys:manage", args.partnerId);
  const input = parseOrThrow(createPartnerApiKeySchema, args.input);
  const principal = args.principal!;
  const secret = generateKeySecret("partner");
  const db = await getDb();
  const key = await db.transaction(async (tx) => {
    const key = await insertApiKey(tx, {
      kind: "partner",
      partnerId: args.partnerId,
      name: input.name,
      prefix: displayPrefix(secret),
      hash: hashKeySecret(secret),
      scopes: input.scopes,
      createdByUserId: principal.kind === "user" ? principal.viewer.userId : null,
      createdAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(principal),
      action: "api_key.created",
      object: { type: "api_key", id: key.id },
      partnerId: args.partnerId,
      after: { name: key.name, prefix: key.prefix, scopes: key.scopes },
      at: args.now,
    });
    return key;
  });
  return { key, secret };
}

export async function createPlatformApiKey(args: { principal: Principal | null; input: unknown; now: Date }): Promise<CreatedKey> {
  const viewer = assertAdmin(args.principal, "partners:manage");
  const input = parseOrThrow(createPlatformApiKeySchema, args.input);
  const secret = generateKeySecret("platform");
  const db = await getDb();
  const key = await db.transaction(async (tx) => {
    const key = await insertApiKey(tx, {
      kind: "platform",
      partnerId: null,
      name: input.name,
      prefix: displayPrefix(secret),
      hash: hashKeySecret(secret),
      scopes: input.scopes,
      createdByUserId: viewer.userId,
      createdAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "api_key.created",
      object: { type: "api_key", id: key.id },
      after: { kind: "platform", name: key.name, prefix: key.prefix, scopes: key.scopes },
      at: args.now,
    });
    return key;
  });
  return { key, secret };
}

/** Revokes a key. Partner keys need api_keys:manage on their partner; platform keys need an admin. */
export async function revokeApiKey(args: { principal: Principal | null; keyId: string; now: Date }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const key = await findApiKey(tx, args.keyId);
    if (!key) throw notFound("API key");
    if (key.kind === "partner") {
      try {
        assertPartner(args.principal, "api_keys:manage", key.partnerId!);
      } catch (error) {
        // Do not reveal that another partner's key exists.
        if (error instanceof AppError && error.code === "forbidden") throw notFound("API key");
        throw error;
      }
    } else {
      assertAdmin(args.principal, "partners:manage");
    }
    if (key.revokedAt) throw new AppError({ code: "conflict", message: "This key is already revoked" });
    await markRevoked(tx, key.id, args.now);
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "api_key.revoked",
      object: { type: "api_key", id: key.id },
      partnerId: key.partnerId,
      before: { revokedAt: null },
      after: { revokedAt: args.now.toISOString() },
      at: args.now,
    });
  });
}

/** The principal behind a bearer secret, or null for unknown and revoked keys. */
export async function authenticateApiKey(
  secret: string,
  now: Date,
): Promise<(KeyPrincipal & { name: string }) | null> {
  if (!looksLikeKeySecret(secret)) return null;
  const row = await findActiveKeyByHash(hashKeySecret(secret));
  if (!row) return null;
  await touchLastUsed(row.id, now);
  return { keyId: row.id, kind: row.kind, partnerId: row.partnerId, scopes: row.scopes, name: row.name };
}
