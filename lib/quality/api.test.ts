import { count } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as getInstall } from "@/app/api/v1/installs/[id]/route";
import { GET as getChecks } from "@/app/api/v1/installs/[id]/checks/route";
import { GET as listInstalls, POST as postInstall } from "@/app/api/v1/installs/route";
import { POST as postCheck } from "@/app/api/v1/survival-checks/route";
import { getDb } from "@/db/client";
import { installs, survivalChecks } from "@/db/schema";
import { createPartnerApiKey, createPlatformApiKey } from "@/lib/api-keys/manage-keys";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";

// The platform API for installs and checks, through the real route handlers.

function req(path: string, init: { method?: string; key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(`http://localhost:3000${path}`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}
const none = { params: Promise.resolve({}) };
const id = (v: string) => ({ params: Promise.resolve({ id: v }) });

async function rows(table: typeof installs | typeof survivalChecks) {
  const [r] = await (await getDb()).select({ n: count() }).from(table);
  return r!.n;
}

describe("platform API: installs and survival checks", () => {
  it("records installs (partner-led and self-serve) and checks; 400s write nothing; partner keys read their own", async () => {
    const admin = await makeAdmin();
    const { secret: platform } = await createPlatformApiKey({ principal: admin, input: { name: "p", scopes: ["platform:read", "platform:write"] }, now: T0 });
    const team = await makeTeam();
    const other = await makeTeam();

    const created = await postInstall(
      req("/api/v1/installs", { method: "POST", key: platform, headers: { "idempotency-key": "inst-1" }, body: { partnerId: team.partner.id, stack: "wordpress", siteUrl: "https://a.example.com", customerName: "A", startedAt: "2026-03-01T10:00:00Z" } }),
      none,
    );
    expect(created.status).toBe(201);
    const install = (await created.json()).data;
    expect(install).toMatchObject({ partnerId: team.partner.id, selfServe: false, verifiedAt: null });
    // The same Idempotency-Key replays the first answer instead of recording a second install.
    const before = await rows(installs);
    const replay = await postInstall(
      req("/api/v1/installs", { method: "POST", key: platform, headers: { "idempotency-key": "inst-1" }, body: { partnerId: team.partner.id, stack: "wordpress", siteUrl: "https://a.example.com", customerName: "A", startedAt: "2026-03-01T10:00:00Z" } }),
      none,
    );
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await replay.json()).data.id).toBe(install.id);
    expect(await rows(installs)).toBe(before);

    const selfServe = await postInstall(req("/api/v1/installs", { method: "POST", key: platform, body: { partnerId: null, stack: "shopify", siteUrl: "https://b.example.com", customerName: "B", startedAt: "2026-03-01T10:00:00Z" } }), none);
    expect((await selfServe.json()).data.selfServe).toBe(true);

    const checksBefore = await rows(survivalChecks);
    for (const [body, field] of [
      [{ installId: "ins_unknown", assetsChecked: 3, assetsSurvived: 3, method: "remote" }, "installId"],
      [{ installId: install.id, assetsChecked: -3, assetsSurvived: 0 }, "assetsChecked"],
      [{ installId: install.id, assetsChecked: 3, assetsSurvived: 4, method: "remote" }, "assetsSurvived"],
      // Larger than any check (and than the database's integer column): a 400, not a 500.
      [{ installId: install.id, assetsChecked: 9007199254740991, assetsSurvived: 2, method: "embedded" }, "assetsChecked"],
    ] as const) {
      const res = await postCheck(req("/api/v1/survival-checks", { method: "POST", key: platform, body }), none);
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields[field]).toBeDefined();
    }
    expect(await rows(survivalChecks)).toBe(checksBefore);

    const ok = await postCheck(req("/api/v1/survival-checks", { method: "POST", key: platform, body: { installId: install.id, checkedAt: "2026-03-01T10:09:00Z", assetsChecked: 20, assetsSurvived: 20, method: "remote" } }), none);
    expect(ok.status).toBe(201);
    const one = await (await getInstall(req(`/api/v1/installs/${install.id}`, { key: platform }), id(install.id))).json();
    expect(one.data).toMatchObject({ verifiedAt: "2026-03-01T10:09:00.000Z", ttiSeconds: 540 });

    // A partner key with installs:read sees its own installs and checks, not another partner's.
    const { secret: partnerKey } = await createPartnerApiKey({ principal: team.asOwner, partnerId: team.partner.id, input: { name: "k", scopes: ["installs:read"] }, now: T0 });
    const mine = await (await listInstalls(req("/api/v1/installs", { key: partnerKey }), none)).json();
    expect(mine.data.map((i: { id: string }) => i.id)).toEqual([install.id]);
    const checks = await (await getChecks(req(`/api/v1/installs/${install.id}/checks`, { key: partnerKey }), id(install.id))).json();
    expect(checks.data).toHaveLength(1);
    const { secret: otherKey } = await createPartnerApiKey({ principal: other.asOwner, partnerId: other.partner.id, input: { name: "k", scopes: ["installs:read"] }, now: T0 });
    expect((await getInstall(req(`/api/v1/installs/${install.id}`, { key: otherKey }), id(install.id))).status).toBe(404);
    // Partner keys cannot record installs or checks.
    expect((await postInstall(req("/api/v1/installs", { method: "POST", key: partnerKey, body: {} }), none)).status).toBe(403);

    // Platform keys page through everything with a cursor.
    const page1 = await (await listInstalls(req("/api/v1/installs?limit=1", { key: platform }), none)).json();
    expect(page1.data).toHaveLength(1);
    const page2 = await (await listInstalls(req(`/api/v1/installs?limit=1&cursor=${page1.nextCursor}`, { key: platform }), none)).json();
    expect(page2.data[0].id).not.toBe(page1.data[0].id);
    const selfOnly = await (await listInstalls(req("/api/v1/installs?partnerId=self_serve", { key: platform }), none)).json();
    expect(selfOnly.data.every((i: { selfServe: boolean }) => i.selfServe)).toBe(true);
  });
});
