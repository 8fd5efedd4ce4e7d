import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A local S3 endpoint (path-style) for PutObject, GetObject and DeleteObject,
// answering with S3's headers and XML errors, so tests drive the real AWS SDK.

export interface FakeS3Request {
  method: string;
  path: string;
  authorization: string | undefined;
}

export async function startFakeS3(bucket: string) {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const requests: FakeS3Request[] = [];
  const xmlError = (res: ServerResponse, status: number, code: string, message: string) => {
    res.writeHead(status, { "content-type": "application/xml" });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      requests.push({ method: req.method ?? "GET", path: url.pathname, authorization: req.headers.authorization });
      if (!req.headers.authorization?.startsWith("AWS4-HMAC-SHA256 Credential=")) return xmlError(res, 403, "AccessDenied", "Access Denied");
      const [, b, ...rest] = url.pathname.split("/");
      const key = decodeURIComponent(rest.join("/"));
      if (b !== bucket) return xmlError(res, 404, "NoSuchBucket", "The specified bucket does not exist");
      if (req.method === "PUT") {
        objects.set(key, { body: Buffer.concat(chunks), contentType: req.headers["content-type"] ?? "binary/octet-stream" });
        res.writeHead(200, { etag: '"fake"' });
        return res.end();
      }
      if (req.method === "GET") {
        const obj = objects.get(key);
        if (!obj) return xmlError(res, 404, "NoSuchKey", "The specified key does not exist.");
        res.writeHead(200, { "content-type": obj.contentType, "content-length": String(obj.body.length) });
        return res.end(obj.body);
      }
      if (req.method === "DELETE") {
        objects.delete(key);
        res.writeHead(204);
        return res.end();
      }
      xmlError(res, 405, "MethodNotAllowed", "The specified method is not allowed");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
