import { buildJpeg, buildPng, manifestStore } from "./fixtures";

// A small "customer site" of fixture assets, one per case the prober must
// handle. Served by the tests' local HTTP server and, in development and e2e,
// by /fixture-site/* in the app (FIXTURE_SITE).

export interface FixtureResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

export const FIXTURE_ASSETS = {
  "embedded.jpg": "JPEG with an embedded manifest (APP11 JUMBF c2pa)",
  "embedded.png": "PNG with an embedded manifest (caBX)",
  "remote.jpg": 'JPEG without embedded data, Link rel="c2pa-manifest" to a manifest that resolves',
  "stripped.jpg": "JPEG whose credentials were stripped",
  "stripped.png": "PNG whose credentials were stripped",
  "broken-link.jpg": "JPEG whose Link points to a missing manifest",
  "redirect.jpg": "Redirects to embedded.jpg",
  "loop.jpg": "A redirect loop",
  "page.html": "An HTML page, not an image",
  "huge.jpg": "A 16 MB JPEG, over the size limit",
  "slow.jpg": "Answers after 20 seconds",
  "missing.jpg": "404",
} as const;

export type FixtureName = keyof typeof FIXTURE_ASSETS;

const cache = new Map<string, Uint8Array>();
const memo = (key: string, make: () => Uint8Array) => {
  let v = cache.get(key);
  if (!v) cache.set(key, (v = make()));
  return v;
};

const jpeg = (body: Uint8Array, extra: Record<string, string> = {}): FixtureResponse => ({
  status: 200,
  headers: { "content-type": "image/jpeg", "cache-control": "no-store", ...extra },
  body,
});

/** The response for a path under the fixture site's root (no leading slash). */
export function fixtureResponse(path: string, options: { hugeBytes?: number; slowMs?: number } = {}): FixtureResponse {
  switch (path) {
    case "embedded.jpg":
      return jpeg(memo("ej", () => buildJpeg({ c2pa: true })));
    case "embedded.png":
      return { status: 200, headers: { "content-type": "image/png" }, body: memo("ep", () => buildPng({ c2pa: true })) };
    case "remote.jpg":
      return jpeg(memo("sj", () => buildJpeg()), { link: '<manifests/remote.c2pa>; rel="c2pa-manifest"' });
    case "manifests/remote.c2pa":
      return { status: 200, headers: { "content-type": "application/c2pa" }, body: memo("m", manifestStore) };
    case "stripped.jpg":
      return jpeg(memo("sj", () => buildJpeg()));
    case "stripped.png":
      return { status: 200, headers: { "content-type": "image/png" }, body: memo("sp", () => buildPng()) };
    case "broken-link.jpg":
      return jpeg(memo("sj", () => buildJpeg()), { link: '<manifests/missing.c2pa>; rel="c2pa-manifest"' });
    case "redirect.jpg":
      return { status: 302, headers: { location: "embedded.jpg" }, body: null };
    case "loop.jpg":
      return { status: 302, headers: { location: "loop-b.jpg" }, body: null };
    case "loop-b.jpg":
      return { status: 301, headers: { location: "loop.jpg" }, body: null };
    case "page.html":
      return { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: new TextEncoder().encode("<!doctype html><title>Shop</title><p>Welcome</p>") };
    case "huge.jpg": {
      const size = options.hugeBytes ?? 16 * 1024 * 1024;
      return jpeg(memo(`huge-${size}`, () => buildJpeg({ c2pa: true, padTo: size })));
    }
    case "slow.jpg":
      return { ...jpeg(memo("ej", () => buildJpeg({ c2pa: true }))), delayMs: options.slowMs ?? 20_000 };
    default:
      return { status: 404, headers: { "content-type": "text/plain" }, body: new TextEncoder().encode("Not found") };
  }
}
