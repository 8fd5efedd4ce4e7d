import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/console/payouts/export/route";
import { createPartnerApiKey } from "@/lib/api-keys/manage-keys";
import { runPayouts } from "@/lib/payouts/run";
import { addCommission, makePayee } from "@/lib/payouts/testing";
import { T0 } from "@/lib/testing/factories";
import { GET as getOne } from "./[id]/route";
import { GET as list } from "./route";

const OCT = new Date("2026-10-15T12:00:00.000Z");
const RUN = new Date("2026-12-01T06:00:00.000Z");

async function paidPartner(scopes: string[]) {
  const team = await makePayee();
  await addCommission(team.partner.id, 6_000, OCT);
  await addCommission(team.partner.id, -1_000, OCT, { kind: "clawback" });
  await runPayouts({ now: RUN, gateway: null });
  const { secret } = await createPartnerApiKey({ principal: team.asOwner, partnerId: team.partner.id, input: { name: "payouts", scopes }, now: T0 });
  return { ...team, secret };
}

type Handler = (req: NextRequest, route: never) => Promise<Response>;
const get = (handler: Handler, url: string, secret: string, params: Record<string, string> = {}) =>
  handler(new NextRequest(url, { headers: { authorization: `Bearer ${secret}` } }), { params: Promise.resolve(params) } as never);

describe("GET /api/v1/payouts", () => {
  it("lists the key's partner's payouts and returns one with lines that sum to its amount", async () => {
    const { secret } = await paidPartner(["payouts:read"]);
    const res = await get(list, "http://localhost/api/v1/payouts", secret);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { id: string; amount: { amount: number }; status: string; period: string }[] };
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ amount: { amount: 5_000, currency: "USD" }, status: "manual", period: "2026-10" });
    const one = await get(getOne, `http://localhost/api/v1/payouts/${body.data[0]!.id}`, secret, { id: body.data[0]!.id });
    const detail = (await one.json()) as { data: { lines: { amount: { amount: number }; kind: string }[] } };
    expect(detail.data.lines.map((l) => l.kind).sort()).toEqual(["clawback", "commission"]);
    expect(detail.data.lines.reduce((s, l) => s + l.amount.amount, 0)).toBe(5_000);
  });

  it("needs the payouts:read scope, rejects bad filters, and hides other partners' payouts", async () => {
    const mine = await paidPartner(["payouts:read"]);
    const other = await paidPartner(["payouts:read"]);
    const noScope = await paidPartner(["partner:read"]);
    expect((await get(list, "http://localhost/api/v1/payouts", noScope.secret)).status).toBe(403);
    const bad = await get(list, "http://localhost/api/v1/payouts?limit=0&status=lost", mine.secret);
    expect(bad.status).toBe(400);
    const theirs = (await (await get(list, "http://localhost/api/v1/payouts", other.secret)).json()) as { data: { id: string }[] };
    const res = await get(getOne, `http://localhost/api/v1/payouts/${theirs.data[0]!.id}`, mine.secret, { id: theirs.data[0]!.id });
    expect(res.status).toBe(404);
  });
});

describe("payouts CSV", () => {
  it("streams one row per line with quoting, for the partner's own payouts only", async () => {
    const team = await paidPartner(["payouts:read"]);
    const other = await paidPartner(["payouts:read"]);
    const res = await exportCsv(new NextRequest(`http://localhost/api/console/payouts/export?partnerId=${team.partner.id}`, { headers: { authorization: `Bearer ${team.secret}` } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await res.text();
    const lines = text.trim().split("\n");
    expect(lines[0]).toMatch(/^payout_id,partner,period,status/);
    expect(lines).toHaveLength(3);
    expect(text).toContain(",50.00,USD,");
    expect(text).toContain(",-10.00,");
    const denied = await exportCsv(new NextRequest(`http://localhost/api/console/payouts/export?partnerId=${other.partner.id}`, { headers: { authorization: `Bearer ${team.secret}` } }), { params: Promise.resolve({}) });
    expect(denied.status).toBe(403);
  });
});
