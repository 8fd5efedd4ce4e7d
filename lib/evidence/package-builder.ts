import { createHash } from "node:crypto";
import { strToU8, zipSync, type Zippable } from "fflate";

// One builder for every evidence package the program hands to auditors
// (Survival Evidence Packs, and the exit tests' evidence package): files in,
// a zip out, with a manifest.json listing each file's SHA-256 and size and
// the generation time, so anyone can re-check the bundle with `sha256sum`.
// The zip is deterministic for the same files and time (entries sorted, fixed mtimes).

export interface PackageFile {
  /** Path inside the zip, e.g. "checks.csv" or "reports/ins_x.html". */
  path: string;
  content: Uint8Array | string;
}

export interface PackageManifest {
  kind: string;
  generated_at: string;
  subject: Record<string, unknown>;
  files: { path: string; sha256: string; bytes: number }[];
}

export interface BuiltPackage {
  zip: Uint8Array;
  manifest: PackageManifest;
  manifestSha256: string;
  /** Every file in the zip, manifest.json included. */
  fileCount: number;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(typeof data === "string" ? Buffer.from(data, "utf8") : data).digest("hex");
}

const SAFE_PATH = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

export function buildPackage(args: { kind: string; files: PackageFile[]; generatedAt: Date; subject?: Record<string, unknown> }): BuiltPackage {
  const seen = new Set<string>();
  const entries = [...args.files].sort((a, b) => a.path.localeCompare(b.path));
  for (const f of entries) {
    if (!SAFE_PATH.test(f.path) || f.path === "manifest.json") throw new Error(`Unsafe or reserved path in package: ${f.path}`);
    if (seen.has(f.path)) throw new Error(`Duplicate path in package: ${f.path}`);
    seen.add(f.path);
  }
  const bytes = entries.map((f) => ({ path: f.path, data: typeof f.content === "string" ? strToU8(f.content) : f.content }));
  const manifest: PackageManifest = {
    kind: args.kind,
    generated_at: args.generatedAt.toISOString(),
    subject: args.subject ?? {},
    files: bytes.map((f) => ({ path: f.path, sha256: sha256Hex(f.data), bytes: f.data.byteLength })),
  };
  const manifestBytes = strToU8(JSON.stringify(manifest, null, 2) + "\n");
  const zippable: Zippable = {};
  const mtime = args.generatedAt;
  for (const f of bytes) zippable[f.path] = [f.data, { mtime, level: 6 }];
  zippable["manifest.json"] = [manifestBytes, { mtime, level: 6 }];
  return { zip: zipSync(zippable), manifest, manifestSha256: sha256Hex(manifestBytes), fileCount: bytes.length + 1 };
}
