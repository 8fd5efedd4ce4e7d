import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

// Secrets we must be able to read back (webhook signing secrets) are stored
// encrypted with AES-256-GCM. Keys come from ENCRYPTION_KEYS (comma-separated
// base64, 32 bytes each): the first encrypts, every listed key decrypts, so a key
// is rotated by putting a new one first and dropping the old one once nothing
// uses it. Without the variable, one key is generated into DATA_DIR/encryption-key.
//
// Stored form: "enc1.<key id>.<iv>.<auth tag>.<ciphertext>" (base64url parts).
// The key id is the first 8 hex characters of the key's SHA-256, so a value
// names the key that can open it without revealing it.

const VERSION = "enc1";

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export function keyFromBase64(b64: string): EncryptionKey {
  const key = Buffer.from(b64, "base64");
  if (key.length !== 32) throw new Error("An encryption key must be 32 bytes");
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 8), key };
}

export function encryptWith(keys: readonly EncryptionKey[], plaintext: string): string {
  const current = keys[0];
  if (!current) throw new Error("No encryption key configured");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, current.id, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptWith(keys: readonly EncryptionKey[], stored: string): string {
  const [version, keyId, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined) throw new Error("Not an encrypted value");
  const match = keys.find((k) => k.id === keyId);
  if (!match) throw new Error(`No configured encryption key can decrypt this value (key ${keyId}); keep old keys in ENCRYPTION_KEYS until rotated out`);
  const decipher = createDecipheriv("aes-256-gcm", match.key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** Whether a stored value was encrypted with a key other than the current one (needs re-encrypting). */
export function isStale(keys: readonly EncryptionKey[], stored: string): boolean {
  return stored.split(".")[1] !== keys[0]?.id;
}

let cached: EncryptionKey[] | undefined;

function generatedKey(): string {
  const env = getEnv();
  const dir = path.join(/* turbopackIgnore: true */ process.cwd(), env.DATA_DIR);
  const file = path.join(dir, "encryption-key");
  mkdirSync(dir, { recursive: true });
  try {
    // "wx": two processes starting at once never overwrite each other's key.
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
    if (env.NODE_ENV === "production") {
      log.warn("ENCRYPTION_KEYS is not set: generated a key in the data folder. Set ENCRYPTION_KEYS when running more than one instance.");
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8").trim();
}

/** The configured keys, current first. */
export function encryptionKeys(): EncryptionKey[] {
  if (cached) return cached;
  const configured = getEnv().ENCRYPTION_KEYS;
  return (cached = (configured ?? [generatedKey()]).map(keyFromBase64));
}

export function encryptSecret(plaintext: string): string {
  return encryptWith(encryptionKeys(), plaintext);
}

export function decryptSecret(stored: string): string {
  return decryptWith(encryptionKeys(), stored);
}

/** Tests change ENCRYPTION_KEYS between cases; this forgets the parsed keys. */
export function resetEncryptionKeysForTests(): void {
  cached = undefined;
}
