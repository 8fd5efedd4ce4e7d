import { createHmac } from "node:crypto";
import { startFakeServer, type RecordedRequest } from "./fake-http";

// A local Stripe for tests: the endpoints payouts use (accounts, account_links,
// transfers) in Stripe's wire format — form-encoded requests, JSON answers,
// Stripe's error shape, Idempotency-Key replays — and webhook events signed the
// way Stripe signs them. Point the real SDK at it with host/port/protocol.

export const FAKE_STRIPE_KEY = "sk_test_fake_stripe_key";

interface Account {
  id: string;
  object: "account";
  type: "express";
  email: string | null;
  country: string;
  payouts_enabled: boolean;
  details_submitted: boolean;
  charges_enabled: boolean;
  metadata: Record<string, string>;
  created: number;
}

interface Transfer {
  id: string;
  object: "transfer";
  amount: number;
  currency: string;
  destination: string;
  transfer_group: string | null;
  metadata: Record<string, string>;
  created: number;
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

/** Form body "a=1&metadata[x]=y&capabilities[transfers][requested]=true" -> nested object. */
export function parseForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.split(/\[|\]/).filter(Boolean);
    let node = out as Record<string, unknown>;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return out;
}

const stripeError = (status: number, type: string, message: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { error: { type, message, ...extra } },
  headers: { "request-id": `req_${Math.random().toString(36).slice(2, 12)}` },
});

export async function startFakeStripe(options: { webhookSecret?: string } = {}) {
  const accounts = new Map<string, Account>();
  const transfers: Transfer[] = [];
  const idempotent = new Map<string, { params: string; reply: Reply }>();
  /** Refuse the next n transfers with this message (like a destination that cannot receive them). */
  const failures: { remaining: number; message: string; code: string } = { remaining: 0, message: "", code: "" };
  /** Answer the next n transfers with a 500 after creating them (the caller never learns the outcome). */
  let losesResponses = 0;
  let seq = 0;
  const nextId = (prefix: string) => `${prefix}_${(++seq).toString(36).padStart(6, "0")}${Math.random().toString(36).slice(2, 10)}`;
  const now = () => Math.floor(Date.now() / 1000);

  function handle(req: RecordedRequest, params: Record<string, unknown>): Reply {
    const path = req.path.split("?")[0]!;
    if (req.method === "POST" && path === "/v1/accounts") {
      const metadata = (params.metadata ?? {}) as Record<string, string>;
      const account: Account = {
        id: nextId("acct"),
        object: "account",
        type: "express",
        email: (params.email as string) ?? null,
        country: (params.country as string) ?? "US",
        payouts_enabled: false,
        details_submitted: false,
        charges_enabled: false,
        metadata,
        created: now(),
      };
      accounts.set(account.id, account);
      return { status: 200, body: account };
    }
    const acct = path.match(/^\/v1\/accounts\/(acct_[\w]+)$/);
    if (req.method === "GET" && acct) {
      const a = accounts.get(acct[1]!);
      return a ? { status: 200, body: a } : stripeError(404, "invalid_request_error", `No such account: '${acct[1]}'`, { code: "resource_missing", param: "account" });
    }
    if (req.method === "POST" && path === "/v1/account_links") {
      const account = accounts.get(String(params.account));
      if (!account) return stripeError(400, "invalid_request_error", `No such account: '${String(params.account)}'`, { code: "resource_missing", param: "account" });
      return { status: 200, body: { object: "account_link", created: now(), expires_at: now() + 300, url: `https://connect.stripe.com/setup/e/${account.id}/${nextId("link")}` } };
    }
    if (req.method === "POST" && path === "/v1/transfers") {
      const amount = Number(params.amount);
      const destination = String(params.destination ?? "");
      if (!Number.isInteger(amount) || amount <= 0) return stripeError(400, "invalid_request_error", "Invalid positive integer", { param: "amount" });
      const account = accounts.get(destination);
      if (!account) return stripeError(400, "invalid_request_error", `No such destination: '${destination}'`, { code: "resource_missing", param: "destination" });
      if (failures.remaining > 0) {
        failures.remaining -= 1;
        return stripeError(400, "invalid_request_error", failures.message, { code: failures.code });
      }
      if (!account.payouts_enabled) {
        return stripeError(400, "invalid_request_error", "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments", {
          code: "insufficient_capabilities_for_transfer",
        });
      }
      const transfer: Transfer = {
        id: nextId("tr"),
        object: "transfer",
        amount,
        currency: String(params.currency),
        destination,
        transfer_group: (params.transfer_group as string) ?? null,
        metadata: (params.metadata ?? {}) as Record<string, string>,
        created: now(),
      };
      transfers.push(transfer);
      if (losesResponses > 0) {
        losesResponses -= 1;
        return stripeError(500, "api_error", "An unknown error occurred");
      }
      return { status: 200, body: transfer };
    }
    return stripeError(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${path}).`);
  }

  const server = await startFakeServer((req) => {
    if (req.headers.authorization !== `Bearer ${FAKE_STRIPE_KEY}`) {
      return stripeError(401, "invalid_request_error", "Invalid API Key provided");
    }
    const params = parseForm(req.body);
    const key = req.headers["idempotency-key"];
    const idemKey = typeof key === "string" ? `${req.path}:${key}` : null;
    if (idemKey && req.method === "POST") {
      const seen = idempotent.get(idemKey);
      if (seen) {
        if (seen.params !== req.body) {
          return stripeError(400, "idempotency_error", "Keys for idempotent requests can only be used with the same parameters they were first used with.");
        }
        // Stripe replays the first answer, even an error (5xx answers are not saved).
        if (seen.reply.status < 500) return { ...seen.reply, headers: { ...seen.reply.headers, "idempotent-replayed": "true" } };
        const created = transfers.find((t) => t.metadata.idempotency_key === key);
        if (created && losesResponses > 0) {
          losesResponses -= 1;
          return stripeError(500, "api_error", "An unknown error occurred");
        }
        if (created) return { status: 200, body: created, headers: { "idempotent-replayed": "true" } };
      }
      const reply = handle(req, params);
      if (reply.status === 200 && (reply.body as { object?: string }).object === "transfer") (reply.body as Transfer).metadata.idempotency_key = key as string;
      if (reply.status === 500) {
        const t = transfers[transfers.length - 1];
        if (t) t.metadata.idempotency_key = key as string;
      }
      idempotent.set(idemKey, { params: req.body, reply });
      return reply;
    }
    return handle(req, params);
  });

  const secret = options.webhookSecret ?? "whsec_fake_stripe";

  /** A Stripe event and its Stripe-Signature header, signed like Stripe: v1 = HMAC-SHA256(secret, "t.payload"). */
  function signedEvent(type: string, object: unknown, at = now()) {
    const event = { id: nextId("evt"), object: "event", api_version: "2025-10-29.clover", created: at, type, data: { object }, livemode: false, pending_webhooks: 1 };
    const payload = JSON.stringify(event);
    const signature = createHmac("sha256", secret).update(`${at}.${payload}`, "utf8").digest("hex");
    return { event, payload, header: `t=${at},v1=${signature}` };
  }

  return {
    ...server,
    host: "127.0.0.1",
    protocol: "http" as const,
    secretKey: FAKE_STRIPE_KEY,
    webhookSecret: secret,
    accounts,
    transfers,
    signedEvent,
    /** Stripe finishes onboarding the account: payouts enabled; returns the signed account.updated event. */
    completeOnboarding(accountId: string, enabled = true) {
      const a = accounts.get(accountId);
      if (!a) throw new Error(`no account ${accountId}`);
      a.payouts_enabled = enabled;
      a.details_submitted = true;
      return signedEvent("account.updated", a);
    },
    refuseTransfers(n: number, message = "Insufficient funds in Stripe account. In test mode, you can add funds to your available balance (bypassing your pending balance) by creating a charge with 4000 0000 0000 0077 as the card number.", code = "balance_insufficient") {
      failures.remaining = n;
      failures.message = message;
      failures.code = code;
    },
    loseTransferResponses(n: number) {
      losesResponses = n;
    },
    transferRequests: () => server.requests.filter((r) => r.method === "POST" && r.path === "/v1/transfers"),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
