import { NextResponse } from "next/server";
import { toErrorResponse } from "@/lib/errors";
import { handleStripeEvent } from "@/lib/integrations/stripe/handle-event";
import { verifyStripeEvent } from "@/lib/integrations/stripe/webhook";
import { log } from "@/lib/log";

/**
 * POST /api/webhooks/stripe — Stripe's events (invoice.paid, charge.refunded,
 * customer.subscription.updated, disputes; account.updated for payouts). A bad signature or a timestamp older
 * than 5 minutes is a 400 and nothing is recorded; a redelivered event is a 200
 * that changes nothing.
 */
export async function POST(req: Request) {
  const raw = await req.text();
  try {
    const event = verifyStripeEvent(raw, req.headers.get("stripe-signature"));
    const result = await handleStripeEvent(event, new Date());
    return NextResponse.json({ received: true, duplicate: result.duplicate, outcome: result.outcome });
  } catch (error) {
    const mapped = toErrorResponse(error);
    if (mapped.status >= 500) log.error("stripe webhook failed", { error: error instanceof Error ? error.stack : String(error) });
    return NextResponse.json(mapped.body, { status: mapped.status });
  }
}
