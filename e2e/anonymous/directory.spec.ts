import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../helpers";

const cards = (page: Page) => page.getByTestId("partner-results").locator(":scope > li");
const facet = (page: Page, key: string, value: string) => page.locator(`[data-facet="${key}:${value}"]`);

test("the home page is the directory, 20 partners a page in rank order", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /find a certified partner/i })).toBeVisible();
  await expect(cards(page)).toHaveCount(20);
  await expect(page.getByText(/1–20 of 72 partners/)).toBeVisible();
  // Premier partners first: the first card is Premier.
  await expect(cards(page).first().getByText("Premier")).toBeVisible();
  await expect(page.getByRole("link", { name: "Brightpixel Studio" })).toBeVisible();
  // Facets show counts.
  await expect(facet(page, "track", "auditor")).toContainText(/Auditor\s*18/);
  await expectAccessible(page);
});

test("search and filters live in the URL, and the back button steps through them", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search partners" }).fill("studio");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=studio/);
  const searched = await cards(page).count();
  expect(searched).toBeGreaterThan(0);
  await expect(page.getByRole("heading", { name: /partners? for “studio”/ })).toBeVisible();

  await facet(page, "stack", "shopify").click();
  await expect(page).toHaveURL(/q=studio&stack=shopify/);
  const narrowed = await cards(page).count();
  expect(narrowed).toBeLessThanOrEqual(searched);
  await expect(facet(page, "stack", "shopify")).toHaveAttribute("aria-current", "true");

  // Shareable: the same URL in a fresh page gives the same results.
  const url = page.url();
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(cards(other)).toHaveCount(narrowed);
  await other.close();

  await page.goBack();
  await expect(page).toHaveURL(/\?q=studio$/);
  await expect(cards(page)).toHaveCount(searched);
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(cards(page)).toHaveCount(20);
});

test("pagination keeps the filters and stops at the last page", async ({ page }) => {
  await page.goto("/?track=installer");
  await expect(page.getByText(/of 34 partners/)).toBeVisible();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/track=installer&page=2/);
  await expect(cards(page)).toHaveCount(14);
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
  for (const card of (await cards(page).all()).slice(0, 3)) await expect(card.getByText("Installer", { exact: true })).toBeVisible();
  await page.goBack();
  await expect(cards(page)).toHaveCount(20);
});

test("no results suggests which filter to remove", async ({ page }) => {
  await page.goto("/?q=zzzz-no-such-partner&stack=shopify");
  await expect(page.getByRole("heading", { name: "No partners match these filters" })).toBeVisible();
  await page.getByRole("link", { name: /Remove the search text filter/ }).click();
  await expect(page).toHaveURL(/\?stack=shopify$/);
  expect(await cards(page).count()).toBeGreaterThan(0);
  // Unknown filter values do not break the page.
  await page.goto("/?region=mars&page=0");
  await expect(page.getByText("Some filters were not understood")).toBeVisible();
  await expect(cards(page)).toHaveCount(20);
});

test("a profile shows badges, proof links and evidence, and takes a contact request", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Brightpixel Studio" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Brightpixel Studio" })).toBeVisible();
  await expect(page.getByTestId("profile-badges").getByRole("link", { name: /Certified Installer/ })).toHaveAttribute("href", /^\/verify\/bdg_/);
  await expect(page.getByRole("link", { name: /^Verify/ }).first()).toHaveAttribute("href", /^https:\/\/contentcredentials\.org\/verify\?source=/);
  await expect(page.getByRole("heading", { name: "Measured results" })).toBeVisible();
  await expect(page.getByText("Credential survival (30 days)")).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Contact Brightpixel Studio" });
  await form.getByRole("button", { name: "Send message" }).click();
  await expect(form.getByText("Enter your name")).toBeVisible();
  await form.getByLabel("Your name").fill("Maya Lindqvist");
  await form.getByLabel("Work email").fill("maya@nordlys.example");
  await form.getByLabel("Company (optional)").fill("Nordlys Magazine");
  await form.getByLabel("What do you need?").fill("We need Content Credentials on 3,000 WordPress images before March.");
  await form.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByTestId("contact-sent")).toBeVisible();
});

test("the API answers the same partners as the page", async ({ page, request }) => {
  await page.goto("/?region=europe&stack=shopify");
  const onPage = await cards(page).getByRole("heading").allTextContents();
  const api = await (await request.get("/api/v1/partners?region=europe&stack=shopify")).json();
  expect(api.data.map((p: { name: string }) => p.name)).toEqual(onPage.map((t) => t.trim()));
  expect(api.total).toBe(onPage.length);
});

test("unknown pages and partners get a real 404", async ({ page }) => {
  const res = await page.goto("/partners/no-such-partner");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await page.goto("/definitely/not/here"))?.status()).toBe(404);
});

test("the auditor directory lists auditors with their capabilities", async ({ page }) => {
  await page.goto("/auditors");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("evidence");
  await expect(page.getByRole("heading", { name: "18 auditors" })).toBeVisible();
  for (const card of (await cards(page).all()).slice(0, 5)) await expect(card.getByText("Auditor", { exact: true })).toBeVisible();
  await facet(page, "badge", "certified").click();
  await expect(page).toHaveURL(/\/auditors\?badge=certified/);
  const certified = await cards(page).all();
  expect(certified.length).toBeGreaterThan(0);
  for (const card of certified.slice(0, 5)) await expect(card.getByText("SOC 2 evidence")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search partners" }).fill("ledgerline");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/auditors\?q=ledgerline&badge=certified/);
  await expect(cards(page)).toHaveCount(1);
  await expectAccessible(page);
});

test("console and admin send anonymous visitors to sign in and back", async ({ page }) => {
  await page.goto("/console/team");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fconsole%2Fteam/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
  await expectAccessible(page);
});
