import "server-only";
import Stripe from "stripe";
import { getEnv } from "@/lib/env";

// Stripe Connect, for payouts: Express connected accounts, onboarding links,
// and one Transfer per payout. Configured by STRIPE_SECRET_KEY; STRIPE_API_URL
// points the SDK at another host (a local fake Stripe in tests and demos).
// Without a key there is no gateway and payouts are paid manually.

export interface TransferInput {
  amount: number;
  currency: string;
  destination: string;
  payoutId: string;
  partnerId: string;
}

export interface PayoutGateway {
  createTransfer(input: TransferInput, idempotencyKey: string): Promise<{ id: string }>;
  createExpressAccount(input: { partnerId: string; email: string | null; country: string | null }, idempotencyKey: string): Promise<{ id: string }>;
  createAccountLink(input: { account: string; refreshUrl: string; returnUrl: string }): Promise<{ url: string; expiresAt: number }>;
  retrieveAccount(account: string): Promise<{ id: string; payoutsEnabled: boolean; detailsSubmitted: boolean }>;
}

/** A failure Stripe reported (our request was refused): the payout fails with this reason and may be retried. */
export class TransferRefused extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = "TransferRefused";
  }
}

export function stripeClient(options: { secretKey: string; apiUrl?: string }): Stripe {
  const url = options.apiUrl ? new URL(options.apiUrl) : null;
  return new Stripe(options.secretKey, {
    maxNetworkRetries: 1,
    timeout: 20_000,
    ...(url
      ? {
          host: url.hostname,
          port: url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80,
          protocol: url.protocol.replace(":", "") as "http" | "https",
        }
      : {}),
  });
}

/**
 * Stripe said no (a 4xx other than rate limits and idempotency races): the
 * outcome is known, no transfer exists. Anything else (network, 5xx, 409, 429)
 * is unknown: the payout stays in flight and is retried with the same key.
 */
export function isRefusal(error: unknown): boolean {
  if (!(error instanceof Stripe.errors.StripeError)) return false;
  const status = error.statusCode ?? 0;
  return status >= 400 && status < 500 && status !== 409 && status !== 429;
}

export function stripeGateway(stripe: Stripe): PayoutGateway {
  return {
    async createTransfer(input, idempotencyKey) {
      try {
        const t = await stripe.transfers.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            destination: input.destination,
            transfer_group: input.payoutId,
            metadata: { payout_id: input.payoutId, partner_id: input.partnerId },
          },
          { idempotencyKey },
        );
        return { id: t.id };
      } catch (error) {
        if (isRefusal(error)) {
          const e = error as InstanceType<typeof Stripe.errors.StripeError>;
          throw new TransferRefused(e.message, e.code ?? null);
        }
        throw error;
      }
    },
    async createExpressAccount(input, idempotencyKey) {
      const a = await stripe.accounts.create(
        {
          type: "express",
          ...(input.email ? { email: input.email } : {}),
          ...(input.country ? { country: input.country } : {}),
          capabilities: { transfers: { requested: true } },
          metadata: { partner_id: input.partnerId },
        },
        { idempotencyKey },
      );
      return { id: a.id };
    },
    async createAccountLink(input) {
      const link = await stripe.accountLinks.create({ account: input.account, refresh_url: input.refreshUrl, return_url: input.returnUrl, type: "account_onboarding" });
      return { url: link.url, expiresAt: link.expires_at };
    },
    async retrieveAccount(account) {
      const a = await stripe.accounts.retrieve(account);
      return { id: a.id, payoutsEnabled: Boolean(a.payouts_enabled), detailsSubmitted: Boolean(a.details_submitted) };
    },
  };
}

/** The configured gateway, or null when payouts are manual. */
export function configuredGateway(): PayoutGateway | null {
  const env = getEnv();
  if (!env.STRIPE_SECRET_KEY) return null;
  return stripeGateway(stripeClient({ secretKey: env.STRIPE_SECRET_KEY, apiUrl: env.STRIPE_API_URL }));
}
