import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/partners/route";
import { GET as profileRoute } from "@/app/api/v1/partners/[id]/route";
import { getDb } from "@/db/client";
import { emailOutbox, leads, partnerBadges } from "@/db/schema";
import { listAuditEvents } from "@/lib/audit/store";
import { directoryQuerySchema } from "@/lib/partners/schemas";
import { getPartner } from "@/lib/partners/store";
import { updateListing } from "@/lib/partners/update-listing";
import { recomputeRankings } from "@/lib/ranking/recompute";
import { makeAdmin, makePartner, makeTeam, T0 } from "@/lib/testing/factories";
import { invalidateDirectoryCache } from "./cache";
import { setLeadState, submitLead } from "./leads";
import { decideListingReview } from "./reviews";
import { searchDirectory } from "./search";

// The directory against a real (PGlite) database: search, filters, facets,
// placement, the API and its caching, leads and proof-link reviews.

const NOW = new Date(T0.getTime() + 200 * 86_400_000);
const q = (input: Record<string, unknown>) => directoryQuerySchema.parse(input);
const search = async (input: Record<string, unknown>) => {
  await invalidateDirectoryCache("test");
  return searchDirectory(q(input), NOW);
};
const names = (r: { partners: { name: string }[] }) => r.partners.map((p) => p.name);

beforeAll(async () => {
  const db = await getDb();
  const base = { joinedAt: T0, updatedAt: T0 };
  await makePartner({ ...base, name: "Brightpixel Studio", slug: "bright", tier: "premier", stacks: ["wordpress", "shopify"], regions: ["europe"], languages: ["en", "de"], description: "Provenance for publishers on WordPress." });
  await makePartner({ ...base, name: "Ledger Audit Co", slug: "ledger", track: "auditor", tier: "advanced", stacks: ["custom"], regions: ["na"], languages: ["en"], description: "SOC 2 evidence packs for provenance controls." });
  await makePartner({ ...base, name: "Harbor Integrations", slug: "harbor", track: "enterprise_integrator", tier: "advanced", stacks: ["custom", "workers"], regions: ["na", "europe"], languages: ["en", "fr"], description: "Rollouts for DAMs and CDNs." });
  const fresh = await makePartner({ ...base, name: "Aardvark Newcomer", slug: "newcomer", tier: "advanced", status: "probation", probationEndsAt: new Date(NOW.getTime() + 10 * 86_400_000), stacks: ["wordpress"], regions: ["apac"], languages: ["ja"] });
  await makePartner({ ...base, name: "Zed Verified", slug: "zed", tier: "verified", stacks: ["shopify"], regions: ["latam"], languages: ["es", "pt"], description: "Shopify stores in Latin America." });
  await makePartner({ ...base, name: "Gone Partner", slug: "gone", status: "suspended", tier: "premier", stacks: ["wordpress"] });
  for (let i = 0; i < 23; i++) await makePartner({ ...base, name: `Filler ${String(i).padStart(2, "0")} Digital`, slug: `filler-${i}`, stacks: ["custom"], regions: ["mea"], languages: ["ar"] });
  const ledger = (await db.query.partners.findFirst({ where: (p, { eq }) => eq(p.slug, "ledger") }))!;
  const bright = (await db.query.partners.findFirst({ where: (p, { eq }) => eq(p.slug, "bright") }))!;
  await db.insert(partnerBadges).values([
    { partnerId: ledger.id, kind: "track", badge: "certified_auditor", tier: "advanced", state: "active", issuedAt: T0, stateChangedAt: T0 },
    { partnerId: ledger.id, kind: "performance", badge: "compliance_pro", state: "active", issuedAt: T0, stateChangedAt: T0 },
    { partnerId: bright.id, kind: "track", badge: "certified_installer", tier: "premier", state: "active", issuedAt: T0, stateChangedAt: T0 },
    { partnerId: fresh.id, kind: "track", badge: "certified_installer", tier: "advanced", state: "probation", issuedAt: T0, stateChangedAt: T0 },
  ]);
  await recomputeRankings(db, NOW);
});

describe("search", () => {
  it("matches words by prefix over name, stacks and description, and forgives typos in names", async () => {
    expect(names(await search({ q: "bright" }))).toEqual(["Brightpixel Studio"]);
    expect(names(await search({ q: "brightpixl" }))).toEqual(["Brightpixel Studio"]);
    expect(names(await search({ q: "soc evidence" }))).toEqual(["Ledger Audit Co"]);
    expect(names(await search({ q: "cloudflare" }))).toEqual(["Harbor Integrations"]);
    expect((await search({ q: "wordpress" })).total).toBe(2);
  });

  it("treats SQL and regex metacharacters as plain text: empty results, never an error", async () => {
    for (const text of ["'; drop table partners; --", "%_%", "(.*)+\\", "& | ! :* <-> ''"]) {
      const r = await search({ q: text });
      expect(r.partners).toEqual([]);
    }
    // A NUL byte (refused by PostgreSQL) is dropped: nothing left to search for means the whole directory.
    expect((await search({ q: "\u0000" })).total).toBe(28);
    expect(await getPartner((await search({ q: "bright" })).partners[0]!.id)).not.toBeNull();
  });

  it("never lists suspended partners", async () => {
    expect((await search({ q: "gone" })).total).toBe(0);
    expect((await search({})).total).toBe(28);
  });
});

describe("filters, facets and pages", () => {
  it("combines filters; values within one filter are alternatives; badges must all be held", async () => {
    expect(names(await search({ region: "europe", stack: "custom" }))).toEqual(["Harbor Integrations"]);
    expect((await search({ region: "europe,latam" })).total).toBe(3);
    expect(names(await search({ badge: "certified" }))).toEqual(["Brightpixel Studio", "Ledger Audit Co"]);
    expect(names(await search({ badge: "certified,compliance_pro" }))).toEqual(["Ledger Audit Co"]);
    expect(names(await search({ language: "ja" }))).toEqual(["Aardvark Newcomer"]);
    expect(names(await search({ track: "auditor" }))).toEqual(["Ledger Audit Co"]);
  });

  it("counts each facet with every other filter applied", async () => {
    const r = await search({ region: "europe" });
    const count = (facet: keyof typeof r.facets, value: string) => r.facets[facet].find((f) => f.value === value)?.count ?? 0;
    expect(count("track", "installer")).toBe(1);
    expect(count("track", "enterprise_integrator")).toBe(1);
    // The region facet ignores the region filter itself, so other regions still show their totals.
    expect(count("region", "mea")).toBe(23);
    expect(count("region", "europe")).toBe(2);
    expect(count("badge", "certified")).toBe(1);
  });

  it("pages 20 at a time; past the last page is empty with the total", async () => {
    const first = await search({});
    expect(first.partners).toHaveLength(20);
    expect(first.pages).toBe(2);
    const second = await search({ page: 2 });
    expect(second.partners).toHaveLength(8);
    expect(new Set([...names(first), ...names(second)]).size).toBe(28);
    const beyond = await search({ page: 9 });
    expect(beyond).toMatchObject({ partners: [], total: 28 });
  });

  it("suggests which filter to remove when nothing matches", async () => {
    const r = await search({ region: "apac", stack: "shopify", q: "zed" });
    expect(r.total).toBe(0);
    // Only dropping the region finds Zed (Shopify, Latin America); dropping the stack alone still finds nothing.
    expect(r.suggestions.map((s) => s.filter)).toEqual(["region"]);
    expect(r.suggestions.find((s) => s.filter === "region")!.total).toBe(1);
  });
});

describe("placement", () => {
  it("puts Premier first, then Advanced with probation last, then Verified", async () => {
    const all = names(await search({ pageSize: 100 }));
    expect(all[0]).toBe("Brightpixel Studio");
    const advanced = ["Ledger Audit Co", "Harbor Integrations", "Aardvark Newcomer"].map((n) => all.indexOf(n));
    expect(Math.max(...advanced.slice(0, 2))).toBeLessThan(advanced[2]!); // probation after its tier, despite the name
    expect(advanced[2]).toBeLessThan(all.indexOf("Zed Verified"));
  });

  it("sorts by relevance when a search text is typed, by rank when asked", async () => {
    const rel = await search({ q: "digital" });
    expect(rel.sort).toBe("relevance");
    const byRank = await search({ q: "digital", sort: "rank" });
    expect(byRank.sort).toBe("rank");
    expect(byRank.total).toBe(rel.total);
  });
});

describe("public API", () => {
  const get = (url: string, headers: Record<string, string> = {}) => listRoute(new NextRequest(`http://localhost:3000${url}`, { headers }), { params: Promise.resolve({}) });

  it("answers the same partners as the page, with total, next page and cursor", async () => {
    await invalidateDirectoryCache("test");
    const res = await get("/api/v1/partners?stack=custom");
    expect(res.status).toBe(200);
    const body = await res.json();
    const page = await searchDirectory(q({ stack: "custom" }), new Date());
    expect(body.data.map((p: { id: string }) => p.id)).toEqual(page.partners.map((p) => p.id));
    expect(body).toMatchObject({ total: 25, page: 1, pageSize: 20, pages: 2, nextPage: 2 });
    const next = await (await get(`/api/v1/partners?stack=custom&cursor=${body.nextCursor}`)).json();
    expect(next).toMatchObject({ page: 2, nextPage: null, nextCursor: null });
    expect(next.data).toHaveLength(5);
    expect(JSON.stringify(body)).not.toContain("score");
  });

  it("sends Cache-Control and an ETag, and 304 for a current copy", async () => {
    const res = await get("/api/v1/partners?region=europe");
    expect(res.headers.get("cache-control")).toContain("max-age=30");
    const etag = res.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect((await get("/api/v1/partners?region=europe", { "if-none-match": etag })).status).toBe(304);
  });

  it("refuses bad input with 400 and field messages", async () => {
    for (const url of ["/api/v1/partners?page=0", "/api/v1/partners?region=mars", `/api/v1/partners?q=${"x".repeat(101)}`, "/api/v1/partners?cursor=bad", "/api/v1/partners?sort=random"]) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect((await res.json()).error.code).toMatch(/validation_failed|bad_request/);
    }
  });

  it("returns one profile with badges and verification links, and 404 for unknown or suspended partners", async () => {
    const res = await profileRoute(new NextRequest("http://localhost:3000/api/v1/partners/ledger"), { params: Promise.resolve({ id: "ledger" }) });
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data.badges.map((b: { badge: string }) => b.badge).sort()).toEqual(["certified_auditor", "compliance_pro"]);
    expect(data.badges[0].verifyUrl).toMatch(/^\/verify\/bdg_/);
    for (const id of ["gone", "no-such-partner"]) {
      const r = await profileRoute(new NextRequest(`http://localhost:3000/api/v1/partners/${id}`), { params: Promise.resolve({ id }) });
      expect(r.status).toBe(404);
    }
  });
});

describe("cache invalidation", () => {
  it("a listing edit shows in the directory at once", async () => {
    const { partner, asOwner } = await makeTeam({ name: "Cache Test Studio", slug: "cache-test", stacks: ["wordpress"] });
    await invalidateDirectoryCache("test");
    expect((await searchDirectory(q({ q: "cache test" }), NOW)).partners[0]!.tagline).toBe("");
    await updateListing({ principal: asOwner, partnerId: partner.id, input: { tagline: "Now with a tagline" }, mode: "patch", now: NOW });
    expect((await searchDirectory(q({ q: "cache test" }), NOW)).partners[0]!.tagline).toBe("Now with a tagline");
  });
});

describe("leads", () => {
  it("records a contact request, emails the partner and rate limits per client IP", async () => {
    const { partner } = await makeTeam({ name: "Lead Studio", slug: "lead-studio", contactEmail: "sales@lead.example" });
    const input = { name: "Maya", email: "maya@example.org", company: "Nordlys", message: "Please scope an install for our store." };
    const lead = await submitLead({ slug: "lead-studio", input, clientIp: "203.0.113.9", now: NOW });
    expect(lead).toMatchObject({ partnerId: partner.id, status: "new", email: "maya@example.org" });
    const db = await getDb();
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.partnerId, partner.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: "sales@lead.example", kind: "directory.lead" });
    expect(mails[0]!.text).toContain("Please scope an install");

    await submitLead({ slug: "lead-studio", input, clientIp: "203.0.113.9", now: NOW });
    await submitLead({ slug: "lead-studio", input, clientIp: "203.0.113.9", now: NOW });
    await expect(submitLead({ slug: "lead-studio", input, clientIp: "203.0.113.9", now: NOW })).rejects.toMatchObject({ code: "rate_limited" });
    // Another visitor is not affected.
    await submitLead({ slug: "lead-studio", input, clientIp: "198.51.100.1", now: NOW });
    expect(await db.select().from(leads).where(eq(leads.partnerId, partner.id))).toHaveLength(4);
  });

  it("refuses bad input with field messages and unknown partners with 404", async () => {
    await expect(submitLead({ slug: "lead-studio", input: { name: "", email: "x", message: "hi" }, clientIp: "192.0.2.1", now: NOW })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { name: expect.any(Array), email: expect.any(Array), message: expect.any(Array) },
    });
    await expect(submitLead({ slug: "nope", input: { name: "A", email: "a@b.co", message: "Hello there, partner" }, clientIp: "192.0.2.2", now: NOW })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets the partner's members mark a lead answered, keeping the first answer time; others get 403", async () => {
    const { partner, asMember } = await makeTeam({ slug: "lead-two" });
    const other = await makeTeam({ slug: "lead-other" });
    const lead = await submitLead({ slug: "lead-two", input: { name: "B", email: "b@example.org", message: "Hello, need an audit" }, clientIp: "192.0.2.3", now: NOW });
    const answered = await setLeadState({ principal: asMember, partnerId: partner.id, leadId: lead.id, status: "answered", now: new Date(NOW.getTime() + 3_600_000) });
    expect(answered.answeredAt).toEqual(new Date(NOW.getTime() + 3_600_000));
    const closed = await setLeadState({ principal: asMember, partnerId: partner.id, leadId: lead.id, status: "closed", now: new Date(NOW.getTime() + 7_200_000) });
    expect(closed.answeredAt).toEqual(new Date(NOW.getTime() + 3_600_000));
    await expect(setLeadState({ principal: other.asOwner, partnerId: partner.id, leadId: lead.id, status: "new", now: NOW })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setLeadState({ principal: other.asOwner, partnerId: other.partner.id, leadId: lead.id, status: "new", now: NOW })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("proof-link reviews", () => {
  const links = ["https://example.com/one.jpg", "https://example.com/two.jpg"];

  it("publishes proposed proof links only once an admin approves them, audited", async () => {
    const { partner, asOwner } = await makeTeam({ slug: "proofs", proofLinks: [] });
    const saved = await updateListing({ principal: asOwner, partnerId: partner.id, input: { proofLinks: links }, mode: "patch", now: NOW });
    expect(saved.proofLinks).toEqual([]);
    await invalidateDirectoryCache("test");
    const before = await searchDirectory(q({ q: "proofs" }), NOW);
    expect(before.partners.find((p) => p.id === partner.id)?.proofLinks ?? []).toEqual([]);

    await expect(decideListingReview({ principal: asOwner, reviewId: saved.pendingReviewId!, input: { decision: "approve" }, now: NOW })).rejects.toMatchObject({ code: "forbidden" });
    const admin = await makeAdmin();
    const decided = await decideListingReview({ principal: admin, reviewId: saved.pendingReviewId!, input: { decision: "approve" }, now: NOW });
    expect(decided.state).toBe("approved");
    expect((await getPartner(partner.id))!.proofLinks).toEqual(links.map((l) => `https://contentcredentials.org/verify?source=${encodeURIComponent(l)}`));
    const { rows } = await listAuditEvents({ partnerId: partner.id, page: 1, pageSize: 10 });
    expect(rows.map((r) => r.action)).toContain("partner.proof_links_approved");
    // A decided review cannot be decided again.
    await expect(decideListingReview({ principal: admin, reviewId: saved.pendingReviewId!, input: { decision: "reject", reason: "late" }, now: NOW })).rejects.toMatchObject({ code: "conflict" });
  });

  it("a rejection needs a reason and keeps the published links", async () => {
    const { partner, asOwner } = await makeTeam({ slug: "proofs-2", proofLinks: ["https://contentcredentials.org/verify?source=https%3A%2F%2Fold.example%2Fa.jpg"] });
    const saved = await updateListing({ principal: asOwner, partnerId: partner.id, input: { proofLinks: links }, mode: "patch", now: NOW });
    const admin = await makeAdmin();
    await expect(decideListingReview({ principal: admin, reviewId: saved.pendingReviewId!, input: { decision: "reject" }, now: NOW })).rejects.toMatchObject({ code: "validation_failed" });
    const r = await decideListingReview({ principal: admin, reviewId: saved.pendingReviewId!, input: { decision: "reject", reason: "Stock photos" }, now: NOW });
    expect(r).toMatchObject({ state: "rejected", reason: "Stock photos" });
    expect((await getPartner(partner.id))!.proofLinks).toEqual(partner.proofLinks);
    const { rows } = await listAuditEvents({ partnerId: partner.id, page: 1, pageSize: 10 });
    expect(rows.find((e) => e.action === "partner.proof_links_rejected")!.after).toMatchObject({ reason: "Stock photos" });
  });
});
