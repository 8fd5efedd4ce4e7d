import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A local HTTP server that speaks a SaaS provider's wire format, so tests drive
// the provider's real SDK over real HTTP.

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  json: unknown;
}

export type Route = (req: RecordedRequest) => { status: number; body: unknown; headers?: Record<string, string> };

export async function startFakeServer(route: Route) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown = null;
      try {
        json = body ? JSON.parse(body) : null;
      } catch {
        json = null;
      }
      const recorded = { method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers, body, json };
      requests.push(recorded);
      const out = route(recorded);
      res.writeHead(out.status, { "content-type": "application/json", ...out.headers });
      res.end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Resend's POST /emails (200 { id }) and POST /emails/batch (200 { data: [{ id }] }, at most
 * 100 emails) for a valid key, its error shape otherwise.
 */
export function fakeResend(options: { failWith?: { status: number; name: string; message: string } } = {}): Route {
  let n = 0;
  return (req) => {
    const batch = req.path === "/emails/batch";
    if (req.method !== "POST" || (req.path !== "/emails" && !batch)) return { status: 404, body: { name: "not_found", message: "Not found", statusCode: 404 } };
    if (req.headers.authorization !== "Bearer re_test_key") {
      return { status: 401, body: { name: "missing_api_key", message: "Missing API key", statusCode: 401 } };
    }
    if (options.failWith) {
      return { status: options.failWith.status, body: { ...options.failWith, statusCode: options.failWith.status } };
    }
    if (batch) {
      const emails = Array.isArray(req.json) ? req.json : [];
      if (emails.length === 0 || emails.length > 100) {
        return { status: 422, body: { name: "validation_error", message: "A batch holds 1 to 100 emails", statusCode: 422 } };
      }
      return { status: 200, body: { data: emails.map(() => ({ id: `re_msg_${++n}` })) } };
    }
    n += 1;
    return { status: 200, body: { id: `re_msg_${n}` } };
  };
}
