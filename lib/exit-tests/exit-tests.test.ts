import { eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { exitTestRuns, installs, npsInvitations, npsResponses, npsSurveys } from "@/db/schema";
import { publishNpsQuarter } from "@/lib/analytics/publish-nps";
import { findPublication } from "@/lib/analytics/store";
import type { NpsPublicationSnapshot } from "@/lib/analytics/nps-publication";
import { sha256Hex } from "@/lib/evidence/package-builder";
import { makeAdmin, makePartner, makeUser, userPrincipal } from "@/lib/testing/factories";
import { runExitTests } from "./run-exit-tests";
import { signOffRun } from "./sign-off";
import { exitTestPackage, getExitTestsView } from "./views";

const NOW = new Date("2026-11-20T12:00:00.000Z");
const MIN = 60_000;

async function makeExec() {
  const u = await makeUser({ role: "admin", isExec: true, name: "Erin Exec" });
  return userPrincipal(u.id);
}

describe("exit tests on the live database", () => {
  it("with no data every test FAILs with 'not enough data', and the run is stored with its package", async () => {
    const admin = await makeAdmin();
    const run = await runExitTests({ now: NOW, trigger: "admin", principal: admin });
    expect(run.passed).toBe(false);
    expect(run.results.map((r) => r.status)).toEqual(["FAIL", "FAIL", "FAIL"]);
    for (const r of run.results) expect(r.reasons[0]).toMatch(/^not enough data: /);
    expect(run.results[2]!.reasons).toContain("not enough data: no webinar registrations");

    const view = await getExitTestsView(admin, { page: 1, pageSize: 10 });
    expect(view.total).toBe(1);
    expect(view.selected?.check.intact).toBe(true);
    expect(view.canSign).toBe(false);
  });

  it("runs are refused to partners and anonymous callers", async () => {
    await expect(runExitTests({ now: NOW, trigger: "admin", principal: null })).rejects.toMatchObject({ code: "unauthorized" });
    const u = await makeUser();
    await expect(runExitTests({ now: NOW, trigger: "admin", principal: await userPrincipal(u.id) })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("TTI passes with enough partner and self-serve installs; the package's files match its manifest", async () => {
    const db = await getDb();
    const partner = await makePartner();
    const rows = [
      ...[6, 8, 9, 10, 11, 12, 13, 14, 15, 18, 22].map((m, i) => ({ partnerId: partner.id, m, i })),
      ...[35, 40, 44, 50, 55, 58, 61, 70, 75, 90, 120].map((m, i) => ({ partnerId: null, m, i: i + 50 })),
    ];
    await db.insert(installs).values(
      rows.map(({ partnerId, m, i }) => {
        const startedAt = new Date(NOW.getTime() - (i + 10) * 86_400_000);
        return { partnerId, stack: "wordpress" as const, siteUrl: `https://s${i}.example`, customerName: `C${i}`, startedAt, verifiedAt: new Date(startedAt.getTime() + m * MIN), source: "api" as const };
      }),
    );
    const run = await runExitTests({ now: NOW, trigger: "cli" });
    const tti = run.results[1]!;
    expect(tti.status).toBe("PASS");
    expect(tti.figures).toMatchObject({ n_partner: 11, n_self_serve: 11, p50_partner_s: 12 * 60, p50_self_serve_s: 58 * 60 });
    expect(tti.figures.mann_whitney_p as number).toBeLessThan(0.05);

    const pkg = await exitTestPackage(await makeAdmin(), run.id);
    const files = unzipSync(pkg.zip);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as { files: { path: string; sha256: string }[]; generated_at: string };
    expect(manifest.generated_at).toBe(NOW.toISOString());
    expect(manifest.files.map((f) => f.path)).toContain("test-2-tti/installs.csv");
    for (const f of manifest.files) expect(sha256Hex(files[f.path]!)).toBe(f.sha256);
    expect(sha256Hex(files["manifest.json"]!)).toBe(run.manifestSha256);
    expect(strFromU8(files["test-2-tti/installs.csv"]!).split("\n")[0]).toBe("install_id,group,partner_id,stack,started_at,verified_at,tti_seconds");
  });

  it("only an exec signs, once; a changed package no longer matches its signature and cannot be signed", async () => {
    const db = await getDb();
    const run = await runExitTests({ now: NOW, trigger: "cron" });
    const input = { runId: run.id, packageSha256: run.manifestSha256, confirm: true };
    await expect(signOffRun({ principal: await makeAdmin(), input, now: NOW })).rejects.toMatchObject({ code: "forbidden" });
    const exec = await makeExec();
    await expect(signOffRun({ principal: exec, input: { ...input, confirm: false }, now: NOW })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(signOffRun({ principal: exec, input: { ...input, packageSha256: "0".repeat(64) }, now: NOW })).rejects.toMatchObject({ code: "validation_failed" });
    const signed = await signOffRun({ principal: exec, input, now: NOW });
    expect(signed.packageSha256).toBe(run.manifestSha256);
    await expect(signOffRun({ principal: exec, input, now: NOW })).rejects.toMatchObject({ code: "conflict" });

    let view = await getExitTestsView(exec, { page: 1, pageSize: 10, runId: run.id });
    expect(view.selected?.signoffs.map((s) => [s.signerName, s.matches])).toEqual([["Erin Exec", true]]);

    // Someone edits an extract after the signature.
    await db
      .update(exitTestRuns)
      .set({ packageFiles: sql`jsonb_set(${exitTestRuns.packageFiles}, '{results.json}', '"{\\"passed\\": true}"')` })
      .where(eq(exitTestRuns.id, run.id));
    view = await getExitTestsView(exec, { page: 1, pageSize: 10, runId: run.id });
    expect(view.selected?.check).toMatchObject({ intact: false, changedFiles: ["results.json"] });
    expect(view.selected?.signoffs[0]?.matches).toBe(false);
    const other = await makeExec();
    await expect(signOffRun({ principal: other, input, now: NOW })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("NPS quarter publication", () => {
  async function seedQuarter(quarter: string, closesAt: Date, scores: { audience: "customer" | "partner"; score: number; at: Date }[]) {
    const db = await getDb();
    const partner = await makePartner();
    const ids: Record<string, string> = {};
    for (const audience of ["customer", "partner"] as const) {
      const [s] = await db.insert(npsSurveys).values({ audience, quarter, openedAt: new Date(closesAt.getTime() - 60 * 86_400_000), closesAt }).onConflictDoNothing().returning();
      ids[audience] = s?.id ?? (await db.select().from(npsSurveys).where(sql`${npsSurveys.audience} = ${audience} and ${npsSurveys.quarter} = ${quarter}`))[0]!.id;
    }
    let k = 0;
    for (const s of scores) {
      const [inv] = await db
        .insert(npsInvitations)
        .values({ surveyId: ids[s.audience]!, partnerId: partner.id, email: `r${k++}-${Math.random()}@x.example`, tokenHash: `h${Math.random()}`, sentAt: s.at, expiresAt: closesAt, respondedAt: s.at })
        .returning();
      await db.insert(npsResponses).values({ invitationId: inv!.id, surveyId: ids[s.audience]!, audience: s.audience, quarter, partnerId: partner.id, score: s.score, respondedAt: s.at });
    }
  }

  it("freezes the figures: later answers do not change a published quarter; a quarter is published once", async () => {
    const end = new Date("2026-10-01T00:00:00.000Z");
    const at = new Date("2026-08-15T00:00:00.000Z");
    // Partners: 10, 9, 8, 6 -> 2 promoters, 1 passive, 1 detractor: NPS 25.
    await seedQuarter("2026-Q3", end, [10, 9, 8, 6].map((score) => ({ audience: "partner" as const, score, at })));
    const admin = await makeAdmin();
    await expect(publishNpsQuarter({ principal: admin, input: { quarter: "2026-Q4" }, now: NOW })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(publishNpsQuarter({ principal: admin, input: { quarter: "2026-13" }, now: NOW })).rejects.toMatchObject({ code: "validation_failed", fields: { quarter: ["A quarter like 2026-Q3"] } });
    const p = await publishNpsQuarter({ principal: admin, input: { quarter: "2026-Q3" }, now: NOW });
    expect(p.snapshot.partner).toMatchObject({ n: 4, promoters: 2, passives: 1, detractors: 1, nps: 25, invited: 4 });
    expect(p.snapshot.methodology.exclusions.length).toBeGreaterThan(0);

    // A late answer and an on-time one arriving after publication change nothing published.
    await seedQuarter("2026-Q3", end, [{ audience: "partner", score: 0, at }, { audience: "partner", score: 0, at: new Date(end.getTime() + 86_400_000) }]);
    const stored = await findPublication(await getDb(), "2026-Q3");
    expect((stored!.snapshot as NpsPublicationSnapshot).partner.nps).toBe(25);
    await expect(publishNpsQuarter({ principal: admin, input: { quarter: "2026-Q3" }, now: NOW })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses an empty quarter and non-admins", async () => {
    await expect(publishNpsQuarter({ principal: await makeAdmin(), input: { quarter: "2025-Q1" }, now: NOW })).rejects.toMatchObject({ code: "validation_failed" });
    const u = await makeUser();
    await expect(publishNpsQuarter({ principal: await userPrincipal(u.id), input: { quarter: "2025-Q1" }, now: NOW })).rejects.toMatchObject({ code: "forbidden" });
  });
});
