import "server-only";
import { readVersionedFolder } from "./content";
import { LEGAL_DOCUMENT_INFO, type LegalDocument } from "./constants";
import { fillFacts } from "./facts";
import { sha256Hex } from "./versions";

// The versions of each legal document held in the repository
// (content/legal/<folder>/<version>.md). Publishing one (lib/legal/publish.ts)
// freezes its text, with the program's numbers filled in, in the database:
// what partners read and sign is that frozen text.

export interface RepoVersion {
  document: LegalDocument;
  version: string;
  title: string;
  summary: string;
  /** The Markdown with every placeholder filled from the code. */
  text: string;
  sha256: string;
}

export function repoVersions(document: LegalDocument): RepoVersion[] {
  return readVersionedFolder("legal", LEGAL_DOCUMENT_INFO[document].folder).map((f) => {
    const text = fillFacts(f.body);
    return {
      document,
      version: f.version,
      title: f.title || LEGAL_DOCUMENT_INFO[document].title,
      summary: f.summary,
      text,
      sha256: sha256Hex(text),
    };
  });
}

export function repoVersion(document: LegalDocument, version: string): RepoVersion | null {
  return repoVersions(document).find((v) => v.version === version) ?? null;
}
