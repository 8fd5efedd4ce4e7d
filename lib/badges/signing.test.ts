import { createPublicKey, generateKeyPairSync, verify, type JsonWebKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { publicKeyDocument, signJws, signingKeyFrom, verifyJws } from "./signing";

const pem = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const key = signingKeyFrom(pem);

describe("badge assertion signatures", () => {
  it("verify with node:crypto and nothing of ours, from the published JWK", () => {
    const payload = { status: "active", recipient: { name: "Brightpixel Studio" } };
    const jws = signJws(payload, key);
    const doc = JSON.parse(JSON.stringify(publicKeyDocument(key))) as { publicKeyJwk: JsonWebKey; publicKeyPem: string };
    const [h, p, s] = jws.split(".") as [string, string, string];
    const publicKey = createPublicKey({ key: doc.publicKeyJwk, format: "jwk" });
    expect(verify(null, Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, "base64url"))).toBe(true);
    expect(verify(null, Buffer.from(`${h}.${p}`), createPublicKey(doc.publicKeyPem), Buffer.from(s, "base64url"))).toBe(true);
    expect(JSON.parse(Buffer.from(h, "base64url").toString())).toMatchObject({ alg: "EdDSA", kid: key.kid });
    expect(JSON.parse(Buffer.from(p, "base64url").toString())).toEqual(payload);
  });

  it("fail when the payload is changed or another key signed", () => {
    const jws = signJws({ status: "revoked" }, key);
    const [h, , s] = jws.split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify({ status: "active" })).toString("base64url")}.${s}`;
    expect(verifyJws(jws, key.publicKey)).toEqual({ status: "revoked" });
    expect(verifyJws(forged, key.publicKey)).toBeNull();
    const other = signingKeyFrom(generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString());
    expect(verifyJws(jws, other.publicKey)).toBeNull();
  });

  it("reads the key as PEM or as base64 DER, and refuses other key types", () => {
    const der = key.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
    expect(signingKeyFrom(der).kid).toBe(key.kid);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    expect(() => signingKeyFrom(rsa)).toThrow(/Ed25519/);
  });
});
