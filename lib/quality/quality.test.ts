import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { auditEvents, evidenceExports, installs, survivalCheckAssets, survivalChecks, ttiRollups, ttiWeekly, survivalDaily, survivalWindows } from "@/db/schema";
import type { Principal } from "@/lib/auth/permissions";
import { sha256Hex } from "@/lib/evidence/package-builder";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { exportEvidencePack } from "./evidence-pack";
import { createInstall, createPlatformInstall } from "./installs";
import { percentile } from "./percentile";
import { fixtureResponse } from "./prober/fixture-site";
import { recordReportedCheck } from "./record-check";
import { createReport, getPublishedReport, setReportPublication } from "./reports";
import { runRollups } from "./rollups";
import { runCheckNow, runScheduledProbes } from "./run-check";
import { countExports } from "./store";

const MIN = 60_000;
const platform: Principal = { kind: "key", key: { keyId: "key_platform", kind: "platform", partnerId: null, scopes: ["platform:read", "platform:write"], name: "Platform" } };
const readOnlyPlatform: Principal = { kind: "key", key: { keyId: "key_ro", kind: "platform", partnerId: null, scopes: ["platform:read"], name: "RO" } };

let server: Server;
let site: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const out = fixtureResponse((req.url ?? "/").slice(1), { hugeBytes: 64 * 1024 });
    res.writeHead(out.status, out.headers);
    res.end(out.body ? Buffer.from(out.body) : undefined);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

async function rowCount(table: typeof survivalChecks | typeof installs) {
  const db = await getDb();
  const [r] = await db.select({ n: count() }).from(table);
  return r!.n;
}

describe("installs and reported checks", () => {
  it("records a console install, audits it, and verifies it on the first check meeting the bar", async () => {
    const team = await makeTeam();
    const install = await createInstall({
      principal: team.asMember,
      partnerId: team.partner.id,
      input: { stack: "wordpress", siteUrl: "https://shop.example.com", customerName: "Acme", sampleUrls: "https://shop.example.com/a.jpg\n\nhttps://shop.example.com/b.png" },
      now: T0,
    });
    expect(install).toMatchObject({ source: "console", sampleUrls: ["https://shop.example.com/a.jpg", "https://shop.example.com/b.png"], verifiedAt: null });
    const db = await getDb();
    const [a] = await db.select().from(auditEvents).where(eq(auditEvents.objectId, install.id));
    expect(a?.action).toBe("install.created");

    const failing = await recordReportedCheck({ principal: platform, input: { installId: install.id, checkedAt: new Date(T0.getTime() + 5 * MIN), assetsChecked: 10, assetsSurvived: 9, method: "remote" }, now: new Date(T0.getTime() + 60 * MIN) });
    expect(failing.install.verifiedAt).toBeNull();
    const ok = await recordReportedCheck({ principal: platform, input: { installId: install.id, checkedAt: new Date(T0.getTime() + 12 * MIN), assetsChecked: 10, assetsSurvived: 10, survivedEmbedded: 4, survivedRemote: 6 }, now: new Date(T0.getTime() + 60 * MIN) });
    expect(ok.install.verifiedAt).toEqual(new Date(T0.getTime() + 12 * MIN));
    expect(ok.check).toMatchObject({ survivedEmbedded: 4, survivedRemote: 6, source: "api" });
  });

  it.each([
    [{ assetsChecked: -1, assetsSurvived: 0 }, "assetsChecked"],
    [{ assetsChecked: 5, assetsSurvived: 6, method: "remote" }, "assetsSurvived"],
    [{ assetsChecked: 5, assetsSurvived: 5, survivedEmbedded: 1, survivedRemote: 1 }, "survivedRemote"],
    [{ assetsChecked: 5, assetsSurvived: 5 }, "method"],
    [{ assetsChecked: 5, assetsSurvived: 1.5, method: "remote" }, "assetsSurvived"],
    [{ assetsChecked: 5, assetsSurvived: 5, method: "remote", extra: 1 }, "extra"],
  ])("refuses %j with a field message and writes nothing", async (body, field) => {
    const team = await makeTeam();
    const install = await createInstall({ principal: team.asOwner, partnerId: team.partner.id, input: { stack: "shopify", siteUrl: "https://s.example.com", customerName: "S" }, now: T0 });
    const before = await rowCount(survivalChecks);
    await expect(recordReportedCheck({ principal: platform, input: { installId: install.id, ...body }, now: T0 })).rejects.toMatchObject({
      code: "validation_failed",
      fields: expect.objectContaining({ [field]: expect.any(Array) }),
    });
    expect(await rowCount(survivalChecks)).toBe(before);
  });

  it("an unknown install id is a 400 on installId, and a read-only key may not write", async () => {
    const before = await rowCount(survivalChecks);
    await expect(recordReportedCheck({ principal: platform, input: { installId: "ins_nope", assetsChecked: 1, assetsSurvived: 1, method: "remote" }, now: T0 })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { installId: ["No install with this id"] },
    });
    const team = await makeTeam();
    const install = await createInstall({ principal: team.asOwner, partnerId: team.partner.id, input: { stack: "custom", siteUrl: "https://c.example.com", customerName: "C" }, now: T0 });
    await expect(recordReportedCheck({ principal: readOnlyPlatform, input: { installId: install.id, assetsChecked: 1, assetsSurvived: 1, method: "remote" }, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(recordReportedCheck({ principal: team.asOwner, input: { installId: install.id, assetsChecked: 1, assetsSurvived: 1, method: "remote" }, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    expect(await rowCount(survivalChecks)).toBe(before);
  });

  it("the platform records self-serve installs; an externalRef is unique", async () => {
    const install = await createPlatformInstall({ principal: platform, input: { partnerId: null, stack: "shopify", siteUrl: "https://diy.example.com", customerName: "DIY", startedAt: T0.toISOString(), externalRef: "site-1" }, now: T0 });
    expect(install).toMatchObject({ partnerId: null, source: "api" });
    await expect(createPlatformInstall({ principal: platform, input: { partnerId: null, stack: "shopify", siteUrl: "https://diy.example.com", customerName: "DIY", startedAt: T0.toISOString(), externalRef: "site-1" }, now: T0 })).rejects.toMatchObject({ code: "conflict" });
    await expect(createPlatformInstall({ principal: platform, input: { partnerId: "ptr_missing", stack: "shopify", siteUrl: "https://x.example.com", customerName: "X", startedAt: T0.toISOString() }, now: T0 })).rejects.toMatchObject({ code: "validation_failed", fields: { partnerId: expect.any(Array) } });
    const team = await makeTeam();
    await expect(createPlatformInstall({ principal: team.asOwner, input: {}, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("check now and scheduled probes", () => {
  it("probes the sample assets, records each result with its reason, and verifies the install", async () => {
    const team = await makeTeam();
    const install = await createInstall({
      principal: team.asOwner,
      partnerId: team.partner.id,
      input: { stack: "wordpress", siteUrl: site, customerName: "Fixture", sampleUrls: [`${site}embedded.jpg`, `${site}remote.jpg`, `${site}embedded.png`] },
      now: T0,
    });
    const check = await runCheckNow({ principal: team.asMember, installId: install.id, now: new Date(T0.getTime() + 7 * MIN) });
    expect(check).toMatchObject({ assetsChecked: 3, assetsSurvived: 3, survivedEmbedded: 2, survivedRemote: 1, errors: 0, source: "probe" });
    const db = await getDb();
    const [reloaded] = await db.select().from(installs).where(eq(installs.id, install.id));
    expect(reloaded!.verifiedAt).toEqual(new Date(T0.getTime() + 7 * MIN));

    // Another partner (and admins without being asked as admins) cannot see it exists.
    const other = await makeTeam();
    await expect(runCheckNow({ principal: other.asOwner, installId: install.id, now: T0 })).rejects.toMatchObject({ code: "not_found" });
    // An admin may run it.
    const admin = await makeAdmin();
    await expect(runCheckNow({ principal: admin, installId: install.id, now: new Date(T0.getTime() + 8 * MIN) })).resolves.toMatchObject({ assetsSurvived: 3 });
  });

  it("records failures with their reasons and never crashes on a bad asset", async () => {
    const team = await makeTeam();
    const install = await createInstall({
      principal: team.asOwner,
      partnerId: team.partner.id,
      input: { stack: "custom", siteUrl: site, customerName: "Broken", sampleUrls: [`${site}stripped.jpg`, `${site}page.html`, `${site}loop.jpg`, `${site}broken-link.jpg`, `${site}embedded.jpg`, "http://127.0.0.1:1/none.jpg"] },
      now: T0,
    });
    const check = await runCheckNow({ principal: team.asOwner, installId: install.id, now: T0 });
    expect(check).toMatchObject({ assetsChecked: 6, assetsSurvived: 1, errors: 3 });
    const db = await getDb();
    const assets = await db.select().from(survivalCheckAssets).where(eq(survivalCheckAssets.checkId, check.id)).orderBy(survivalCheckAssets.position);
    expect(assets.map((a) => a.reason)).toEqual(["stripped", "not_image", "redirect_loop", "manifest_unreachable", null, "unreachable"]);
  });

  it("check now is limited to three runs a minute per install", async () => {
    const team = await makeTeam();
    const install = await createInstall({ principal: team.asOwner, partnerId: team.partner.id, input: { stack: "shopify", siteUrl: site, customerName: "Busy", sampleUrls: [`${site}embedded.jpg`] }, now: T0 });
    const at = new Date(T0.getTime() + 10 * MIN);
    for (let i = 0; i < 3; i++) await runCheckNow({ principal: team.asOwner, installId: install.id, now: at });
    await expect(runCheckNow({ principal: team.asOwner, installId: install.id, now: at })).rejects.toMatchObject({ code: "rate_limited" });
    await expect(runCheckNow({ principal: team.asOwner, installId: install.id, now: new Date(at.getTime() + 61_000) })).resolves.toBeTruthy();
  });

  it("the scheduled run claims due installs once and pushes them a day ahead", async () => {
    const team = await makeTeam();
    const install = await createInstall({ principal: team.asOwner, partnerId: team.partner.id, input: { stack: "shopify", siteUrl: site, customerName: "Sched", sampleUrls: [`${site}embedded.jpg`] }, now: T0 });
    const first = await runScheduledProbes({ now: new Date(T0.getTime() + MIN), maxInstalls: 500 });
    expect(first.processed).toBeGreaterThanOrEqual(1);
    const db = await getDb();
    const [row] = await db.select().from(installs).where(eq(installs.id, install.id));
    expect(row!.nextProbeAt).toEqual(new Date(T0.getTime() + MIN + 24 * 3600_000));
    const second = await runScheduledProbes({ now: new Date(T0.getTime() + 2 * MIN), maxInstalls: 500 });
    expect(second.processed).toBe(0);
  });

  it("a spent time budget releases the unstarted claims for the next run", async () => {
    const team = await makeTeam();
    await createInstall({ principal: team.asOwner, partnerId: team.partner.id, input: { stack: "shopify", siteUrl: site, customerName: "Late", sampleUrls: [`${site}embedded.jpg`] }, now: T0 });
    const now = new Date(T0.getTime() + 3 * 86_400_000);
    const r = await runScheduledProbes({ now, budgetMs: 0, maxInstalls: 500 });
    expect(r.processed).toBe(0);
    expect(r.skipped).toBeGreaterThanOrEqual(1);
    const again = await runScheduledProbes({ now, maxInstalls: 500 });
    expect(again.processed).toBe(r.skipped);
  });
});

describe("reports and evidence packs", () => {
  it("a report is public only once published by an owner", async () => {
    const team = await makeTeam();
    const install = await createInstall({ principal: team.asOwner, partnerId: team.partner.id, input: { stack: "wordpress", siteUrl: site, customerName: "Pub", sampleUrls: [`${site}embedded.jpg`] }, now: T0 });
    await runCheckNow({ principal: team.asOwner, installId: install.id, now: new Date(T0.getTime() + MIN) });
    const report = await createReport({ principal: team.asMember, installId: install.id, input: { periodDays: "30" }, now: new Date(T0.getTime() + 2 * MIN) });
    expect(await getPublishedReport(report.id)).toBeNull();
    await expect(setReportPublication({ principal: team.asMember, reportId: report.id, publish: true, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    const other = await makeTeam();
    await expect(setReportPublication({ principal: other.asOwner, reportId: report.id, publish: true, now: T0 })).rejects.toMatchObject({ code: "not_found" });
    await setReportPublication({ principal: team.asOwner, reportId: report.id, publish: true, now: new Date(T0.getTime() + 3 * MIN) });
    const data = await getPublishedReport(report.id);
    expect(data?.totals).toMatchObject({ checks: 1, checked: 1, survived: 1, embedded: 1, rate: 1 });
    expect(data?.sampled[0]?.verifyUrl).toBe(`https://contentcredentials.org/verify?source=${encodeURIComponent(`${site}embedded.jpg`)}`);
    await expect(createReport({ principal: team.asOwner, installId: install.id, input: { periodDays: 12 }, now: T0 })).rejects.toMatchObject({ code: "validation_failed" });
    await setReportPublication({ principal: team.asOwner, reportId: report.id, publish: false, now: new Date(T0.getTime() + 4 * MIN) });
    expect(await getPublishedReport(report.id)).toBeNull();
  });

  it("exports a zip with checks as CSV and JSON, the report and a hash manifest, and counts it", async () => {
    const team = await makeTeam();
    const install = await createInstall({ principal: team.asOwner, partnerId: team.partner.id, input: { stack: "wordpress", siteUrl: site, customerName: "=HYPERLINK(\"x\")", sampleUrls: [`${site}embedded.jpg`, `${site}stripped.jpg`] }, now: T0 });
    await runCheckNow({ principal: team.asOwner, installId: install.id, now: new Date(T0.getTime() + MIN) });
    const now = new Date(T0.getTime() + 2 * MIN);
    const pack = await exportEvidencePack({ principal: team.asMember, partnerId: team.partner.id, installId: install.id, now });
    expect(pack.filename).toMatch(/^evidence-pack-.*\.zip$/);
    const files = unzipSync(pack.zip);
    expect(Object.keys(files).sort()).toEqual(["README.txt", "assets.csv", "checks.csv", "checks.json", "installs.csv", "manifest.json", "report.html"]);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!));
    expect(manifest.generated_at).toBe(now.toISOString());
    for (const f of manifest.files) expect(sha256Hex(files[f.path]!)).toBe(f.sha256);
    const checksCsv = strFromU8(files["checks.csv"]!);
    expect(checksCsv.split("\n")[0]).toBe("check_id,install_id,customer,stack,checked_at,assets_checked,assets_survived,survived_embedded,survived_remote,errors,survival,source,note");
    expect(checksCsv).toContain(`"'=HYPERLINK(""x"")"`); // formula neutralised
    expect(JSON.parse(strFromU8(files["checks.json"]!))).toHaveLength(1);
    expect(strFromU8(files["assets.csv"]!)).toContain("stripped");
    expect(strFromU8(files["report.html"]!)).toContain("50.00%");
    expect(await countExports(team.partner.id)).toBe(1);
    await exportEvidencePack({ principal: team.asOwner, partnerId: team.partner.id, now });
    expect(await countExports(team.partner.id)).toBe(2);
    const admin = await makeAdmin();
    await expect(exportEvidencePack({ principal: admin, partnerId: team.partner.id, now })).rejects.toMatchObject({ code: "forbidden" });
    const db = await getDb();
    const [n] = await db.select({ n: count() }).from(evidenceExports).where(eq(evidenceExports.partnerId, team.partner.id));
    expect(n!.n).toBe(2);
  });
});

describe("rollups", () => {
  it("TTI percentiles in SQL match the pure function on the worked example, and a second run gives the same rows", async () => {
    const team = await makeTeam();
    const minutes = [4, 7, 9, 12, 15, 22, 40, 95, 180, 600];
    const base = new Date("2026-02-02T09:00:00Z"); // a Monday
    for (const [i, m] of minutes.entries()) {
      await createPlatformInstall({
        principal: platform,
        input: { partnerId: team.partner.id, stack: "wordpress", siteUrl: `https://s${i}.example.com`, customerName: `C${i}`, startedAt: base.toISOString(), verifiedAt: new Date(base.getTime() + m * MIN).toISOString() },
        now: T0,
      });
    }
    await createPlatformInstall({ principal: platform, input: { partnerId: team.partner.id, stack: "wordpress", siteUrl: "https://pending.example.com", customerName: "P", startedAt: base.toISOString() }, now: T0 });
    const selfServe = await createPlatformInstall({ principal: platform, input: { partnerId: null, stack: "wordpress", siteUrl: "https://self.example.com", customerName: "Self", startedAt: base.toISOString(), verifiedAt: new Date(base.getTime() + 3 * 3600_000).toISOString() }, now: T0 });
    const checkAt = (d: number) => new Date(T0.getTime() - d * 86_400_000);
    const [first] = await (await getDb()).select().from(installs).where(eq(installs.partnerId, team.partner.id)).limit(1);
    await recordReportedCheck({ principal: platform, input: { installId: first!.id, checkedAt: checkAt(3), assetsChecked: 1000, assetsSurvived: 998, method: "remote" }, now: T0 });
    await recordReportedCheck({ principal: platform, input: { installId: first!.id, checkedAt: checkAt(20), assetsChecked: 1000, assetsSurvived: 1000, survivedEmbedded: 400, survivedRemote: 600 }, now: T0 });
    await recordReportedCheck({ principal: platform, input: { installId: selfServe.id, checkedAt: checkAt(60), assetsChecked: 100, assetsSurvived: 90, method: "embedded" }, now: T0 });

    const db = await getDb();
    await runRollups(db, T0);
    const [tti] = await db.select().from(ttiRollups).where(sql`${ttiRollups.owner} = ${team.partner.id} and ${ttiRollups.stack} = 'wordpress'`);
    const pure = minutes.map((m) => m * 60);
    expect(tti).toMatchObject({ installsStarted: 11, installsVerified: 10 });
    expect(tti!.p50Seconds).toBeCloseTo(percentile(pure, 0.5)!, 6);
    expect(tti!.p95Seconds).toBeCloseTo(percentile(pure, 0.95)!, 6);
    expect(tti!.p50Seconds).toBeCloseTo(18.5 * 60, 6);
    expect(tti!.p95Seconds).toBeCloseTo(411 * 60, 6);
    const [weekly] = await db.select().from(ttiWeekly).where(sql`${ttiWeekly.owner} = ${team.partner.id} and ${ttiWeekly.stack} = 'all'`);
    expect(weekly).toMatchObject({ weekStart: "2026-02-02", installsVerified: 10 });

    const windows = await db.select().from(survivalWindows).where(sql`${survivalWindows.owner} = ${team.partner.id} and ${survivalWindows.stack} = 'all'`).orderBy(survivalWindows.windowDays);
    expect(windows.map((w) => [w.windowDays, w.checks, w.assetsChecked, w.assetsSurvived])).toEqual([
      [7, 1, 1000, 998],
      [30, 2, 2000, 1998],
      [90, 2, 2000, 1998],
    ]);
    const [self90] = await db.select().from(survivalWindows).where(sql`${survivalWindows.owner} = 'self_serve' and ${survivalWindows.stack} = 'all' and ${survivalWindows.windowDays} = 90`);
    expect(self90).toMatchObject({ assetsChecked: 100, assetsSurvived: 90 });
    const [day] = await db.select().from(survivalDaily).where(sql`${survivalDaily.owner} = ${team.partner.id} and ${survivalDaily.stack} = 'wordpress' and ${survivalDaily.day} = ${checkAt(20).toISOString().slice(0, 10)}`);
    expect(day).toMatchObject({ checks: 1, survivedEmbedded: 400, survivedRemote: 600 });

    const snapshot = async () => ({
      tti: await queryRows(db, sql`select * from tti_rollups order by owner, stack`),
      weekly: await queryRows(db, sql`select * from tti_weekly order by owner, stack, week_start`),
      daily: await queryRows(db, sql`select * from survival_daily order by owner, stack, day`),
      windows: await queryRows(db, sql`select * from survival_windows order by owner, stack, window_days`),
    });
    const once = await snapshot();
    await runRollups(db, T0);
    expect(await snapshot()).toEqual(once);
    // 'program' is partner-led only; self-serve stays apart.
    const programRows = await db.select().from(ttiRollups).where(sql`${ttiRollups.owner} = 'program' and ${ttiRollups.stack} = 'wordpress'`);
    const selfRows = await db.select().from(ttiRollups).where(sql`${ttiRollups.owner} = 'self_serve' and ${ttiRollups.stack} = 'wordpress'`);
    expect(selfRows[0]!.installsVerified).toBe(1);
    expect(programRows[0]!.installsStarted).toBeGreaterThanOrEqual(11);
  });
});
