import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

// HTTP GET with the limits a prober needs against sites it does not control:
// a timeout for the whole exchange, a cap on the body size (read as a stream
// and abandoned past the cap), redirects followed by hand with a limit and
// loop detection, and (outside development) no requests to private addresses.

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Allow loopback and private-range targets (development, tests, the local fixture site). */
  allowPrivateHosts: boolean;
  /** Request headers instead of the prober's own user-agent and accept (other crawlers name themselves). */
  headers?: Record<string, string>;
}

export type FetchFailure =
  | "invalid_url"
  | "blocked_host"
  | "unreachable"
  | "timeout"
  | "http_error"
  | "too_large"
  | "redirect_loop"
  | "too_many_redirects";

export type FetchOutcome =
  | { ok: true; url: string; status: number; headers: Headers; body: Uint8Array; redirects: number }
  | { ok: false; reason: FetchFailure; detail: string; status?: number; url: string };

export class FetchError extends Error {
  constructor(
    readonly reason: FetchFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Loopback, private, link-local, CGNAT and unspecified IPv4/IPv6 ranges. */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = ip.split(".").map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const v6 = ip.toLowerCase();
  if (v6.startsWith("::ffff:")) return isPrivateAddress(v6.slice(7));
  return v6 === "::" || v6 === "::1" || v6.startsWith("fc") || v6.startsWith("fd") || v6.startsWith("fe80");
}

async function assertPublicHost(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new FetchError("unreachable", `Could not resolve ${host}`);
  if (addresses.some(isPrivateAddress)) throw new FetchError("blocked_host", `${host} resolves to a private address`);
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new FetchError("too_large", `The body is ${declared} bytes, over the ${maxBytes}-byte limit`, res.status);
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new FetchError("too_large", `The body is over the ${maxBytes}-byte limit`, res.status);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export async function fetchLimited(rawUrl: string, limits: FetchLimits): Promise<FetchOutcome> {
  let url: URL;
  try {
    url = new URL(rawUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http(s)");
  } catch {
    return { ok: false, reason: "invalid_url", detail: "Not an absolute http(s) URL", url: rawUrl };
  }
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const seen = new Set<string>();
  let redirects = 0;
  try {
    for (;;) {
      if (!limits.allowPrivateHosts) await assertPublicHost(url);
      seen.add(url.toString());
      const res = await fetch(url, {
        redirect: "manual",
        signal,
        headers: limits.headers ?? { "user-agent": "ProvenantSurvivalProber/1.0", accept: "image/*, application/c2pa, */*;q=0.5" },
      });
      if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
        await res.body?.cancel().catch(() => {});
        const next = new URL(res.headers.get("location")!, url);
        if (seen.has(next.toString())) throw new FetchError("redirect_loop", `Redirect loop back to ${next}`, res.status);
        if (++redirects > limits.maxRedirects) throw new FetchError("too_many_redirects", `More than ${limits.maxRedirects} redirects`, res.status);
        url = next;
        continue;
      }
      if (res.status !== 200) {
        await res.body?.cancel().catch(() => {});
        throw new FetchError("http_error", `HTTP ${res.status}`, res.status);
      }
      const body = await readCapped(res, limits.maxBytes);
      return { ok: true, url: url.toString(), status: res.status, headers: res.headers, body, redirects };
    }
  } catch (error) {
    if (error instanceof FetchError) return { ok: false, reason: error.reason, detail: error.message, status: error.status, url: url.toString() };
    if (signal.aborted) return { ok: false, reason: "timeout", detail: `No complete answer within ${limits.timeoutMs} ms`, url: url.toString() };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, reason: "unreachable", detail: cause?.code ?? cause?.message ?? (error as Error).message, url: url.toString() };
  }
}
