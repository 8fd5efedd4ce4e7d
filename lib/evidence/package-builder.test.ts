import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildPackage, sha256Hex } from "./package-builder";

const AT = new Date("2026-03-02T10:00:00Z");

describe("buildPackage", () => {
  it("zips the files with a manifest of their SHA-256 hashes and the generation time", () => {
    const built = buildPackage({
      kind: "test_pack",
      generatedAt: AT,
      subject: { partnerId: "ptr_1" },
      files: [
        { path: "checks.csv", content: "a,b\n1,2\n" },
        { path: "nested/data.bin", content: Uint8Array.of(0, 1, 2, 255) },
      ],
    });
    const files = unzipSync(built.zip);
    expect(Object.keys(files).sort()).toEqual(["checks.csv", "manifest.json", "nested/data.bin"]);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!));
    expect(manifest).toEqual({
      kind: "test_pack",
      generated_at: "2026-03-02T10:00:00.000Z",
      subject: { partnerId: "ptr_1" },
      files: [
        { path: "checks.csv", sha256: sha256Hex("a,b\n1,2\n"), bytes: 8 },
        { path: "nested/data.bin", sha256: sha256Hex(Uint8Array.of(0, 1, 2, 255)), bytes: 4 },
      ],
    });
    // Each listed hash matches the bytes in the zip.
    for (const f of manifest.files) expect(sha256Hex(files[f.path]!)).toBe(f.sha256);
    expect(built.manifestSha256).toBe(sha256Hex(files["manifest.json"]!));
    expect(built.fileCount).toBe(3);
    // A known value, so the hash is not just compared with itself.
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("is deterministic for the same input", () => {
    const make = () => buildPackage({ kind: "k", generatedAt: AT, files: [{ path: "b.txt", content: "b" }, { path: "a.txt", content: "a" }] });
    expect(Buffer.from(make().zip).equals(Buffer.from(make().zip))).toBe(true);
  });

  it.each(["../etc/passwd", "/abs.txt", "manifest.json", "a//b", ""])("refuses the path %j", (path) => {
    expect(() => buildPackage({ kind: "k", generatedAt: AT, files: [{ path, content: "x" }] })).toThrow();
  });

  it("refuses duplicate paths", () => {
    expect(() => buildPackage({ kind: "k", generatedAt: AT, files: [{ path: "a", content: "1" }, { path: "a", content: "2" }] })).toThrow(/Duplicate/);
  });
});
