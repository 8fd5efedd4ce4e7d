import { createHash } from "node:crypto";

// The evidence vault check for the Auditor track: a stored Evidence Pack counts
// only if its recorded manifest still verifies — every file listed once with a
// well-formed SHA-256, the file count matching, and the manifest's own SHA-256
// recomputing from its content — and a compliance pack is complete when it
// holds the checks (CSV and JSON), a Survival Report and the installs covered.

const HEX64 = /^[0-9a-f]{64}$/;
const SAFE_PATH = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const SUBJECT_ORDER = ["partnerId", "partnerName", "installId", "periodStart", "periodEnd"];

interface ManifestShape {
  kind: string;
  generated_at: string;
  subject: Record<string, unknown>;
  files: { path: string; sha256: string; bytes: number }[];
}

function isManifest(m: unknown): m is ManifestShape {
  if (!m || typeof m !== "object") return false;
  const x = m as Record<string, unknown>;
  return typeof x.kind === "string" && typeof x.generated_at === "string" && !!x.subject && typeof x.subject === "object" && Array.isArray(x.files);
}

/** The manifest in the key order the package builder writes (stored JSON may reorder keys). */
function canonical(m: ManifestShape): ManifestShape {
  const subject: Record<string, unknown> = {};
  for (const k of SUBJECT_ORDER) if (k in m.subject) subject[k] = m.subject[k];
  for (const k of Object.keys(m.subject)) if (!(k in subject)) subject[k] = m.subject[k];
  return { kind: m.kind, generated_at: m.generated_at, subject, files: m.files.map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes })) };
}

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

export function verifyPack(pack: { manifest: unknown; manifestSha256: string; files: number }): { verified: boolean; complete: boolean } {
  if (!isManifest(pack.manifest) || !HEX64.test(pack.manifestSha256)) return { verified: false, complete: false };
  const m = canonical(pack.manifest);
  const paths = m.files.map((f) => f.path);
  const wellFormed =
    m.files.length > 0 &&
    new Set(paths).size === paths.length &&
    m.files.every((f) => typeof f.path === "string" && SAFE_PATH.test(f.path) && f.path !== "manifest.json" && HEX64.test(f.sha256) && Number.isInteger(f.bytes) && f.bytes >= 0) &&
    pack.files === m.files.length + 1;
  // The builder writes manifest.json pretty-printed; compact copies hash the same document without whitespace.
  const hashes = [sha(JSON.stringify(m, null, 2) + "\n"), sha(JSON.stringify(m))];
  const verified = wellFormed && hashes.includes(pack.manifestSha256);
  const has = (p: string | RegExp) => paths.some((x) => (typeof p === "string" ? x === p : p.test(x)));
  const complete = has("checks.csv") && has("checks.json") && has("installs.csv") && (has("report.html") || has(/^reports\/.+\.html$/));
  return { verified, complete };
}
