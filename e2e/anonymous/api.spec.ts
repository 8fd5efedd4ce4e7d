import { expect, test } from "@playwright/test";

const DEMO_KEY = "ppk_demo_Brightpixel0Studio0Demo0Key";

test("the public API lists partners and validates filters", async ({ request }) => {
  const ok = await request.get("/api/v1/partners?track=installer&pageSize=5");
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.data).toHaveLength(5);
  expect(body.data.every((p: { track: string }) => p.track === "installer")).toBe(true);

  const bad = await request.get("/api/v1/partners?tier=gold&pageSize=1000");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields).toMatchObject({ tier: [expect.stringContaining("gold")], pageSize: [expect.any(String)] });

  expect((await request.get("/api/v1/partners/ptr_doesnotexist")).status()).toBe(404);
});

test("the partner API needs a valid key and answers with that partner only", async ({ request }) => {
  expect((await request.get("/api/v1/partner")).status()).toBe(401);
  expect((await request.get("/api/v1/partner", { headers: { authorization: "Bearer ppk_live_wrongwrongwrongwrong" } })).status()).toBe(401);
  const me = await request.get("/api/v1/partner", { headers: { authorization: `Bearer ${DEMO_KEY}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).data.name).toBe("Brightpixel Studio");

  const bad = await request.patch("/api/v1/partner", {
    headers: { authorization: `Bearer ${DEMO_KEY}`, "content-type": "application/json" },
    data: Buffer.from('{"slaResponseHours": "soon"'),
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("bad_request");

  const invalid = await request.patch("/api/v1/partner", {
    headers: { authorization: `Bearer ${DEMO_KEY}` },
    data: { slaResponseHours: 0, regions: ["mars"] },
  });
  expect(invalid.status()).toBe(400);
  expect(Object.keys((await invalid.json()).error.fields).sort()).toEqual(["regions.0", "slaResponseHours"]);
});
