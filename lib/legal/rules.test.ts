import { describe, expect, it } from "vitest";
import { decideSigning, missingSignatures, typedNameMatches, type CurrentVersion } from "./rules";
import { compareVersions, parseFrontmatter } from "./versions";

const at = new Date("2026-11-02T09:00:00.000Z");
const cur = (document: CurrentVersion["document"], version: string): CurrentVersion => ({ publicationId: `lgp_${document}${version}`, document, version, sha256: "a".repeat(64), publishedAt: at });
const current = [cur("master_agreement", "2.0"), cur("marketplace_terms", "1.0")];

describe("missingSignatures", () => {
  it.each([
    ["nothing signed", [], ["marketplace_terms", "master_agreement"]],
    ["the older agreement only", [{ document: "master_agreement", version: "1.0" }], ["marketplace_terms", "master_agreement"]],
    ["both current", [{ document: "master_agreement", version: "2.0" }, { document: "marketplace_terms", version: "1.0" }], []],
    ["a later version than the one in force does not exist, so only exact versions count", [{ document: "master_agreement", version: "3.0" }, { document: "marketplace_terms", version: "1.0" }], ["master_agreement"]],
  ] as const)("%s", (_, signed, expected) => {
    expect(missingSignatures(current, signed)).toEqual(expected);
  });

  it("a document never published requires nothing", () => {
    expect(missingSignatures([cur("marketplace_terms", "1.0")], [])).toEqual(["marketplace_terms"]);
    expect(missingSignatures([], [])).toEqual([]);
  });
});

describe("decideSigning", () => {
  it("signs what is in force and not yet signed, in order", () => {
    const d = decideSigning({
      requested: [{ document: "master_agreement", version: "2.0" }, { document: "marketplace_terms", version: "1.0" }],
      current,
      signed: [{ document: "marketplace_terms", version: "1.0" }],
    });
    expect(d).toEqual({ ok: true, toSign: [current[0]] });
  });

  it("refuses an outdated version, naming the one in force and its date", () => {
    const d = decideSigning({ requested: [{ document: "master_agreement", version: "1.0" }], current, signed: [] });
    expect(d).toEqual({
      ok: false,
      code: "outdated",
      message: "Version 1.0 of the Master Partner Agreement is no longer current: version 2.0 was published on 2 Nov 2026. Read the new version and sign again.",
    });
  });

  it("refuses a text that is not the published one, the guide, an unpublished document and a repeat", () => {
    expect(decideSigning({ requested: [{ document: "master_agreement", version: "2.0", sha256: "b".repeat(64) }], current, signed: [] })).toMatchObject({ ok: false, code: "text_changed" });
    expect(decideSigning({ requested: [{ document: "program_guide", version: "1.0" }], current, signed: [] })).toMatchObject({ ok: false, code: "not_signable" });
    expect(decideSigning({ requested: [{ document: "marketplace_terms", version: "1.0" }], current: [], signed: [] })).toMatchObject({ ok: false, code: "not_published" });
    expect(decideSigning({ requested: [{ document: "marketplace_terms", version: "1.0" }], current, signed: [{ document: "marketplace_terms", version: "1.0" }] })).toMatchObject({ ok: false, code: "already_signed" });
  });
});

describe("typedNameMatches", () => {
  it.each([
    ["Olivia Owner", "Olivia Owner", true],
    ["  olivia   OWNER ", "Olivia Owner", true],
    ["Zoë Ångström", "Zoe Angstrom", true],
    ["O'Brien, Pat", "O Brien Pat", true],
    ["Olivia", "Olivia Owner", false],
    ["Marco Member", "Olivia Owner", false],
    ["x", null, false],
    ["Any Name", null, true],
  ] as const)("%j for account %j -> %s", (typed, account, expected) => {
    expect(typedNameMatches(typed, account)).toBe(expected);
  });
});

describe("versions", () => {
  it("orders numerically", () => {
    expect(["1.10", "1.9", "2.0", "1.0"].sort(compareVersions)).toEqual(["1.0", "1.9", "1.10", "2.0"]);
  });
  it("reads frontmatter", () => {
    expect(parseFrontmatter("---\ntitle: A: B\nversion: 1.0\n---\n\n# Body\n")).toEqual({ meta: { title: "A: B", version: "1.0" }, body: "# Body\n" });
  });
});
