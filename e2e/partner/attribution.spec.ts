import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

const PLATFORM_KEY = "plk_demo_Provenant0Platform0Demo0Key";

test("a partner's link is clicked, the visitor signs up and pays, and the partner sees the commission", async ({ page, browser, request, baseURL }) => {
  // The owner creates a link in the console.
  await page.goto("/console/links");
  const code = `e2e-${Date.now().toString(36)}`;
  // Our own site is an allowed destination (the app's host), so the visitor lands on a real page.
  await page.getByLabel("Destination").fill(`${baseURL}/auditors`);
  await page.getByLabel("Campaign (optional)").fill("e2e-launch");
  await page.getByLabel("Code (optional)").fill(code);
  await page.getByRole("button", { name: "Create link" }).click();
  const url = (await page.getByTestId("new-link-url").textContent())!.trim();
  expect(url).toBe(`${baseURL}/r/${code}`);
  await expect(page.getByRole("row", { name: new RegExp(`/r/${code}`) })).toBeVisible();

  // A visitor (no session, an ordinary browser: headless user agents count as bots) follows it to the program's site.
  const visitor = await browser.newContext({
    storageState: undefined,
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  });
  const tab = await visitor.newPage();
  const response = await tab.goto(url);
  expect(response?.request().redirectedFrom()?.url()).toBe(url);
  const landed = new URL(tab.url());
  expect(landed.pathname).toBe("/auditors");
  expect(Object.fromEntries(landed.searchParams)).toMatchObject({ utm_source: "partner", utm_medium: "referral", utm_campaign: "e2e-launch" });
  expect(landed.searchParams.get("pp_partner")).toMatch(/^ptr_/);
  const cookie = (await visitor.cookies(baseURL)).find((c) => c.name === "pp_ref");
  expect(cookie?.value).toMatch(/^clk_/);
  expect(cookie?.sameSite).toBe("Lax");
  expect(landed.searchParams.get("pp_click")).toBe(cookie!.value);
  await visitor.close();

  // The platform reports the signup and the payment with the click id.
  const customerId = `cus_e2e_${Date.now().toString(36)}`;
  const headers = { authorization: `Bearer ${PLATFORM_KEY}`, "idempotency-key": `${customerId}-signup` };
  const signup = await request.post("/api/v1/conversions", { headers, data: { type: "signup", customerId, customerDomain: "e2e-buyer.example", clickId: cookie!.value } });
  expect(signup.status()).toBe(201);
  expect((await signup.json()).data).toMatchObject({ status: "matched", matchedVia: "click" });
  // The same request again (same idempotency key) is replayed, not recorded twice.
  const replay = await request.post("/api/v1/conversions", { headers, data: { type: "signup", customerId, customerDomain: "e2e-buyer.example", clickId: cookie!.value } });
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  const paid = await request.post("/api/v1/conversions", {
    headers: { authorization: `Bearer ${PLATFORM_KEY}`, "idempotency-key": `${customerId}-paid` },
    data: { type: "paid", customerId, amount: 49_900, currency: "USD", sku: "provenance-pro" },
  });
  expect(paid.status()).toBe(201);
  expect((await paid.json()).data).toMatchObject({ status: "matched", matchedVia: "customer" });

  // The partner sees it: 30% of $499.00 (Premier) and the Pro bounty, pending for 30 days.
  await page.goto("/console/commissions");
  const rows = page.getByRole("row", { name: new RegExp(customerId) });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "$149.70" })).toContainText("Pending");
  await expect(rows.filter({ hasText: "$100.00" })).toContainText("Bounty");
  await expectAccessible(page);

  await page.goto("/console/links");
  await expect(page.getByRole("row", { name: new RegExp(`/r/${code}`) }).getByRole("cell").nth(3)).toHaveText("1");
});

test("unknown link codes get a friendly 404; links to other sites are refused", async ({ page, request }) => {
  const res = await request.get("/r/no-such-link-here", { maxRedirects: 0 });
  expect(res.status()).toBe(404);
  expect(await res.text()).toContain("This link does not exist");

  await page.goto("/console/links");
  await page.getByLabel("Destination").fill("https://evil.example/phish");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByText(/Links may only point to the program's own sites/)).toBeVisible();
});

test("a partner registers an opportunity and sees it with its stage", async ({ page }) => {
  await page.goto("/console/deals/new");
  const domain = `e2e-${Date.now().toString(36)}.example`;
  await page.getByLabel("Company", { exact: true }).fill("E2E Prospect Inc");
  await page.getByLabel("Company domain").fill(domain);
  await page.getByLabel("Contact name").fill("Pat Prospect");
  await page.getByLabel("Contact email").fill(`pat@${domain}`);
  await page.getByLabel("Estimated first-year value").fill("12000");
  await page.getByLabel("Provenance Pro").check();
  await page.getByRole("button", { name: "Register opportunity" }).click();
  await expect(page.getByTestId("deal-registered")).toContainText("protected until");
  await expect(page.getByRole("heading", { level: 1, name: "E2E Prospect Inc" })).toBeVisible();
  await expect(page.getByText("$12,000.00")).toBeVisible();
  await page.goto("/console/deals");
  await expect(page.getByRole("row", { name: /E2E Prospect Inc/ })).toContainText("Registered");
  await expectAccessible(page);
});
