// What each kind of upload may be: its allowed types, its size limit and
// whether anyone may read it (a listing logo) or only the partner and admins
// (a pen-test letter). One table, read by the upload service and the file route.

export const FILE_TYPES = {
  "image/png": { label: "PNG", ext: "png" },
  "image/jpeg": { label: "JPEG", ext: "jpg" },
  "image/webp": { label: "WebP", ext: "webp" },
  "image/svg+xml": { label: "SVG", ext: "svg" },
  "application/pdf": { label: "PDF", ext: "pdf" },
  "text/plain": { label: "text", ext: "txt" },
  "text/markdown": { label: "Markdown", ext: "md" },
  "text/csv": { label: "CSV", ext: "csv" },
} as const;
export type FileType = keyof typeof FILE_TYPES;

const MB = 1024 * 1024;
const IMAGES: FileType[] = ["image/png", "image/jpeg", "image/webp", "image/svg+xml"];
const DOCS: FileType[] = ["application/pdf", "image/png", "image/jpeg"];

export const UPLOAD_POLICIES = {
  logo: { label: "Logo", types: IMAGES, maxBytes: 2 * MB, public: true },
  pen_test_letter: { label: "Pen-test letter", types: ["application/pdf"] as FileType[], maxBytes: 10 * MB, public: false },
  enterprise_reference: { label: "Enterprise reference", types: DOCS, maxBytes: 10 * MB, public: false },
  runbook: { label: "Runbook", types: ["application/pdf", "text/markdown", "text/plain"] as FileType[], maxBytes: 10 * MB, public: false },
  marketing_material: { label: "Marketing material", types: [...DOCS, "image/webp", "image/svg+xml"] as FileType[], maxBytes: 20 * MB, public: false },
  proof: { label: "Proof", types: [...DOCS, "image/webp"] as FileType[], maxBytes: 20 * MB, public: false },
  receipt: { label: "Receipt", types: [...DOCS, "text/csv"] as FileType[], maxBytes: 10 * MB, public: false },
} as const satisfies Record<string, { label: string; types: FileType[]; maxBytes: number; public: boolean }>;

export type UploadPurpose = keyof typeof UPLOAD_POLICIES;
export const UPLOAD_PURPOSES = Object.keys(UPLOAD_POLICIES) as UploadPurpose[];

export function isUploadPurpose(value: string): value is UploadPurpose {
  return value in UPLOAD_POLICIES;
}

/** "PNG, JPEG or PDF, up to 10 MB": what a form tells the user before they pick a file. */
export function describePolicy(purpose: UploadPurpose): string {
  const p = UPLOAD_POLICIES[purpose];
  const labels = [...new Set(p.types.map((t) => FILE_TYPES[t].label))];
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}` : labels[0];
  return `${list}, up to ${p.maxBytes / MB} MB`;
}

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The type the bytes really are, from their first bytes (and, for text, from
 * being valid UTF-8 without NULs). A declared type that disagrees is refused.
 */
export function sniffType(bytes: Uint8Array, declared: string): FileType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (text.includes("\u0000")) return null;
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(head)) return "image/svg+xml";
  if (declared === "text/markdown" || declared === "text/csv" || declared === "text/plain") return declared;
  return "text/plain";
}

/** SVG that could run code when opened directly is refused (scripts, event handlers, foreign objects). */
export function unsafeSvg(text: string): boolean {
  return /<script[\s>]|\son[a-z]+\s*=|javascript:|<foreignobject[\s>]|<iframe[\s>]|<embed[\s>]/i.test(text);
}
