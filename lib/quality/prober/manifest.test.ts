import { describe, expect, it } from "vitest";
import { buildJpeg, buildPng, jumbfBox, manifestStore } from "./fixtures";
import { c2paManifestLinks, findEmbeddedManifest, jumbfLabel, looksLikeManifest, sniffFormat } from "./manifest";

describe("embedded manifests", () => {
  it("finds a c2pa JUMBF box in a JPEG APP11 segment", () => {
    expect(findEmbeddedManifest(buildJpeg({ c2pa: true }))).toEqual({ format: "jpeg", embedded: true });
  });
  it("finds it after a long run of other segments", () => {
    expect(findEmbeddedManifest(buildJpeg({ c2pa: true, padTo: 200_000 })).embedded).toBe(true);
  });
  it("a stripped JPEG has none", () => {
    expect(findEmbeddedManifest(buildJpeg())).toEqual({ format: "jpeg", embedded: false, reason: "no_manifest" });
  });
  it("a JUMBF box with another label is not a C2PA manifest", () => {
    expect(findEmbeddedManifest(buildJpeg({ label: "xmp1" })).embedded).toBe(false);
    expect(findEmbeddedManifest(buildPng({ label: "other" })).embedded).toBe(false);
  });
  it("finds a caBX chunk in a PNG", () => {
    expect(findEmbeddedManifest(buildPng({ c2pa: true }))).toEqual({ format: "png", embedded: true });
    expect(findEmbeddedManifest(buildPng())).toEqual({ format: "png", embedded: false, reason: "no_manifest" });
  });
  it("a truncated JPEG is malformed, not a crash", () => {
    const jpeg = buildJpeg({ c2pa: true });
    expect(findEmbeddedManifest(jpeg.subarray(0, 30))).toMatchObject({ embedded: false, reason: "malformed" });
    const png = buildPng({ c2pa: true });
    expect(findEmbeddedManifest(png.subarray(0, 40))).toMatchObject({ embedded: false });
  });
  it("non-images are recognised", () => {
    expect(findEmbeddedManifest(new TextEncoder().encode("<!doctype html><p>hi"))).toEqual({ format: "unknown", embedded: false, reason: "not_image" });
    expect(sniffFormat(new TextEncoder().encode("GIF89a......"))).toBe("gif");
  });
  it("reads JUMBF labels and refuses malformed boxes", () => {
    expect(jumbfLabel(jumbfBox("c2pa"))).toBe("c2pa");
    expect(jumbfLabel(new Uint8Array(64))).toBeNull();
    const noTerminator = jumbfBox("c2pa").slice(0, 8 + 8 + 17 + 2);
    expect(jumbfLabel(noTerminator)).toBeNull();
  });
});

describe("remote manifests", () => {
  const base = "https://shop.example.com/img/a.jpg";
  it.each([
    ['<https://cdn.example.com/m/a.c2pa>; rel="c2pa-manifest"', ["https://cdn.example.com/m/a.c2pa"]],
    ["</m/a.c2pa>; rel=c2pa-manifest", ["https://shop.example.com/m/a.c2pa"]],
    ['<a.c2pa>; rel="alternate c2pa-manifest"', ["https://shop.example.com/img/a.c2pa"]],
    ['<https://x.test/style.css>; rel="stylesheet", <https://x.test/m.c2pa>; type="application/c2pa"; rel="c2pa-manifest"', ["https://x.test/m.c2pa"]],
    ['<https://x.test/m.c2pa>; rel="preload"', []],
    ["", []],
  ])("Link %j -> %j", (header, expected) => {
    expect(c2paManifestLinks(header, base)).toEqual(expected);
  });
  it("a manifest body is a c2pa JUMBF store or declared application/c2pa", () => {
    expect(looksLikeManifest(manifestStore(), "application/octet-stream")).toBe(true);
    expect(looksLikeManifest(new TextEncoder().encode("x"), "application/c2pa")).toBe(true);
    expect(looksLikeManifest(new TextEncoder().encode("<html>"), "text/html")).toBe(false);
    expect(looksLikeManifest(new Uint8Array(0), "application/c2pa")).toBe(false);
  });
});
