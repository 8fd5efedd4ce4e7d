import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

// The Ed25519 key that signs badge assertions. BADGE_SIGNING_KEY holds the
// private key (PKCS#8 PEM, or its DER in base64); without it one is generated
// into DATA_DIR/badge-signing-key.pem on first use. Set it on every instance
// (the same key) in production, or each instance signs with its own.
//
// Assertions are compact JWS (RFC 7515) with alg "EdDSA" (RFC 8037): anyone can
// check one with the public key we publish at /.well-known/badge-issuer.json.

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** First 16 hex characters of the SHA-256 of the raw public key. */
  kid: string;
}

export function signingKeyFrom(material: string): SigningKey {
  const privateKey = material.includes("-----BEGIN")
    ? createPrivateKey(material)
    : createPrivateKey({ key: Buffer.from(material.trim(), "base64"), format: "der", type: "pkcs8" });
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("BADGE_SIGNING_KEY must be an Ed25519 private key");
  const publicKey = createPublicKey(privateKey);
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x as string, "base64url");
  return { privateKey, publicKey, kid: createHash("sha256").update(raw).digest("hex").slice(0, 16) };
}

function generatedKey(): string {
  const env = getEnv();
  const dir = path.join(/* turbopackIgnore: true */ process.cwd(), env.DATA_DIR);
  const file = path.join(dir, "badge-signing-key.pem");
  mkdirSync(dir, { recursive: true });
  try {
    const { privateKey } = generateKeyPairSync("ed25519");
    // "wx": two processes starting at once never overwrite each other's key.
    writeFileSync(file, privateKey.export({ format: "pem", type: "pkcs8" }), { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
    if (env.NODE_ENV === "production") log.warn("BADGE_SIGNING_KEY is not set: generated a key in the data folder. Set it when running more than one instance.");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8");
}

let cached: SigningKey | undefined;

export function badgeSigningKey(): SigningKey {
  return (cached ??= signingKeyFrom(getEnv().BADGE_SIGNING_KEY ?? generatedKey()));
}

export function resetBadgeSigningKeyForTests(): void {
  cached = undefined;
}

const b64url = (v: string | Buffer) => Buffer.from(v).toString("base64url");

/** Compact JWS of a JSON payload, signed with Ed25519. */
export function signJws(payload: unknown, key: SigningKey = badgeSigningKey()): string {
  const header = b64url(JSON.stringify({ alg: "EdDSA", typ: "JWT", kid: key.kid }));
  const body = b64url(JSON.stringify(payload));
  const signature = sign(null, Buffer.from(`${header}.${body}`), key.privateKey);
  return `${header}.${body}.${b64url(signature)}`;
}

/** Checks a compact JWS against a public key; the payload when the signature holds, else null. */
export function verifyJws(jws: string, publicKey: KeyObject): unknown {
  const [header, body, signature] = jws.split(".");
  if (!header || !body || !signature) return null;
  const ok = verify(null, Buffer.from(`${header}.${body}`), publicKey, Buffer.from(signature, "base64url"));
  return ok ? JSON.parse(Buffer.from(body, "base64url").toString("utf8")) : null;
}

/** The public key as published: JWK and PEM. */
export function publicKeyDocument(key: SigningKey = badgeSigningKey()) {
  return {
    kid: key.kid,
    alg: "EdDSA",
    publicKeyJwk: { ...key.publicKey.export({ format: "jwk" }), kid: key.kid, alg: "EdDSA", use: "sig" },
    publicKeyPem: key.publicKey.export({ format: "pem", type: "spki" }).toString(),
  };
}
