// Pure parsers that find Content Credentials in bytes and headers.
//
// - JPEG: C2PA manifests travel in APP11 (0xFFEB) segments as JPEG XT boxes:
//   "JP" common identifier, 2-byte box instance, 4-byte packet sequence, then
//   (in the first packet) a JUMBF superbox: LBox(4) TBox "jumb", whose first
//   child is a description box LBox(4) "jumd", a 16-byte type UUID, a toggles
//   byte and, when toggle bit 0x02 is set, a NUL-terminated label: "c2pa".
// - PNG: a `caBX` chunk holding the same JUMBF superbox.
// - Remote manifests: an HTTP `Link: <url>; rel="c2pa-manifest"` header.

export type ImageFormat = "jpeg" | "png" | "gif" | "webp" | "unknown";

export function sniffFormat(bytes: Uint8Array): ImageFormat {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return "png";
  if (bytes.length >= 6 && ascii(bytes, 0, 6).startsWith("GIF8")) return "gif";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return "webp";
  return "unknown";
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let s = "";
  for (let i = start; i < start + length && i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

/**
 * The label of a JUMBF superbox starting at `offset`, or null when the bytes
 * there are not a well-formed `jumb` box with a labelled `jumd` description.
 */
export function jumbfLabel(bytes: Uint8Array, offset = 0): string | null {
  if (bytes.length < offset + 8 + 8 + 17) return null;
  const lbox = u32(bytes, offset);
  if (ascii(bytes, offset + 4, 4) !== "jumb") return null;
  if (lbox !== 0 && lbox !== 1 && lbox < 8 + 8 + 17) return null;
  const d = offset + 8;
  const dlen = u32(bytes, d);
  if (ascii(bytes, d + 4, 4) !== "jumd" || dlen < 8 + 17) return null;
  const toggles = bytes[d + 8 + 16]!;
  if ((toggles & 0x02) === 0) return null;
  const labelStart = d + 8 + 17;
  const end = Math.min(bytes.length, d + dlen);
  let label = "";
  for (let i = labelStart; i < end; i++) {
    if (bytes[i] === 0) return label;
    label += String.fromCharCode(bytes[i]!);
  }
  return null; // no terminator inside the box
}

/** True when the bytes are (or start with) a JUMBF superbox labelled "c2pa". */
export function isC2paJumbf(bytes: Uint8Array, offset = 0): boolean {
  return jumbfLabel(bytes, offset) === "c2pa";
}

export interface EmbeddedResult {
  format: ImageFormat;
  embedded: boolean;
  /** Why no manifest was found, or that the file is malformed. */
  reason?: "no_manifest" | "malformed" | "not_image" | "unsupported_format";
}

/** Walks JPEG markers up to the image data looking for an APP11 segment with a c2pa JUMBF box. */
export function findJpegManifest(bytes: Uint8Array): EmbeddedResult {
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return { format: "jpeg", embedded: false, reason: "malformed" };
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // start of scan / end of image: no more metadata
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (length < 2 || i + 2 + length > bytes.length) return { format: "jpeg", embedded: false, reason: "malformed" };
    if (marker === 0xeb) {
      const seg = bytes.subarray(i + 4, i + 2 + length);
      // "JP" + instance(2) + sequence(4) + JUMBF superbox
      if (seg.length >= 8 && seg[0] === 0x4a && seg[1] === 0x50 && isC2paJumbf(seg, 8)) return { format: "jpeg", embedded: true };
    }
    i += 2 + length;
  }
  return { format: "jpeg", embedded: false, reason: "no_manifest" };
}

/** Walks PNG chunks looking for `caBX` holding a c2pa JUMBF box. */
export function findPngManifest(bytes: Uint8Array): EmbeddedResult {
  let i = 8;
  while (i + 12 <= bytes.length) {
    const length = u32(bytes, i);
    const type = ascii(bytes, i + 4, 4);
    if (i + 12 + length > bytes.length) return { format: "png", embedded: false, reason: "malformed" };
    if (type === "caBX") {
      const data = bytes.subarray(i + 8, i + 8 + length);
      if (isC2paJumbf(data)) return { format: "png", embedded: true };
    }
    if (type === "IEND") break;
    i += 12 + length;
  }
  return { format: "png", embedded: false, reason: "no_manifest" };
}

export function findEmbeddedManifest(bytes: Uint8Array): EmbeddedResult {
  const format = sniffFormat(bytes);
  if (format === "jpeg") return findJpegManifest(bytes);
  if (format === "png") return findPngManifest(bytes);
  if (format === "unknown") return { format, embedded: false, reason: "not_image" };
  return { format, embedded: false, reason: "unsupported_format" };
}

/**
 * The targets of `Link` header entries whose rel includes "c2pa-manifest"
 * (RFC 8288: comma-separated `<uri>; param=value` entries, rel may list several
 * space-separated types, quoted or not), resolved against the asset's URL.
 */
export function c2paManifestLinks(header: string | null, base: string): string[] {
  if (!header) return [];
  const out: string[] = [];
  const entry = /<([^>]*)>\s*((?:;\s*[^;,]*)*)/g;
  for (const m of header.matchAll(entry)) {
    const params = m[2] ?? "";
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (!rels.includes("c2pa-manifest")) continue;
    try {
      out.push(new URL(m[1]!, base).toString());
    } catch {
      // an unparseable target is ignored like a missing one
    }
  }
  return out;
}

/** A remote manifest body: a c2pa JUMBF store (or declared as application/c2pa and not empty). */
export function looksLikeManifest(bytes: Uint8Array, contentType: string | null): boolean {
  if (isC2paJumbf(bytes)) return true;
  return bytes.length > 0 && (contentType ?? "").toLowerCase().split(";")[0]!.trim() === "application/c2pa";
}
