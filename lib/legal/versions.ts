import { createHash } from "node:crypto";

// Pure helpers for versioned documents: frontmatter, version order, fingerprints.

export interface ContentFile {
  version: string;
  title: string;
  summary: string;
  /** The Markdown after the frontmatter, placeholders not yet filled. */
  body: string;
}

/** `---\nkey: value\n---\n` at the top of a file; values are single lines. */
export function parseFrontmatter(source: string): { meta: Record<string, string>; body: string } {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!match) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  for (const line of match[1]!.split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) meta[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return { meta, body: text.slice(match[0].length).replace(/^\n+/, "") };
}

/** "1.10" after "1.9"; numeric segment by segment, then as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".");
  const pb = b.split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "0";
    const y = pb[i] ?? "0";
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isFinite(nx) && Number.isFinite(ny)) {
      if (nx !== ny) return nx - ny;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** SHA-256 of the exact text (UTF-8), lowercase hex. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
