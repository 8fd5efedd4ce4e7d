import { createPublicKey, verify } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { demoSignIn, expectAccessible } from "../helpers";

/** One badge id per state, read from the admin badge lookup's state filter (anonymous visitors have no listing of badges). */
async function badgeIdsByState(browser: Browser): Promise<Record<string, string>> {
  const ctx = await browser.newContext({ storageState: undefined });
  const page = await ctx.newPage();
  await demoSignIn(page, "Avery Admin");
  const out: Record<string, string> = {};
  for (const state of ["active", "probation", "expired", "revoked"]) {
    await page.goto(`/admin/badges?state=${state}`);
    const row = page.getByTestId("admin-badge-row").first();
    if ((await row.count()) === 0) continue;
    const label = (await row.getByTestId("badge-state").textContent())!.trim();
    out[label] = (await row.locator("a[href^='/verify/']").textContent())!.trim();
  }
  await ctx.close();
  return out;
}

test("a badge image is served with an ETag, answers 304, and a revoked badge says so on its image and verification page", async ({ request, page, browser }) => {
  const ids = await badgeIdsByState(browser);
  expect(Object.keys(ids)).toEqual(expect.arrayContaining(["Active", "Revoked", "Expired", "Probation"]));

  const res = await request.get(`/badges/${ids.Active}.svg?size=lg`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("image/svg+xml");
  expect(res.headers()["access-control-allow-origin"]).toBe("*");
  expect(res.headers()["cache-control"]).toContain("stale-while-revalidate");
  const etag = res.headers().etag!;
  const again = await request.get(`/badges/${ids.Active}.svg?size=lg`, { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
  const png = await request.get(`/badges/${ids.Active}.png`);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");

  expect((await request.get("/badges/bdg_doesnotexist00000000.svg")).status()).toBe(404);
  expect((await request.get(`/badges/${ids.Active}.svg?size=huge`)).status()).toBe(400);

  const revokedSvg = await (await request.get(`/badges/${ids.Revoked}.svg`)).text();
  expect(revokedSvg).toContain(">REVOKED<");
  expect(await (await request.get(`/badges/${ids.Expired}.svg`)).text()).toContain(">EXPIRED<");

  await page.goto(`/verify/${ids.Revoked}`);
  await expect(page.getByTestId("verify-verdict")).toContainText("This badge was revoked");
  await expect(page.getByTestId("badge-state")).toHaveText("Revoked");
  await expectAccessible(page);
});

test("the verification page and the signed assertion check out with the published key", async ({ request, page, browser }) => {
  const ids = await badgeIdsByState(browser);
  await page.goto(`/verify/${ids.Active}`);
  await expect(page.getByTestId("verify-verdict")).toContainText("This badge is valid");
  await expect(page.getByRole("heading", { name: "Evidence summary" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verify it yourself" })).toBeVisible();

  const { jws } = await (await request.get(`/verify/${ids.Active}/assertion.json`)).json();
  const { publicKeyJwk } = await (await request.get("/.well-known/badge-issuer.json")).json();
  const [h, p, s] = (jws as string).split(".");
  expect(verify(null, Buffer.from(`${h}.${p}`), createPublicKey({ key: publicKeyJwk, format: "jwk" }), Buffer.from(s!, "base64url"))).toBe(true);
  expect(JSON.parse(Buffer.from(p!, "base64url").toString())).toMatchObject({ type: "Assertion", status: "active" });
  expect((await request.get("/verify/bdg_doesnotexist00000000/assertion.json")).status()).toBe(404);
  expect((await page.goto("/verify/bdg_doesnotexist00000000"))?.status()).toBe(404);
});
