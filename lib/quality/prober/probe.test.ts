import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureResponse } from "./fixture-site";
import { isPrivateAddress } from "./fetch-limited";
import { DEFAULT_PROBE_OPTIONS, probeAsset, probeAssets, totalsOf, type ProbeOptions } from "./probe";

// The prober against a real local HTTP server serving the fixture site.

let server: Server;
let base: string;
const OPTIONS: ProbeOptions = { ...DEFAULT_PROBE_OPTIONS, allowPrivateHosts: true, timeoutMs: 1_500, maxBytes: 256 * 1024, concurrency: 3 };

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? "/").replace(/^\/site\//, "").split("?")[0]!;
    if (path === "endless.jpg") {
      // A body that never ends: the size cap must stop reading it.
      res.writeHead(200, { "content-type": "image/jpeg" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const timer = setInterval(() => res.write(chunk), 1);
      res.on("close", () => clearInterval(timer));
      return;
    }
    const out = fixtureResponse(path, { hugeBytes: 512 * 1024, slowMs: 5_000 });
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(out.status, out.headers);
      res.end(out.body ? Buffer.from(out.body) : undefined);
    };
    if (out.delayMs) setTimeout(send, out.delayMs).unref();
    else send();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/site/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const probe = (name: string, options = OPTIONS) => probeAsset(base + name, options);

describe("probeAsset", () => {
  it.each([
    ["embedded.jpg", "embedded"],
    ["embedded.png", "embedded"],
    ["remote.jpg", "remote"],
    ["redirect.jpg", "embedded"],
  ] as const)("%s survives (%s)", async (name, method) => {
    const r = await probe(name);
    expect(r).toMatchObject({ survived: true, method, reason: null, httpStatus: 200 });
    if (method === "remote") expect(r.manifestUrl).toBe(`${base}manifests/remote.c2pa`);
  });

  it.each([
    ["stripped.jpg", "stripped"],
    ["stripped.png", "stripped"],
    ["broken-link.jpg", "manifest_unreachable"],
    ["loop.jpg", "redirect_loop"],
    ["page.html", "not_image"],
    ["huge.jpg", "too_large"],
    ["endless.jpg", "too_large"],
    ["missing.jpg", "http_error"],
  ] as const)("%s fails: %s", async (name, reason) => {
    const r = await probe(name);
    expect(r).toMatchObject({ survived: false, method: null, reason });
    expect(r.detail).toBeTruthy();
  });

  it("times out on a slow host", async () => {
    const r = await probe("slow.jpg", { ...OPTIONS, timeoutMs: 300 });
    expect(r).toMatchObject({ survived: false, reason: "timeout" });
  });

  it("stops after too many redirects", async () => {
    const r = await probe("redirect.jpg", { ...OPTIONS, maxRedirects: 0 });
    expect(r.reason).toBe("too_many_redirects");
  });

  it("records unreachable hosts and bad URLs", async () => {
    // A port nothing listens on: bind one, close it, then probe it.
    const tmp = createServer();
    await new Promise<void>((r) => tmp.listen(0, "127.0.0.1", r));
    const port = (tmp.address() as AddressInfo).port;
    await new Promise<void>((r) => tmp.close(() => r()));
    expect((await probeAsset(`http://127.0.0.1:${port}/a.jpg`, OPTIONS)).reason).toBe("unreachable");
    expect((await probeAsset("ftp://example.test/a.jpg", OPTIONS)).reason).toBe("invalid_url");
    expect((await probeAsset("not a url", OPTIONS)).reason).toBe("invalid_url");
  });

  it("refuses private addresses unless allowed", async () => {
    const r = await probe("embedded.jpg", { ...OPTIONS, allowPrivateHosts: false });
    expect(r).toMatchObject({ survived: false, reason: "blocked_host" });
    expect(isPrivateAddress("10.1.2.3")).toBe(true);
    expect(isPrivateAddress("172.20.0.1")).toBe(true);
    expect(isPrivateAddress("::1")).toBe(true);
    expect(isPrivateAddress("::ffff:192.168.1.1")).toBe(true);
    expect(isPrivateAddress("93.184.216.34")).toBe(false);
  });
});

describe("probeAssets", () => {
  it("checks a whole sample, one bad asset never stopping the run, and totals it", async () => {
    const names = ["embedded.jpg", "remote.jpg", "stripped.jpg", "page.html", "loop.jpg", "embedded.png", "missing.jpg"];
    const results = await probeAssets(names.map((n) => base + n), OPTIONS);
    expect(results.map((r) => r.url)).toEqual(names.map((n) => base + n));
    expect(totalsOf(results)).toEqual({
      assetsChecked: 7,
      assetsSurvived: 3,
      survivedEmbedded: 2,
      survivedRemote: 1,
      errors: 3,
      note: "1 credentials stripped, 1 not an image, 1 redirect loop, 1 http error",
    });
  });
});
