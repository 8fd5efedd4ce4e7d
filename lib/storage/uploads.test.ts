import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/files/[id]/route";
import { AppError } from "@/lib/errors";
import { makeAdmin, makeTeam, T0, userPrincipal } from "@/lib/testing/factories";
import { describePolicy, sniffType } from "./policies";
import { diskStorage, setStorageForTests } from "./storage";
import { checkUpload, readUpload, safeFilename, saveUpload } from "./uploads";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF");
const enc = (s: string) => new TextEncoder().encode(s);

function fieldMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields!.file![0]!;
  }
  throw new Error("expected a validation error");
}

describe("checking an upload against its purpose", () => {
  it("takes the type from the bytes, not from the name or the browser", () => {
    expect(sniffType(PNG, "application/pdf")).toBe("image/png");
    expect(sniffType(PDF, "image/png")).toBe("application/pdf");
    expect(sniffType(enc('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), "")).toBe("image/svg+xml");
    expect(sniffType(new Uint8Array([0xc3, 0x28, 0, 1]), "text/plain")).toBeNull();
    expect(checkUpload({ purpose: "logo", filename: "logo.pdf", bytes: PNG })).toBe("image/png");
  });

  it("says which types and size are accepted when a file is refused", () => {
    expect(fieldMessage(() => checkUpload({ purpose: "pen_test_letter", filename: "letter.pdf", bytes: PNG }))).toBe(
      "This file type is not accepted here: PDF, up to 10 MB",
    );
    expect(fieldMessage(() => checkUpload({ purpose: "logo", filename: "big.png", bytes: new Uint8Array(3 * 1024 * 1024) }))).toMatch(/too large: PNG, JPEG, WebP or SVG, up to 2 MB/);
    expect(fieldMessage(() => checkUpload({ purpose: "logo", filename: "x.png", bytes: new Uint8Array() }))).toBe("The file is empty");
    expect(describePolicy("receipt")).toBe("PDF, PNG, JPEG or CSV, up to 10 MB");
  });

  it("refuses SVG that could run code", () => {
    const svg = enc('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>');
    expect(fieldMessage(() => checkUpload({ purpose: "logo", filename: "logo.svg", bytes: svg }))).toMatch(/scripts, event handlers/);
  });

  it("keeps a safe file name with the right extension", () => {
    expect(safeFilename("../../etc/pass wd", "text/plain")).toBe("pass wd.txt");
    expect(safeFilename('q"uote<>.pdf', "application/pdf")).toBe("q_uote_.pdf");
  });
});

describe("storing and serving uploads", () => {
  const root = mkdtempSync(path.join(tmpdir(), "pp-uploads-"));
  beforeAll(() => setStorageForTests(diskStorage(root)));
  afterAll(() => {
    setStorageForTests(undefined);
    rmSync(root, { recursive: true, force: true });
  });

  it("lets the partner and admins read a private file, and hides it from everyone else", async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    const letter = await saveUpload({ partnerId: a.partner.id, uploadedBy: a.owner.id, purpose: "pen_test_letter", filename: "letter.pdf", bytes: PDF }, T0);
    expect(letter.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(letter.sizeBytes).toBe(PDF.byteLength);

    const own = await readUpload(await userPrincipal(a.member.id), letter.id);
    expect(new TextDecoder().decode(own.body)).toContain("%PDF-1.7");
    await expect(readUpload(await makeAdmin(), letter.id)).resolves.toBeTruthy();
    await expect(readUpload(await userPrincipal(b.owner.id), letter.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(readUpload(null, letter.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("serves a public logo to anyone, cacheable, with its type and a sandbox", async () => {
    const a = await makeTeam();
    const logo = await saveUpload({ partnerId: a.partner.id, uploadedBy: a.owner.id, purpose: "logo", filename: "logo.png", bytes: PNG }, T0);
    const res = await GET(new Request(`http://localhost/api/files/${logo.id}`), { params: Promise.resolve({ id: logo.id }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);

    const missing = await GET(new Request("http://localhost/api/files/upl_nope"), { params: Promise.resolve({ id: "upl_nope" }) });
    expect(missing.status).toBe(404);
  });
});
