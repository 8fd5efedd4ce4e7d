import dns, { type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { performance } from "node:perf_hooks";
import { checkResolvedAddresses, type UrlPolicy } from "./url-safety";

// One HTTP POST of a webhook: a hard timeout for the whole exchange, no
// redirects followed, at most a small part of the response read, and the
// address checked at connection time (after DNS) so a delivery never reaches
// our own network when private targets are not allowed.

export const SNIPPET_LENGTH = 500;
/** Responses are read up to this size (to keep the connection reusable), then cut off. */
const MAX_RESPONSE_BYTES = 64 * 1024;
export const USER_AGENT = "Provenant-Webhooks/1.0 (+https://provenant.dev/docs/webhooks)";

export interface PostResult {
  /** HTTP status, when a response arrived. */
  status: number | null;
  /** The first characters of the response body. */
  snippet: string | null;
  /** Why no usable response arrived (timeout, refused, DNS, SSRF refusal). */
  error: string | null;
  durationMs: number;
}

class RefusedAddress extends Error {
  readonly code = "EWEBHOOKREFUSED";
}

const agents = new Map<string, { http: http.Agent; https: https.Agent }>();

function agentsFor(policy: UrlPolicy) {
  // Separate pools per policy: a socket opened where private targets are allowed
  // must never be reused for a request where they are not.
  const key = policy.allowPrivate ? "private" : "public";
  let pair = agents.get(key);
  if (!pair) {
    const options = { keepAlive: true, maxSockets: 64, maxFreeSockets: 16, timeout: 30_000 };
    pair = { http: new http.Agent(options), https: new https.Agent(options) };
    agents.set(key, pair);
  }
  return pair;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(policy: UrlPolicy) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "");
      const list = addresses as unknown as LookupAddress[];
      const refusal = checkResolvedAddresses(hostname, list.map((a) => a.address), policy);
      if (refusal) return callback(new RefusedAddress(refusal), "");
      if (options.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

function describeError(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `Timed out after ${timeoutMs} ms`;
  if (error instanceof RefusedAddress) return error.message;
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case "ECONNREFUSED":
      return "Connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "Host not found (DNS)";
    case "ECONNRESET":
      return "Connection reset by the receiver";
    case "CERT_HAS_EXPIRED":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `TLS certificate problem (${e.code})`;
    default:
      return (e.message || String(error)).slice(0, 200);
  }
}

export interface PostArgs {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  policy: UrlPolicy;
}

export async function postWebhook(args: PostArgs): Promise<PostResult> {
  const started = performance.now();
  const first = await postOnce(args, args.timeoutMs);
  if (!first.staleSocket) return first.result;
  // A kept-alive connection the receiver had already closed: nothing was
  // received, so try once more on a fresh connection within the time left.
  const left = args.timeoutMs - (performance.now() - started);
  if (left <= 0) return first.result;
  const second = await postOnce(args, left);
  return { ...second.result, durationMs: Math.round(performance.now() - started) };
}

function postOnce(args: PostArgs, timeoutMs: number): Promise<{ result: PostResult; staleSocket: boolean }> {
  const started = performance.now();
  const elapsed = () => Math.max(0, Math.round(performance.now() - started));
  return new Promise((resolve) => {
    let settled = false;
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (result: Omit<PostResult, "durationMs">, staleSocket = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ result: { ...result, durationMs: elapsed() }, staleSocket });
    };

    let url: URL;
    try {
      url = new URL(args.url);
    } catch {
      return finish({ status: null, snippet: null, error: "Invalid URL" });
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP(host)) {
      // Literal addresses skip DNS (and so the lookup hook): check them here.
      const refusal = checkResolvedAddresses(host, [host], args.policy);
      if (refusal) return finish({ status: null, snippet: null, error: refusal });
    }
    const secure = url.protocol === "https:";
    const body = Buffer.from(args.body, "utf8");
    const pair = agentsFor(args.policy);
    const req = (secure ? https : http).request(url, {
      method: "POST",
      agent: secure ? pair.https : pair.http,
      lookup: guardedLookup(args.policy) as unknown as typeof dns.lookup,
      headers: {
        ...args.headers,
        "content-type": "application/json",
        "content-length": String(body.length),
        "user-agent": USER_AGENT,
      },
    });
    timer = setTimeout(() => {
      timedOut = true;
      req.destroy(new Error("timeout"));
    }, timeoutMs);

    req.on("error", (error) =>
      finish(
        { status: null, snippet: null, error: describeError(error, timedOut, args.timeoutMs) },
        !timedOut && req.reusedSocket && (error as NodeJS.ErrnoException).code === "ECONNRESET",
      ),
    );
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        finish({
          status: res.statusCode ?? null,
          snippet: Buffer.concat(chunks).toString("utf8").slice(0, SNIPPET_LENGTH) || null,
          error: null,
        });
      res.on("data", (chunk: Buffer) => {
        if (size < SNIPPET_LENGTH * 4) chunks.push(chunk);
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          // The status is what counts; do not download a large body.
          done();
          res.destroy();
        }
      });
      res.on("end", done);
      const cut = () => (timedOut ? finish({ status: null, snippet: null, error: describeError(null, true, args.timeoutMs) }) : done());
      res.on("error", cut);
      res.on("close", cut);
    });
    req.end(body);
  });
}
