import { describe, expect, it } from "vitest";
import { buildPackage } from "@/lib/evidence/package-builder";
import { verifyPack } from "./vault";

const built = buildPackage({
  kind: "survival_evidence_pack",
  generatedAt: new Date("2026-06-01T00:00:00Z"),
  subject: { partnerId: "ptr_x", partnerName: "X", installId: null, periodStart: "2026-03-01T00:00:00.000Z", periodEnd: "2026-06-01T00:00:00.000Z" },
  files: ["checks.csv", "checks.json", "installs.csv", "report.html", "README.txt"].map((path) => ({ path, content: `${path} body` })),
});
/** What comes back from a jsonb column: the same document with its keys reordered. */
const fromJsonb = (m: unknown) => JSON.parse(JSON.stringify(m, (_, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.length - b.length || a.localeCompare(b))) : v)));

describe("verifyPack", () => {
  it("verifies a pack recorded by the builder, even with its keys reordered by storage", () => {
    expect(verifyPack({ manifest: fromJsonb(built.manifest), manifestSha256: built.manifestSha256, files: built.fileCount })).toEqual({ verified: true, complete: true });
  });

  it("fails a pack whose manifest was altered after export", () => {
    const tampered = { ...built.manifest, files: built.manifest.files.map((f, i) => (i === 0 ? { ...f, bytes: f.bytes + 1 } : f)) };
    expect(verifyPack({ manifest: tampered, manifestSha256: built.manifestSha256, files: built.fileCount }).verified).toBe(false);
  });

  it("fails a pack whose file count disagrees, and calls a pack without a report incomplete", () => {
    expect(verifyPack({ manifest: built.manifest, manifestSha256: built.manifestSha256, files: built.fileCount + 1 }).verified).toBe(false);
    const noReport = buildPackage({ kind: "k", generatedAt: new Date("2026-01-01T00:00:00Z"), files: [{ path: "checks.csv", content: "x" }] });
    expect(verifyPack({ manifest: noReport.manifest, manifestSha256: noReport.manifestSha256, files: noReport.fileCount })).toEqual({ verified: true, complete: false });
  });

  it("refuses something that is not a manifest", () => {
    expect(verifyPack({ manifest: { files: "nope" }, manifestSha256: "0".repeat(64), files: 1 })).toEqual({ verified: false, complete: false });
  });
});
