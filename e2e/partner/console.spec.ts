import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

test("a partner owner lands on their own console", async ({ page }) => {
  await page.goto("/console");
  await expect(page.getByRole("heading", { level: 1, name: "Brightpixel Studio" })).toBeVisible();
  await expect(page.getByText("Welcome back, Olivia")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Console" });
  for (const item of ["Overview", "Directory listing", "Team", "API keys", "Activity"]) {
    await expect(nav.getByRole("link", { name: item })).toBeVisible();
  }
  await expectAccessible(page);
});

test("another partner's console is refused with 403", async ({ page, request }) => {
  const other = await (await request.get("/api/v1/partners/ledgerline-assurance")).json();
  const res = await page.goto(`/console?partner=${other.data.id}`);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByText("Ledgerline Assurance")).toHaveCount(0);
});

test("the admin area is refused to a partner user with 403", async ({ page }) => {
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);
});

test("editing the listing validates fields and updates the public profile", async ({ page }) => {
  await page.goto("/console/listing");
  const sla = page.getByLabel("Response time (hours)");
  await sla.fill("0");
  await page.getByRole("button", { name: "Save listing" }).click();
  await expect(page.getByText("At least 1 hour")).toBeVisible();

  await sla.fill("6");
  await page.getByLabel("Tagline").fill("Provenance that survives every CDN hop");
  await page.getByRole("button", { name: "Save listing" }).click();
  await expect(page.getByTestId("listing-saved")).toBeVisible();

  await page.goto("/partners/brightpixel-studio");
  await expect(page.getByText("Provenance that survives every CDN hop").first()).toBeVisible();
  await expect(page.getByText("Within 6 hours")).toBeVisible();

  await page.goto("/console/activity");
  await expect(page.getByText("Listing updated").first()).toBeVisible();
  await expect(page.getByText(/tagline: .* → Provenance that survives/).first()).toBeVisible();
});

test("an owner creates an API key, sees it once, uses it and revokes it", async ({ page, request }) => {
  await page.goto("/console/api-keys");
  await page.getByLabel("Name").fill("E2E key");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-key-secret").textContent())!.trim();
  expect(secret).toMatch(/^ppk_live_/);

  const me = await request.get("/api/v1/partner", { headers: { authorization: `Bearer ${secret}` } });
  expect((await me.json()).data.slug).toBe("brightpixel-studio");

  await page.reload();
  await expect(page.getByTestId("new-key-secret")).toHaveCount(0);
  const row = page.getByRole("row", { name: /E2E key/ });
  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: /Revoke/ }).click();
  await expect(page.getByRole("row", { name: /E2E key/ }).getByText(/Revoked/)).toBeVisible();
  expect((await request.get("/api/v1/partner", { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(401);
});

test("the team page lists members and refuses to remove the last owner", async ({ page }) => {
  await page.goto("/console/team");
  await expect(page.getByRole("row", { name: /Olivia Owner/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Marco Member/ })).toBeVisible();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("row", { name: /Olivia Owner/ }).getByRole("button", { name: /Remove/ }).click();
  await expect(page.getByTestId("team-result")).toContainText("at least one owner");
  await expectAccessible(page);
});
