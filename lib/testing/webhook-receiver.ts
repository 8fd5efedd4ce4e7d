import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A real local HTTP server that receives our webhooks and checks them the way a
// partner's server would: with its own implementation of the Standard Webhooks
// verification (node:crypto only, nothing shared with our signing code).
// It can be taken down and brought back on the same port, answer any status,
// or hold the response (a slow receiver).

export interface ReceivedWebhook {
  id: string;
  timestamp: number;
  body: string;
  /** The body parsed, when it was JSON. */
  json: unknown;
  contentType: string | undefined;
  /** Which of the receiver's secrets (index) verified a signature, or -1. */
  verifiedWith: number;
  /** The timestamp was within the tolerance of the receiver's clock. */
  fresh: boolean;
  /** The receiver's clock when the request arrived. */
  at: Date;
  status: number;
}

export type ReceiverReply = { status: number; body?: string } | { hang: true };

export interface ReceiverOptions {
  /** Secrets ("whsec_...") the receiver accepts; may change during a test. */
  secrets: () => string[];
  /** The receiver's clock (tests move it together with the worker's). */
  clock?: () => Date;
  toleranceSeconds?: number;
  /** How to answer the n-th request (1-based). Default: 200 when the signature verifies, else 400. */
  reply?: (n: number, received: ReceivedWebhook) => ReceiverReply;
  port?: number;
}

/** Independent Standard Webhooks verification: which secret matched, or -1. */
export function verifyStandardWebhook(
  secrets: string[],
  id: string,
  timestamp: string,
  body: string,
  signatureHeader: string,
): number {
  const offered = signatureHeader
    .split(" ")
    .map((part) => part.split(","))
    .filter(([version, sig]) => version === "v1" && sig)
    .map(([, sig]) => Buffer.from(sig!, "base64"));
  for (const [index, secret] of secrets.entries()) {
    const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
    const mac = createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest();
    if (offered.some((o) => o.length === mac.length && timingSafeEqual(o, mac))) return index;
  }
  return -1;
}

export async function startWebhookReceiver(options: ReceiverOptions) {
  const received: ReceivedWebhook[] = [];
  const hanging = new Set<ServerResponse>();
  const abortedHanging: string[] = [];
  const clock = options.clock ?? (() => new Date());
  const tolerance = options.toleranceSeconds ?? 300;
  let count = 0;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      count += 1;
      const body = Buffer.concat(chunks).toString("utf8");
      const id = String(req.headers["webhook-id"] ?? "");
      const ts = String(req.headers["webhook-timestamp"] ?? "");
      const verifiedWith = verifyStandardWebhook(options.secrets(), id, ts, body, String(req.headers["webhook-signature"] ?? ""));
      const timestamp = Number(ts);
      const now = clock();
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      const entry: ReceivedWebhook = {
        id,
        timestamp,
        body,
        json,
        contentType: req.headers["content-type"],
        verifiedWith,
        fresh: Number.isFinite(timestamp) && Math.abs(now.getTime() / 1000 - timestamp) <= tolerance,
        at: now,
        status: 0,
      };
      received.push(entry);
      const reply = options.reply?.(count, entry) ?? { status: verifiedWith >= 0 && entry.fresh ? 200 : 400 };
      if ("hang" in reply) {
        hanging.add(res);
        res.on("close", () => {
          if (!res.writableEnded) abortedHanging.push(id);
          hanging.delete(res);
        });
        return;
      }
      entry.status = reply.status;
      res.writeHead(reply.status, { "content-type": "text/plain" });
      res.end(reply.body ?? (reply.status < 300 ? "ok" : "no"));
    });
  };

  let server: Server = createServer(handler);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
    });
  const port = await listen(options.port ?? 0);

  const close = async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    port,
    received,
    /** Ids of hanging requests whose connection the sender closed (it gave up). */
    abortedHanging,
    /** Stops listening: connections are refused until up(). */
    down: close,
    /** Listens again on the same port. */
    up: async () => {
      server = createServer(handler);
      await listen(port);
    },
    /** Answers every held request with 200 (so a test can finish cleanly). */
    releaseHanging: () => {
      for (const res of hanging) res.writeHead(200).end("late");
    },
    close,
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
