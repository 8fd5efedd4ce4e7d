import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { badgePages, badgeViolations, partnerBadges } from "@/db/schema";
import { makeTeam, T0 } from "@/lib/testing/factories";
import { declarePage, markViolationFixed } from "./manage";
import { runBadgeScan, SCANNER_AGENT } from "./scan";

// The scanner against a local site: a real HTTP server serving partner pages.

const APP = "http://localhost:3000";
const NOW = new Date("2026-11-20T10:00:00Z");
let server: Server;
let base = "";
const pages: Record<string, { status?: number; type?: string; body?: string; headers?: Record<string, string> }> = {};
const seenAgents: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seenAgents.push(String(req.headers["user-agent"]));
    const page = pages[req.url ?? "/"];
    if (req.url === "/slow") return; // never answers
    if (!page) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found");
    }
    res.writeHead(page.status ?? 200, { "content-type": page.type ?? "text/html; charset=utf-8", ...page.headers });
    res.end(page.body ?? "");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const html = (body: string) => `<!doctype html><html><head><title>x</title></head><body>${body}</body></html>`;
const limits = { budgetMs: 10_000, maxPages: 50, maxRequests: 100, maxBytes: 100_000, timeoutMs: 3_000, allowPrivateHosts: true };

describe("badge scanner", () => {
  it("finds the violations on a local test site, records scan errors, and closes what a rescan no longer finds", { timeout: 60_000 }, async () => {
    const team = await makeTeam();
    const db = await getDb();
    const [good, gone] = await db
      .insert(partnerBadges)
      .values([
        { partnerId: team.partner.id, kind: "track", badge: "certified_installer", tier: "verified", state: "active", issuedAt: T0, stateChangedAt: T0 },
        { partnerId: team.partner.id, kind: "performance", badge: "fast_installer", state: "revoked", revokedReason: "Misuse", issuedAt: T0, stateChangedAt: T0 },
      ])
      .returning();
    const snippet = (id: string) => `<a href="${APP}/verify/${id}"><img src="${APP}/badges/${id}.svg" alt="Provenant Certified Installer"></a>`;
    pages["/robots.txt"] = { type: "text/plain", body: "User-agent: *\nDisallow: /secret\n" };
    pages["/good"] = { body: html(`<h1>About</h1>${snippet(good!.id)}`) };
    pages["/bad"] = {
      body: html(
        `<p>We are a Provenant Premier partner.</p>` +
          `<img src="${APP}/badges/${good!.id}.svg">` +
          `${snippet(gone!.id)}` +
          `<img src="/assets/provenant-badge-premier.png" alt="Provenant certified partner">`,
      ),
    };
    pages["/secret"] = { body: html(`<img src="${APP}/badges/${good!.id}.svg">`) };
    pages["/huge"] = { body: html("x".repeat(200_000)) };
    pages["/loop"] = { status: 302, headers: { location: "/loop2" } };
    pages["/loop2"] = { status: 302, headers: { location: "/loop" } };
    pages["/brochure"] = { type: "application/pdf", body: "%PDF-1.4" };
    for (const path of ["/good", "/bad", "/secret", "/huge", "/loop", "/brochure", "/slow"]) {
      await declarePage({ principal: team.asOwner, partnerId: team.partner.id, input: { url: `${base}${path}` }, now: NOW });
    }
    await db.insert(badgePages).values({ partnerId: team.partner.id, url: "http://127.0.0.1:1/closed", host: "127.0.0.1", createdAt: NOW });

    const result = await runBadgeScan({ now: NOW, ...limits });
    expect(result).toMatchObject({ processed: 8, skipped: 0, blocked: 1, opened: 4 });
    expect(seenAgents.every((a) => a === SCANNER_AGENT)).toBe(true);

    const violations = await db.select().from(badgeViolations).where(eq(badgeViolations.partnerId, team.partner.id));
    expect(violations.map((v) => `${new URL(v.pageUrl!).pathname} ${v.kind}`).sort()).toEqual(["/bad foreign_image", "/bad inactive_badge", "/bad missing_verify_link", "/bad tier_overclaim"]);
    const status = Object.fromEntries((await db.select().from(badgePages).where(eq(badgePages.partnerId, team.partner.id))).map((p) => [new URL(p.url).pathname, `${p.lastScanStatus} ${p.lastScanError ?? ""}`.trim()]));
    expect(status).toEqual({
      "/good": "ok",
      "/bad": "ok",
      "/secret": "blocked_by_robots robots.txt disallows our scanner on this page",
      "/huge": expect.stringMatching(/^error too_large/),
      "/loop": expect.stringMatching(/^error redirect_loop/),
      "/brochure": expect.stringMatching(/^error not_html/),
      "/slow": expect.stringMatching(/^error timeout/),
      "/closed": expect.stringMatching(/^error unreachable/),
    });

    // The partner fixes the link and removes the claim, marks the violations fixed; the rescan closes them.
    pages["/bad"] = { body: html(`${snippet(good!.id)}${snippet(gone!.id)}<img src="/assets/provenant-badge-premier.png" alt="Provenant certified partner">`) };
    for (const v of violations.filter((v) => v.kind === "missing_verify_link" || v.kind === "tier_overclaim")) {
      await markViolationFixed({ principal: team.asMember, partnerId: team.partner.id, violationId: v.id, now: NOW });
    }
    const rescan = await runBadgeScan({ now: new Date(NOW.getTime() + 3_600_000), ...limits, maxPages: 1 });
    expect(rescan).toMatchObject({ processed: 1, fixed: 2, opened: 0 });
    const after = Object.fromEntries((await db.select().from(badgeViolations).where(eq(badgeViolations.partnerId, team.partner.id))).map((v) => [v.kind, v.status]));
    expect(after).toEqual({ foreign_image: "open", inactive_badge: "open", missing_verify_link: "resolved", tier_overclaim: "resolved" });
  });

  it("stops at its request budget and refuses private addresses when they are not allowed", { timeout: 60_000 }, async () => {
    const team = await makeTeam();
    pages["/a"] = { body: html("<p>a</p>") };
    pages["/b"] = { body: html("<p>b</p>") };
    await declarePage({ principal: team.asOwner, partnerId: team.partner.id, input: { url: `${base}/a` }, now: NOW });
    await declarePage({ principal: team.asOwner, partnerId: team.partner.id, input: { url: `${base}/b` }, now: NOW });
    const later = new Date(NOW.getTime() + 30 * 86_400_000);
    const bounded = await runBadgeScan({ now: later, ...limits, maxRequests: 3 });
    expect(bounded.requests).toBeLessThanOrEqual(3);
    expect(bounded.skipped).toBeGreaterThan(0);
    const blocked = await runBadgeScan({ now: new Date(later.getTime() + 30 * 86_400_000), ...limits, allowPrivateHosts: false });
    const db = await getDb();
    const rows = await db.select().from(badgePages).where(eq(badgePages.partnerId, team.partner.id));
    expect(blocked.processed).toBeGreaterThan(0);
    expect(rows.every((r) => r.lastScanStatus === "error" && r.lastScanError?.startsWith("blocked_host"))).toBe(true);
  });
});
