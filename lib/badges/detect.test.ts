import { describe, expect, it } from "vitest";
import { claimedTiers, detectViolations, robotsAllows, type DetectBadge } from "./detect";

const APP = "https://partners.provenant.dev";
const MINE = "bdg_mine0000000000000001";
const GONE = "bdg_gone0000000000000002";
const badges: DetectBadge[] = [
  { id: MINE, kind: "track", tier: "advanced", state: "active" },
  { id: GONE, kind: "performance", tier: null, state: "revoked" },
];
const page = (body: string) => `<!doctype html><html><body>${body}</body></html>`;
const run = (body: string, list = badges) => detectViolations({ html: page(body), pageUrl: "https://brightpixel.example/about", appOrigin: APP, badges: list });
const kinds = (body: string, list = badges) => run(body, list).map((f) => f.kind).sort();

describe("detectViolations", () => {
  it("finds nothing on a page that embeds our snippet as given", () => {
    expect(run(`<a href="${APP}/verify/${MINE}" target="_blank"><img src="${APP}/badges/${MINE}.svg?size=sm" alt="Brightpixel: Provenant Certified Installer · Advanced"></a>`)).toEqual([]);
  });

  it("flags our badge without its verification link, or linked elsewhere", () => {
    expect(kinds(`<img src="${APP}/badges/${MINE}.svg">`)).toEqual(["missing_verify_link"]);
    expect(kinds(`<a href="https://brightpixel.example/"><img src='${APP}/badges/${MINE}.png'></a>`)).toEqual(["missing_verify_link"]);
    expect(kinds(`<a href="${APP}/verify/${GONE}"><img src="${APP}/badges/${MINE}.svg"></a>`)).toEqual(["missing_verify_link"]);
  });

  it("flags a revoked or expired badge still displayed", () => {
    const f = run(`<a href="${APP}/verify/${GONE}"><img src="${APP}/badges/${GONE}.svg"></a>`);
    expect(f).toEqual([expect.objectContaining({ kind: "inactive_badge", badgeId: GONE })]);
  });

  it("flags a copied badge image and another partner's badge as not ours", () => {
    expect(kinds(`<img src="/img/provenant-certified-installer.png" alt="badge">`)).toEqual(["foreign_image"]);
    expect(kinds(`<img src="https://cdn.example/b.svg" alt="Provenant Certified Partner">`)).toEqual(["foreign_image"]);
    expect(kinds(`<a href="${APP}/verify/bdg_other000000000000009"><img src="${APP}/badges/bdg_other000000000000009.svg"></a>`)).toEqual(["foreign_image"]);
    expect(kinds(`<img src="/team.jpg" alt="Our team at the Provenant summit">`)).toEqual([]);
  });

  it("flags a tier above the one held, in text or alt text, and not the one held", () => {
    expect(kinds(`<p>We are a Provenant Premier partner.</p>`)).toEqual(["tier_overclaim"]);
    expect(kinds(`<img src="/x.png" alt="Premier partner of Provenant">`)).toEqual(["foreign_image", "tier_overclaim"]);
    expect(kinds(`<p>Provenant Advanced partner since 2025.</p>`)).toEqual([]);
    expect(kinds(`<p>We are a Provenant Advanced partner.</p>`, [{ ...badges[0]!, state: "expired" }])).toEqual(["tier_overclaim"]);
    expect(kinds(`<script>var t = "Provenant Premier";</script><p>Hello</p>`)).toEqual([]);
  });

  it("tolerates malformed markup and entities", () => {
    expect(kinds(`<div><a href="${APP}/verify/${MINE}"><img alt="x &amp; y" src="${APP}/badges/${MINE}.svg"`)).toEqual([]);
    expect(claimedTiers("Made with Provenant. Premier support plans available.")).toEqual([]);
    expect(claimedTiers("provenant premier")).toEqual(["premier"]);
  });
});

describe("robotsAllows", () => {
  const robots = `# comment
User-agent: *
Disallow: /private
Allow: /private/badges

User-agent: ProvenantBadgeScanner
Disallow: /no-scanner$
Disallow: /*.pdf
`;
  it.each([
    ["ProvenantBadgeScanner/1.0", "/about", true],
    ["ProvenantBadgeScanner/1.0", "/no-scanner", false],
    ["ProvenantBadgeScanner/1.0", "/no-scanner/x", true],
    ["ProvenantBadgeScanner/1.0", "/docs/a.pdf", false],
    ["ProvenantBadgeScanner/1.0", "/private", true],
    ["OtherBot", "/private/x", false],
    ["OtherBot", "/private/badges/x", true],
  ])("%s %s -> %s", (agent, path, allowed) => {
    expect(robotsAllows(robots, agent, path)).toBe(allowed);
  });
  it("allows everything without rules, blocks everything with Disallow: /", () => {
    expect(robotsAllows("", "X", "/")).toBe(true);
    expect(robotsAllows("User-agent: *\nDisallow: /", "ProvenantBadgeScanner/1.0", "/about")).toBe(false);
  });
});
