import { describe, expect, it } from "vitest";
import { badgeLook, effectiveState, parseBadgeRequest, type BadgeView } from "./model";
import { embedSnippets, imageUrlFor } from "./snippets";
import { renderBadgeSvg, renderErrorSvg } from "./svg";
import { brandKitEligible, isDeclaredHost, refererHost, deadlineFor, isOverdue } from "./rules";

const ID = "bdg_abcdefghij0123456789";
const view = (over: Partial<BadgeView> = {}): BadgeView => ({
  id: ID,
  partnerId: "ptr_1",
  partnerName: "Brightpixel <Studio> & Co",
  partnerSlug: "brightpixel-studio",
  kind: "track",
  badge: "certified_installer",
  tier: "advanced",
  state: "active",
  issuedAt: new Date("2026-01-01T00:00:00Z"),
  expiresAt: new Date("2027-01-01T00:00:00Z"),
  stateChangedAt: new Date("2026-01-01T00:00:00Z"),
  revokedReason: null,
  ...over,
});
const md = { size: "md", theme: "light" } as const;
const opts = { verifyUrl: `https://partners.example/verify/${ID}` };

describe("parseBadgeRequest", () => {
  it.each([
    [`${ID}.svg`, null, null, { ok: true, format: "svg", variant: { size: "md", theme: "light" } }],
    [`${ID}.png`, "lg", "dark", { ok: true, format: "png", variant: { size: "lg", theme: "dark" } }],
    [`${ID}.svg`, "xl", null, { ok: false, status: 400 }],
    [`${ID}.svg`, null, "sepia", { ok: false, status: 400 }],
    [`${ID}.gif`, null, null, { ok: false, status: 400 }],
    ["ptr_abcdefghij0123456789.svg", null, null, { ok: false, status: 404 }],
    ["bdg_x.svg", null, null, { ok: false, status: 404 }],
    [ID, null, null, { ok: false, status: 404 }],
  ] as const)("%s size=%s theme=%s", (file, size, theme, expected) => {
    expect(parseBadgeRequest(file, size, theme)).toMatchObject(expected);
  });
});

describe("effectiveState", () => {
  const b = view();
  it("turns an active badge expired exactly at its expiry, not a millisecond before", () => {
    expect(effectiveState(b, new Date(b.expiresAt!.getTime() - 1))).toBe("active");
    expect(effectiveState(b, b.expiresAt!)).toBe("expired");
  });
  it("keeps revoked revoked and probation probation", () => {
    expect(effectiveState(view({ state: "revoked", revokedReason: "x" }), new Date("2030-01-01"))).toBe("revoked");
    expect(effectiveState(view({ state: "probation", expiresAt: null }), new Date("2030-01-01"))).toBe("probation");
  });
});

describe("badge SVG", () => {
  it("is accessible: role img, a title naming holder, badge and state, and a desc with the verify URL", () => {
    const svg = renderBadgeSvg(view(), "active", md, opts);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="t-bdg_\w+-md-light d-bdg_\w+-md-light"/);
    expect(svg).toContain("<title id=\"t-bdg_abcdefghij0123456789-md-light\">Provenant Certified Installer · Advanced — Brightpixel &lt;Studio&gt; &amp; Co (active)</title>");
    expect(svg).toContain(`Verify it at https://partners.example/verify/${ID}`);
    expect(svg).toContain(">ADVANCED<");
  });

  it("draws one 240x72 drawing at each size", () => {
    for (const [size, w, h] of [["sm", 160, 48], ["md", 240, 72], ["lg", 360, 108]] as const) {
      const svg = renderBadgeSvg(view(), "active", { size, theme: "light" }, opts);
      expect(svg).toContain(`width="${w}" height="${h}" viewBox="0 0 240 72"`);
    }
  });

  it("never looks valid when expired or revoked: labelled, hatched, struck through, no check mark", () => {
    for (const state of ["expired", "revoked"] as const) {
      const svg = renderBadgeSvg(view({ state }), state, md, opts);
      expect(svg).toContain(state === "expired" ? ">EXPIRED<" : ">REVOKED<");
      expect(svg).toContain("<pattern");
      expect(svg).not.toContain(">ADVANCED<");
      expect(svg).not.toContain("M25 36.5l7.5 7.5 14.5-16");
      expect(svg).toContain("no longer valid");
    }
  });

  it("is gray on probation, and dark on a dark theme", () => {
    expect(badgeLook(view(), "probation", "light")).toMatchObject({ accent: "#94a3b8", stripLabel: "PROBATION" });
    expect(renderBadgeSvg(view(), "active", { size: "md", theme: "dark" }, opts)).toContain('fill="#0f172a"');
  });

  it("has a small error image", () => {
    expect(renderErrorSvg("Unknown badge")).toContain("Unknown badge");
  });
});

describe("snippets", () => {
  it("link the image to the verification page, in HTML and Markdown", () => {
    const s = embedSnippets("https://partners.example", view(), "sm", "dark");
    expect(s.html).toBe(
      `<a href="https://partners.example/verify/${ID}" target="_blank" rel="noopener"><img src="https://partners.example/badges/${ID}.svg?size=sm&amp;theme=dark" alt="Brightpixel &lt;Studio> &amp; Co: Provenant Certified Installer · Advanced" width="160" height="48" loading="lazy"></a>`,
    );
    expect(s.markdown).toBe(`[![Brightpixel <Studio> & Co: Provenant Certified Installer · Advanced](https://partners.example/badges/${ID}.svg?size=sm&theme=dark)](https://partners.example/verify/${ID})`);
    expect(imageUrlFor("https://partners.example", ID, { size: "md", theme: "light", format: "png" })).toBe(`https://partners.example/badges/${ID}.png`);
  });
});

describe("rules", () => {
  it("reads the host of a Referer", () => {
    expect(refererHost("https://www.Example.com/about?x=1")).toBe("example.com");
    expect(refererHost("android-app://com.x")).toBeNull();
    expect(refererHost("not a url")).toBeNull();
    expect(refererHost(null)).toBeNull();
  });
  it("counts subdomains of a declared host as declared, not look-alikes", () => {
    expect(isDeclaredHost("blog.example.com", ["example.com"])).toBe(true);
    expect(isDeclaredHost("www.example.com", ["example.com"])).toBe(true);
    expect(isDeclaredHost("badexample.com", ["example.com"])).toBe(false);
  });
  it("gives 14 days to fix, overdue from the deadline on", () => {
    const opened = new Date("2026-03-01T00:00:00Z");
    const v = { status: "open", deadlineAt: deadlineFor(opened) };
    expect(v.deadlineAt.toISOString()).toBe("2026-03-15T00:00:00.000Z");
    expect(isOverdue(v, new Date("2026-03-14T23:59:59Z"))).toBe(false);
    expect(isOverdue(v, new Date("2026-03-15T00:00:00Z"))).toBe(true);
    expect(isOverdue({ ...v, status: "resolved" }, new Date("2027-01-01"))).toBe(false);
  });
  it("gives the brand kit to certified partners in good standing only", () => {
    expect(brandKitEligible({ status: "active", tier: "verified", trackBadgeStates: ["active"] })).toBe(true);
    expect(brandKitEligible({ status: "probation", tier: "verified", trackBadgeStates: ["probation"] })).toBe(true);
    expect(brandKitEligible({ status: "active", tier: "premier", trackBadgeStates: ["expired", "revoked"] })).toBe(false);
    expect(brandKitEligible({ status: "active", tier: "premier", trackBadgeStates: [] })).toBe(false);
    expect(brandKitEligible({ status: "suspended", tier: "premier", trackBadgeStates: ["active"] })).toBe(false);
  });
});
