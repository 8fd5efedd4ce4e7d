import { describe, expect, it } from "vitest";
import { decryptWith, encryptWith, isStale, keyFromBase64 } from "./secrets";

const k1 = keyFromBase64(Buffer.alloc(32, 1).toString("base64"));
const k2 = keyFromBase64(Buffer.alloc(32, 2).toString("base64"));

describe("AES-256-GCM secrets", () => {
  it("round-trips, with a fresh IV every time", () => {
    const a = encryptWith([k1], "whsec_abc");
    const b = encryptWith([k1], "whsec_abc");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^enc1\.[0-9a-f]{8}\./);
    expect(a).not.toContain("whsec_abc");
    expect(decryptWith([k1], a)).toBe("whsec_abc");
  });

  it("rotates keys: the first key encrypts, every listed key decrypts", () => {
    const old = encryptWith([k1], "secret-1");
    const rotated = [k2, k1];
    expect(decryptWith(rotated, old)).toBe("secret-1");
    expect(isStale(rotated, old)).toBe(true);
    const fresh = encryptWith(rotated, "secret-2");
    expect(isStale(rotated, fresh)).toBe(false);
    expect(() => decryptWith([k1], fresh)).toThrow(/No configured encryption key/);
  });

  it("refuses a tampered value and a wrong key size", () => {
    const value = encryptWith([k1], "secret");
    const parts = value.split(".");
    parts[4] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptWith([k1], parts.join("."))).toThrow();
    expect(() => decryptWith([k1], "plain text")).toThrow("Not an encrypted value");
    expect(() => keyFromBase64(Buffer.alloc(16).toString("base64"))).toThrow("32 bytes");
  });
});
