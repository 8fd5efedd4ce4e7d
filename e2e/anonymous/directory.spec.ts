import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

test("the home page is the directory, listing the seeded partners", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /find a certified partner/i })).toBeVisible();
  const cards = page.getByTestId("partner-results").getByRole("listitem");
  await expect(cards).toHaveCount(24);
  await expect(page.getByText(/of 72 partners/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Brightpixel Studio" })).toBeVisible();
  await expectAccessible(page);
});

test("filters narrow the list and live in the URL", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("radio", { name: "Auditor" }).check();
  await page.getByRole("checkbox", { name: "Premier" }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/track=auditor/);
  await expect(page).toHaveURL(/tier=premier/);
  const cards = page.getByTestId("partner-results").getByRole("listitem");
  const count = await cards.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(24);
  for (const card of await cards.all()) {
    await expect(card.getByText("Auditor", { exact: true })).toBeVisible();
    await expect(card.getByText("Premier")).toBeVisible();
  }
});

test("a search with no match says so and offers a way back", async ({ page }) => {
  await page.goto("/?q=zzzz-no-such-partner");
  await expect(page.getByRole("heading", { name: "No partners match these filters" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByTestId("partner-results").getByRole("listitem")).toHaveCount(24);
});

test("a partner profile shows its details and proof links", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Ledgerline Assurance" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ledgerline Assurance" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Proof of work" })).toBeVisible();
  const verify = page.getByRole("link", { name: /^Verify/ }).first();
  await expect(verify).toHaveAttribute("href", /^https:\/\/contentcredentials\.org\/verify\?source=/);
  await expectAccessible(page);
});

test("unknown pages and partners get a real 404", async ({ page }) => {
  const res = await page.goto("/partners/no-such-partner");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await page.goto("/definitely/not/here"))?.status()).toBe(404);
});

test("the auditors page lists auditors only", async ({ page }) => {
  await page.goto("/auditors");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("evidence");
  const cards = page.getByTestId("partner-results").getByRole("listitem");
  expect(await cards.count()).toBeGreaterThan(5);
  for (const card of (await cards.all()).slice(0, 5)) await expect(card.getByText("Auditor", { exact: true })).toBeVisible();
});

test("console and admin send anonymous visitors to sign in and back", async ({ page }) => {
  await page.goto("/console/team");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fconsole%2Fteam/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
  await expectAccessible(page);
});
