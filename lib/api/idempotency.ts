import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { claimKey, completeKey, releaseKey } from "./idempotency-store";

// Idempotency-Key on POST, as Stripe does it: the first request with a key runs
// and its response is stored for 24 hours; the same key with the same request
// replays that response; with a different request it is a 409. Responses of 500
// and above are not stored, so a retry runs again.

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");
}

export function validIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{1,255}$/.test(key);
}

export async function withIdempotency(
  args: { owner: string; key: string; method: string; path: string; body: string; now: Date },
  run: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  if (!validIdempotencyKey(args.key)) {
    throw new AppError({
      code: "bad_request",
      message: "Idempotency-Key must be 1 to 255 visible ASCII characters",
      fields: { "Idempotency-Key": ["1 to 255 visible ASCII characters"] },
    });
  }
  const hash = requestHash(args.method, args.path, args.body);
  const claim = { owner: args.owner, key: args.key, method: args.method, path: args.path, requestHash: hash, now: args.now };
  let existing = await claimKey(claim);
  if (existing && existing.createdAt.getTime() < args.now.getTime() - IDEMPOTENCY_TTL_MS) {
    await releaseKey(args.owner, args.key);
    existing = await claimKey(claim);
  }
  if (existing) {
    if (existing.requestHash !== hash) {
      throw new AppError({ code: "conflict", message: "This Idempotency-Key was already used with a different request" });
    }
    if (existing.state !== "done") {
      throw new AppError({ code: "conflict", message: "A request with this Idempotency-Key is still being processed; retry shortly" });
    }
    return { status: existing.responseStatus ?? 200, body: existing.responseBody, replayed: true };
  }
  let result: StoredResponse;
  try {
    result = await run();
  } catch (error) {
    await releaseKey(args.owner, args.key);
    throw error;
  }
  if (result.status >= 500) await releaseKey(args.owner, args.key);
  else await completeKey(args.owner, args.key, result.status, result.body);
  return { ...result, replayed: false };
}
