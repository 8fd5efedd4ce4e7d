import { deflateSync } from "node:zlib";

// Builders for tiny images with and without Content Credentials, used by the
// tests, the seeded demo and the development fixture site. The JUMBF boxes
// follow the layout the parsers read (see manifest.ts); the manifest payload
// itself is a placeholder, as the prober only decides whether credentials are
// still recoverable, not whether they are valid.

const C2PA_UUID = Uint8Array.from([0x63, 0x32, 0x70, 0x61, 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71]);

function be32(n: number): Uint8Array {
  return Uint8Array.from([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const text = (s: string) => new TextEncoder().encode(s);

/** A JUMBF superbox with a labelled description box and a small content box. */
export function jumbfBox(label = "c2pa", payload = "{\"claim\":\"fixture\"}"): Uint8Array {
  const labelBytes = concat([text(label), Uint8Array.of(0)]);
  const jumd = concat([be32(8 + 16 + 1 + labelBytes.length), text("jumd"), C2PA_UUID, Uint8Array.of(0x03), labelBytes]);
  const body = text(payload);
  const content = concat([be32(8 + body.length), text("json"), body]);
  return concat([be32(8 + jumd.length + content.length), text("jumb"), jumd, content]);
}

/** A remote manifest file body (what a manifest URL serves). */
export function manifestStore(): Uint8Array {
  return jumbfBox("c2pa");
}

function segment(marker: number, data: Uint8Array): Uint8Array {
  const length = data.length + 2;
  return concat([Uint8Array.of(0xff, marker, (length >> 8) & 0xff, length & 0xff), data]);
}

/**
 * A JPEG marker stream: SOI, JFIF APP0, an optional APP11 with a JUMBF box,
 * a minimal frame and scan, EOI. `label` changes the JUMBF label (a box that
 * is not c2pa); `padTo` pads with a COM segment chain to reach a size.
 */
export function buildJpeg(options: { c2pa?: boolean; label?: string; padTo?: number } = {}): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(0xff, 0xd8)];
  parts.push(segment(0xe0, concat([text("JFIF"), Uint8Array.of(0, 1, 1, 0, 0, 1, 0, 1, 0, 0)])));
  if (options.c2pa || options.label) {
    const box = jumbfBox(options.label ?? "c2pa");
    parts.push(segment(0xeb, concat([text("JP"), Uint8Array.of(0x02, 0x11), be32(1), box])));
  }
  let size = parts.reduce((n, p) => n + p.length, 0);
  const target = options.padTo ?? 0;
  while (size + 40 < target) {
    const chunk = Math.min(65_000, target - size - 40);
    parts.push(segment(0xfe, new Uint8Array(chunk).fill(0x20)));
    size += chunk + 4;
  }
  // SOF0 for a 1x1 greyscale image, then a scan header and a few bytes of data.
  parts.push(segment(0xc0, Uint8Array.of(8, 0, 1, 0, 1, 1, 1, 0x11, 0)));
  parts.push(segment(0xda, Uint8Array.of(1, 1, 0, 0, 0x3f, 0)));
  parts.push(Uint8Array.of(0x00, 0x00, 0xff, 0xd9));
  return concat(parts);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat([text(type), data]);
  return concat([be32(data.length), typed, be32(crc32(typed))]);
}

/** A real 1x1 PNG, with a `caBX` chunk when asked. */
export function buildPng(options: { c2pa?: boolean; label?: string } = {}): Uint8Array {
  const ihdr = concat([be32(1), be32(1), Uint8Array.of(8, 6, 0, 0, 0)]);
  const idat = deflateSync(Uint8Array.of(0, 0x23, 0x6f, 0x66, 0xff));
  const parts = [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), chunk("IHDR", ihdr)];
  if (options.c2pa || options.label) parts.push(chunk("caBX", jumbfBox(options.label ?? "c2pa")));
  parts.push(chunk("IDAT", new Uint8Array(idat)), chunk("IEND", new Uint8Array(0)));
  return concat(parts);
}
