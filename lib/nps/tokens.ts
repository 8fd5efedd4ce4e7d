import { createHash, randomBytes } from "node:crypto";

// Survey links carry a random token (32 bytes, base64url); only its SHA-256 is
// stored, so the database alone cannot answer or unsubscribe for anyone.

export function newSurveyToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashSurveyToken(token) };
}

export function hashSurveyToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeSurveyToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
