import { sha256Hex } from "@/lib/evidence/package-builder";
import { packageOf } from "./package";

// Whether a run's evidence package is still what was generated (and signed):
// the zip is rebuilt from the stored files, and its manifest hash compared with
// the one recorded at generation and with each signature.

export interface PackageCheck {
  /** SHA-256 of manifest.json as rebuilt from the stored files now. */
  currentSha256: string;
  /** Same as at generation: no file was changed, added or removed since. */
  intact: boolean;
  /** Files whose SHA-256 differs from the manifest recorded at generation (or that are missing or new). */
  changedFiles: string[];
}

export function checkPackage(run: { id: string; ranAt: Date; packageFiles: Record<string, string>; manifest: unknown; manifestSha256: string }): PackageCheck {
  const rebuilt = packageOf(run.packageFiles, run.ranAt, run.id);
  const recorded = new Map(((run.manifest as { files?: { path: string; sha256: string }[] }).files ?? []).map((f) => [f.path, f.sha256]));
  const changed = new Set<string>();
  for (const f of rebuilt.manifest.files) if (recorded.get(f.path) !== f.sha256) changed.add(f.path);
  for (const path of recorded.keys()) if (!(path in run.packageFiles)) changed.add(path);
  return { currentSha256: rebuilt.manifestSha256, intact: rebuilt.manifestSha256 === run.manifestSha256 && changed.size === 0, changedFiles: [...changed].sort() };
}

export { sha256Hex };
