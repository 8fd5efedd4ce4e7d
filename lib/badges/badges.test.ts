import { createPublicKey, verify, type JsonWebKey } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, badgeEmbeds, badgeViolations, emailOutbox, events, partnerBadges } from "@/db/schema";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { TTL_MS, clearBadgeCache, entryExpiresAt } from "./cache";
import { embedLog } from "./embed-log";
import { badgesChanged } from "./invalidate";
import { declarePage, escalateViolation, markViolationFixed, removePage, resolveViolation, restoreBadge, revokeBadge } from "./manage";
import { getSignedAssertion, issuerDocument } from "./public";
import { handleBadgeImage } from "./serve";
import { badgeImageReads, searchBadges } from "./store";
import { listOwnBadges } from "./api";
import { brandKitAccess } from "./console";
import { recordFindings } from "./violations";

const NOW = new Date("2026-11-20T10:00:00Z");
const decoder = new TextDecoder();

async function makeBadge(partnerId: string, over: Partial<typeof partnerBadges.$inferInsert> = {}) {
  const db = await getDb();
  const [row] = await db
    .insert(partnerBadges)
    .values({ partnerId, kind: "track", badge: "certified_installer", tier: "advanced", state: "active", issuedAt: T0, expiresAt: new Date("2030-01-01T00:00:00Z"), stateChangedAt: T0, ...over })
    .returning();
  return row!;
}

const get = (file: string, headers: Record<string, string> = {}) => handleBadgeImage(new Request(`http://localhost:3000/badges/${file}`, { headers }), file.split("?")[0]!, null);

beforeEach(() => {
  clearBadgeCache();
  embedLog().reset();
});

describe("badge images", () => {
  it("serve the SVG with ETag, CDN cache headers and CORS, and 304 on If-None-Match", async () => {
    const team = await makeTeam({ name: "Image Partner" });
    const badge = await makeBadge(team.partner.id);
    const res = await get(`${badge.id}.svg?size=lg&theme=dark`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(res.headers.get("cache-control")).toMatch(/max-age=60.*stale-while-revalidate=/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const svg = await res.text();
    expect(svg).toContain("Image Partner");
    expect(svg).toContain('width="360"');
    const again = await get(`${badge.id}.svg?size=lg&theme=dark`, { "if-none-match": `W/${etag}, "other"` });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect((await get(`${badge.id}.svg?size=sm`)).headers.get("etag")).not.toBe(etag);
  });

  it("answer warm requests without reading the database", async () => {
    const team = await makeTeam();
    const badge = await makeBadge(team.partner.id);
    await get(`${badge.id}.svg`);
    const reads = badgeImageReads();
    for (let i = 0; i < 50; i++) expect((await get(`${badge.id}.svg?size=${["sm", "md", "lg"][i % 3]}`)).status).toBe(200);
    expect(badgeImageReads()).toBe(reads);
    // Unknown ids are remembered too.
    await get("bdg_unknown00000000000001.svg");
    const afterMiss = badgeImageReads();
    expect((await get("bdg_unknown00000000000001.svg")).status).toBe(404);
    expect(badgeImageReads()).toBe(afterMiss);
  });

  it("show a revocation on the next request after badgesChanged", async () => {
    const team = await makeTeam();
    const badge = await makeBadge(team.partner.id);
    expect(await (await get(`${badge.id}.svg`)).text()).toContain("ADVANCED");
    const db = await getDb();
    await db.update(partnerBadges).set({ state: "revoked", revokedReason: "Misuse", stateChangedAt: NOW }).where(eq(partnerBadges.id, badge.id));
    // Still cached until told.
    expect(await (await get(`${badge.id}.svg`)).text()).toContain("ADVANCED");
    badgesChanged([badge.id]);
    const svg = await (await get(`${badge.id}.svg`)).text();
    expect(svg).toContain("REVOKED");
    expect(svg).not.toContain("ADVANCED");
  });

  it("re-reads a badge just after its expiry passes, so an expired badge never shows as valid", () => {
    const now = Date.parse("2026-11-20T10:00:00Z");
    expect(entryExpiresAt({ expiresAt: new Date(now + 1_000) }, now)).toBe(now + 1_001);
    expect(entryExpiresAt({ expiresAt: new Date(now + 86_400_000) }, now)).toBe(now + TTL_MS);
    expect(entryExpiresAt({ expiresAt: null }, now)).toBe(now + TTL_MS);
    expect(entryExpiresAt(null, now)).toBeLessThan(now + TTL_MS);
  });

  it("answer an unknown badge with a 404 image and a bad request with a 400 image", async () => {
    const missing = await get("bdg_nothing0000000000000.svg");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("image/svg+xml");
    expect(await missing.text()).toContain("Unknown badge");
    expect((await get("bdg_nothing0000000000000.svg?size=huge")).status).toBe(400);
    expect((await get("bdg_nothing0000000000000.gif")).status).toBe(400);
    expect((await get("robots.txt")).status).toBe(404);
  });
});

describe("embed log", () => {
  it("counts Referer hosts in memory, writes them in one batch, and flags an undeclared domain once", async () => {
    const team = await makeTeam({ website: "https://brightpixel.example" });
    const badge = await makeBadge(team.partner.id);
    const db = await getDb();
    for (let i = 0; i < 5; i++) await get(`${badge.id}.svg`, { referer: "https://www.brightpixel.example/about" });
    for (let i = 0; i < 3; i++) await get(`${badge.id}.svg`, { referer: "https://copycat.example/partners" });
    await get(`${badge.id}.svg`, { referer: "http://localhost:3000/console/badges" });
    expect(await db.select().from(badgeEmbeds).where(eq(badgeEmbeds.badgeId, badge.id))).toEqual([]);
    expect(embedLog().size).toBe(2);
    await embedLog().flush(NOW);
    const rows = await db.select().from(badgeEmbeds).where(eq(badgeEmbeds.badgeId, badge.id));
    expect(Object.fromEntries(rows.map((r) => [r.host, r.requests]))).toEqual({ "brightpixel.example": 5, "copycat.example": 3 });
    const violations = await db.select().from(badgeViolations).where(eq(badgeViolations.partnerId, team.partner.id));
    expect(violations).toEqual([expect.objectContaining({ kind: "undeclared_domain", host: "copycat.example", status: "open", badgeId: badge.id })]);
    await get(`${badge.id}.svg`, { referer: "https://copycat.example/partners" });
    await embedLog().flush(NOW);
    expect((await db.select().from(badgeEmbeds).where(and(eq(badgeEmbeds.badgeId, badge.id), eq(badgeEmbeds.host, "copycat.example"))))[0]!.requests).toBe(4);
    expect(await db.select().from(badgeViolations).where(eq(badgeViolations.partnerId, team.partner.id))).toHaveLength(1);
    const mail = await db.select().from(emailOutbox).where(eq(emailOutbox.partnerId, team.partner.id));
    expect(mail.map((m) => m.kind)).toContain("badge_violation_opened");
  });
});

describe("signed assertion", () => {
  it("is checkable by anyone with node:crypto and the published key, and states the current status", async () => {
    const team = await makeTeam({ name: "Signed Partner" });
    const badge = await makeBadge(team.partner.id);
    const signed = (await getSignedAssertion(badge.id, NOW))!;
    const { publicKeyJwk } = JSON.parse(JSON.stringify(issuerDocument())) as { publicKeyJwk: JsonWebKey };
    const [h, p, s] = signed.jws.split(".") as [string, string, string];
    expect(verify(null, Buffer.from(`${h}.${p}`), createPublicKey({ key: publicKeyJwk, format: "jwk" }), Buffer.from(s, "base64url"))).toBe(true);
    const payload = JSON.parse(Buffer.from(p, "base64url").toString());
    expect(payload).toEqual(JSON.parse(JSON.stringify(signed.assertion)));
    expect(payload).toMatchObject({ type: "Assertion", status: "active", recipient: { name: "Signed Partner" }, issuedOn: T0.toISOString(), expires: "2030-01-01T00:00:00.000Z" });
    expect(await getSignedAssertion("bdg_nothing0000000000000", NOW)).toBeNull();
  });
});

describe("admin badge lookup", () => {
  it("filters by the state a viewer sees: an active badge past its expiry is listed as expired, not active", async () => {
    const team = await makeTeam({ name: "Lookup Partner" });
    const live = await makeBadge(team.partner.id);
    const lapsed = await makeBadge(team.partner.id, { badge: "certified_auditor", expiresAt: new Date("2026-11-01T00:00:00Z") });
    const revoked = await makeBadge(team.partner.id, { badge: "enterprise_certified", state: "revoked", revokedReason: "Misuse" });
    const db = await getDb();
    const ids = async (state?: "active" | "expired" | "revoked" | "probation") => (await searchBadges(db, "Lookup Partner", { state, now: NOW })).map((b) => b.id).sort();
    expect(await ids("active")).toEqual([live.id]);
    expect(await ids("expired")).toEqual([lapsed.id]);
    expect(await ids("revoked")).toEqual([revoked.id]);
    expect(await ids("probation")).toEqual([]);
    expect(await ids()).toEqual([live.id, lapsed.id, revoked.id].sort());
  });
});

describe("admin revoke and restore", () => {
  it("revokes with a reason, audited, emitted, and the image turns revoked; restore brings it back", async () => {
    const team = await makeTeam();
    const admin = await makeAdmin();
    const badge = await makeBadge(team.partner.id);
    await get(`${badge.id}.svg`);
    await expect(revokeBadge({ principal: team.asOwner, badgeId: badge.id, input: { reason: "Misuse of the badge" }, now: NOW })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeBadge({ principal: admin, badgeId: badge.id, input: { reason: "" }, now: NOW })).rejects.toMatchObject({ code: "validation_failed" });
    await revokeBadge({ principal: admin, badgeId: badge.id, input: { reason: "Misuse of the badge" }, now: NOW });
    expect(await (await get(`${badge.id}.svg`)).text()).toContain("REVOKED");
    const db = await getDb();
    const trail = await db.select().from(auditEvents).where(eq(auditEvents.objectId, badge.id));
    expect(trail.map((a) => a.action)).toEqual(["badge.revoked"]);
    expect(trail[0]!.after).toMatchObject({ state: "revoked", revokedReason: "Misuse of the badge" });
    expect((await db.select().from(events).where(eq(events.partnerId, team.partner.id))).map((e) => e.type)).toContain("partner.badge.revoked");
    await restoreBadge({ principal: admin, badgeId: badge.id, now: NOW });
    expect(await (await get(`${badge.id}.svg`)).text()).toContain("ADVANCED");
    await expect(restoreBadge({ principal: admin, badgeId: badge.id, now: NOW })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("violation workflow", () => {
  it("partner marks fixed (rescan requested); admin resolves, or escalates which revokes the badge", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const admin = await makeAdmin();
    const badge = await makeBadge(team.partner.id);
    const page = await declarePage({ principal: team.asMember, partnerId: team.partner.id, input: { url: "https://brightpixel.example/about#team" }, now: NOW });
    expect(page.url).toBe("https://brightpixel.example/about");
    await expect(declarePage({ principal: team.asMember, partnerId: team.partner.id, input: { url: "https://brightpixel.example/about" }, now: NOW })).rejects.toMatchObject({ fields: { url: [expect.any(String)] } });
    await expect(declarePage({ principal: team.asMember, partnerId: team.partner.id, input: { url: "ftp://x" }, now: NOW })).rejects.toMatchObject({ code: "validation_failed" });
    await recordFindings(
      [
        {
          partnerId: team.partner.id,
          pageUrl: page.url,
          host: page.host,
          complete: true,
          findings: [
            { kind: "missing_verify_link", badgeId: badge.id, place: `badge:${badge.id}`, detail: "not linked" },
            { kind: "tier_overclaim", badgeId: null, place: "tier:premier", detail: "claims premier" },
          ],
        },
      ],
      NOW,
    );
    const db = await getDb();
    const [link, claim] = await db.select().from(badgeViolations).where(eq(badgeViolations.partnerId, team.partner.id)).orderBy(badgeViolations.kind);
    expect(link!.deadlineAt.toISOString()).toBe("2026-12-04T10:00:00.000Z");
    await expect(markViolationFixed({ principal: other.asOwner, partnerId: team.partner.id, violationId: link!.id, now: NOW })).rejects.toMatchObject({ code: "forbidden" });
    await expect(markViolationFixed({ principal: other.asOwner, partnerId: other.partner.id, violationId: link!.id, now: NOW })).rejects.toMatchObject({ code: "not_found" });
    const claimed = await markViolationFixed({ principal: team.asMember, partnerId: team.partner.id, violationId: link!.id, now: NOW });
    expect(claimed.status).toBe("fix_claimed");
    await expect(resolveViolation({ principal: team.asOwner, violationId: claim!.id, input: { note: "ok" }, now: NOW })).rejects.toMatchObject({ code: "forbidden" });
    expect((await resolveViolation({ principal: admin, violationId: claim!.id, input: { note: "Text corrected by hand" }, now: NOW })).status).toBe("resolved");
    const out = await escalateViolation({ principal: admin, violationId: link!.id, input: { reason: "Ignored the deadline" }, now: NOW });
    expect(out.violation.status).toBe("escalated");
    expect(out.badge.state).toBe("revoked");
    const types = (await db.select().from(events).where(eq(events.partnerId, team.partner.id))).map((e) => e.type).sort();
    expect(types).toEqual(["partner.badge.revoked", "partner.badge_violation_closed", "partner.badge_violation_closed", "partner.badge_violation_opened", "partner.badge_violation_opened"]);
    await removePage({ principal: team.asOwner, partnerId: team.partner.id, pageId: page.id, now: NOW });
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.partnerId, team.partner.id))).map((a) => a.action).sort();
    expect(actions).toEqual(
      ["badge.revoked", "badge_page.declared", "badge_page.removed", "badge_violation.escalated", "badge_violation.fix_claimed", "badge_violation.opened", "badge_violation.opened", "badge_violation.resolved"].sort(),
    );
  });
});

describe("GET /api/v1/badges data", () => {
  it("lists the key's own partner's badges with their URLs", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const badge = await makeBadge(team.partner.id);
    await makeBadge(other.partner.id);
    const principal = { kind: "key" as const, key: { keyId: "key_1", name: "k", kind: "partner" as const, partnerId: team.partner.id, scopes: ["badges:read"] } };
    const list = await listOwnBadges(principal, NOW);
    expect(list.data).toEqual([expect.objectContaining({ id: badge.id, state: "active", verifyUrl: `http://localhost:3000/verify/${badge.id}` })]);
    await expect(listOwnBadges({ ...principal, key: { ...principal.key, scopes: [] } }, NOW)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("brand kit access", () => {
  it("is for members of a partner holding a valid track badge, and admins", async () => {
    const certified = await makeTeam();
    const lapsed = await makeTeam();
    const suspended = await makeTeam({ status: "suspended" });
    await makeBadge(certified.partner.id);
    await makeBadge(lapsed.partner.id, { state: "expired" });
    await makeBadge(suspended.partner.id);
    const admin = await makeAdmin();
    const viewer = (p: Awaited<ReturnType<typeof makeTeam>>["asOwner"]) => (p.kind === "user" ? p.viewer : null);
    expect((await brandKitAccess(viewer(certified.asMember), certified.partner.id, NOW)).allowed).toBe(true);
    expect((await brandKitAccess(viewer(lapsed.asOwner), lapsed.partner.id, NOW)).allowed).toBe(false);
    expect((await brandKitAccess(viewer(suspended.asOwner), suspended.partner.id, NOW)).allowed).toBe(false);
    expect((await brandKitAccess(viewer(lapsed.asOwner), certified.partner.id, NOW)).allowed).toBe(false);
    expect((await brandKitAccess(viewer(admin), lapsed.partner.id, NOW)).allowed).toBe(true);
    // A badge past its expiry no longer counts, whatever its row says.
    const expiring = await makeTeam();
    await makeBadge(expiring.partner.id, { expiresAt: new Date(NOW.getTime() - 1) });
    expect((await brandKitAccess(viewer(expiring.asOwner), expiring.partner.id, NOW)).eligible).toBe(false);
  });
});
