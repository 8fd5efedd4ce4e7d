import "server-only";
import Stripe from "stripe";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Inbound Stripe webhooks: the signature is checked with Stripe's own SDK
// (HMAC-SHA256 over "<timestamp>.<raw body>" with STRIPE_WEBHOOK_SECRET) and
// the timestamp must be at most 5 minutes old, against replays.

export const STRIPE_TOLERANCE_SECONDS = 300;

export interface VerifiedStripeEvent {
  id: string;
  type: string;
  created: number;
  data: { object: unknown; previous_attributes?: unknown };
}

export function verifyStripeEvent(rawBody: string, signature: string | null, secret: string | undefined = getEnv().STRIPE_WEBHOOK_SECRET): VerifiedStripeEvent {
  if (!secret) throw new AppError({ code: "bad_request", message: "Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)" });
  if (!signature) throw new AppError({ code: "bad_request", message: "Missing Stripe-Signature header" });
  try {
    const event = Stripe.webhooks.constructEvent(rawBody, signature, secret, STRIPE_TOLERANCE_SECONDS);
    return event as unknown as VerifiedStripeEvent;
  } catch (error) {
    const message = error instanceof Error ? error.message : "invalid signature";
    throw new AppError({ code: "bad_request", message: `Stripe signature check failed: ${message.split("\n")[0]}` });
  }
}
