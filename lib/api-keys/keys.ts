import { createHash } from "node:crypto";
import { randomString } from "@/lib/ids";

// API key secrets: "ppk_live_" (partner) or "plk_live_" (platform) + 32 base-62
// characters (~190 bits). Only a SHA-256 hash is stored; a fast hash is right
// here because the secret is long and random, not a password.

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const KEY_PREFIX = { partner: "ppk_live_", platform: "plk_live_" } as const;
export type KeyKind = keyof typeof KEY_PREFIX;

export function generateKeySecret(kind: KeyKind): string {
  return KEY_PREFIX[kind] + randomString(32, BASE62);
}

export function hashKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** What lists show so a key can be recognised: "ppk_live_Ab3d…". */
export function displayPrefix(secret: string): string {
  return secret.slice(0, 13);
}

export function looksLikeKeySecret(value: string): boolean {
  return /^(ppk|plk)_(live|demo)_[0-9A-Za-z_]{16,64}$/.test(value);
}
