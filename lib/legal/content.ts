import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compareVersions, parseFrontmatter, type ContentFile } from "./versions";

// Versioned Markdown files in the repo: content/<area>/<name>/<version>.md.
// A file, once published, is never edited: a change is a new file with a
// higher version. Read at request time (they are small) so tests and pages see
// the same text the repository holds.

export const CONTENT_ROOT = path.join(/* turbopackIgnore: true */ process.cwd(), "content");

/** Every version in a folder, lowest first; an absent folder has none. */
export function readVersionedFolder(...segments: string[]): ContentFile[] {
  const dir = path.join(CONTENT_ROOT, ...segments);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".md"));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const parsed = parseFrontmatter(readFileSync(path.join(dir, name), "utf8"));
      const version = parsed.meta.version ?? name.replace(/\.md$/, "");
      if (`${version}.md` !== name) throw new Error(`${path.join(...segments, name)}: its version (${version}) must match its file name`);
      return { version, title: parsed.meta.title ?? "", summary: parsed.meta.summary ?? "", body: parsed.body };
    })
    .sort((a, b) => compareVersions(a.version, b.version));
}
