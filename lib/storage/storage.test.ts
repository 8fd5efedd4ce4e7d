import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { startFakeS3 } from "@/lib/testing/fake-s3";
import { diskStorage, s3Storage, storageFromEnv, type Storage } from "./storage";

const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 255]);

async function roundTrip(storage: Storage) {
  await storage.put("uploads/ptr_a/upl_1", bytes, "image/png");
  const got = await storage.get("uploads/ptr_a/upl_1");
  expect(got?.contentType).toBe("image/png");
  expect([...got!.body]).toEqual([...bytes]);
  expect(await storage.get("uploads/ptr_a/missing")).toBeNull();
  await storage.delete("uploads/ptr_a/upl_1");
  expect(await storage.get("uploads/ptr_a/upl_1")).toBeNull();
}

describe("disk storage", () => {
  const root = mkdtempSync(path.join(tmpdir(), "pp-files-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("stores, reads back byte for byte, and deletes", () => roundTrip(diskStorage(root)));

  it("refuses keys that could leave its folder", async () => {
    await expect(diskStorage(root).put("../etc/passwd", bytes, "text/plain")).rejects.toThrow(/Unsafe storage key/);
    await expect(diskStorage(root).get("/abs/path")).rejects.toThrow(/Unsafe storage key/);
  });
});

describe("S3 storage through the AWS SDK", () => {
  it("signs its requests and round-trips objects on an S3 endpoint", async () => {
    const s3 = await startFakeS3("pp-uploads");
    try {
      const storage = s3Storage({
        bucket: "pp-uploads",
        region: "eu-west-1",
        endpoint: s3.url,
        forcePathStyle: true,
        accessKeyId: "AKIAFAKE",
        secretAccessKey: "fake-secret-key",
      });
      await roundTrip(storage);
      expect(s3.requests.map((r) => `${r.method} ${r.path}`)).toContain("PUT /pp-uploads/uploads/ptr_a/upl_1");
      expect(s3.requests[0]!.authorization).toMatch(/Credential=AKIAFAKE\/\d{8}\/eu-west-1\/s3\/aws4_request/);
    } finally {
      await s3.close();
    }
  });

  it("is chosen when S3_BUCKET is set, the disk otherwise", () => {
    expect(storageFromEnv(parseEnv({})).kind).toBe("disk");
    expect(storageFromEnv(parseEnv({ S3_BUCKET: "pp-uploads", S3_ACCESS_KEY_ID: "AKIAFAKE", S3_SECRET_ACCESS_KEY: "fake-secret-key" })).kind).toBe("s3");
    expect(() => parseEnv({ S3_BUCKET: "pp-uploads", S3_ACCESS_KEY_ID: "AKIAFAKE" })).toThrow(/S3_SECRET_ACCESS_KEY/);
  });
});
