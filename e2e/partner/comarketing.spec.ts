import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

test("a partner generates a co-branded one-pager, previews it and downloads the PDF and the social card", async ({ page }) => {
  await page.goto("/console/marketing");
  await expect(page.getByRole("heading", { name: "Co-marketing", level: 1 })).toBeVisible();
  await expectAccessible(page);
  const headline = `Green in fifteen minutes ${Date.now().toString(36)}`;
  await page.getByLabel("Template").selectOption({ label: "The 15-minute green checklist" });
  await page.getByLabel("Headline").fill(headline);
  await page.getByRole("button", { name: "Generate one-pager" }).click();
  await page.waitForURL(/\/console\/marketing\/one-pagers\/opg_/);
  await expect(page.getByRole("heading", { name: headline })).toBeVisible();

  // The preview is the printed page itself: the partner's name, the checklist and its proof links.
  const preview = page.frameLocator('iframe[title="One-pager preview"]');
  await expect(preview.getByRole("heading", { name: headline })).toBeVisible();
  await expect(preview.getByText("Brightpixel Studio").first()).toBeVisible();
  await expect(preview.getByText("Run a survival check on five real pages")).toBeVisible();
  await expect(preview.getByRole("link", { name: /brightpixel-studio\.example\.com/ }).first()).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^brightpixel-studio-green-checklist\.pdf$/);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.byteLength).toBeGreaterThan(5_000);

  const cardHref = await page.getByRole("link", { name: "Download social card (PNG)" }).getAttribute("href");
  const card = await page.request.get(cardHref!);
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");
  expect((await card.body()).subarray(1, 4).toString("latin1")).toBe("PNG");
});

test("a partner requests MDF within the remaining budget; an over-budget request is refused", async ({ page }) => {
  await page.goto("/console/mdf");
  await expect(page.getByRole("heading", { name: "Market development funds" })).toBeVisible();
  await expect(page.getByTestId("mdf-remaining")).toBeVisible();
  await expectAccessible(page);
  const form = page.getByTestId("mdf-request-form");
  const title = `E2E storefront webinar ${Date.now().toString(36)}`;
  await form.getByLabel("Activity type").selectOption("webinar");
  await form.getByLabel("Activity name").fill(title);
  await form.getByLabel("Amount requested (USD)").fill("999999");
  await form.getByLabel("Expected leads").fill("25");
  await form.getByRole("button", { name: "Request funds" }).click();
  await expect(form.getByText(/Over budget/).first()).toBeVisible();

  await form.getByLabel("Amount requested (USD)").fill("750");
  await form.getByRole("button", { name: "Request funds" }).click();
  await page.waitForURL(/\/console\/mdf\/mdf_[0-9a-z]+\?requested=1/);
  await expect(page.getByTestId("mdf-requested-alert")).toContainText("$750.00");
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("Pending review").first()).toBeVisible();

  await page.goto("/console/mdf?status=pending");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("a partner creates a webinar; a prospect registers on its public page and shows up as a qualified lead", async ({ page, browser }) => {
  await page.goto("/console/marketing/webinars");
  const title = `Survival live ${Date.now().toString(36)}`;
  const form = page.getByTestId("webinar-form");
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Starts at (UTC)").fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16));
  await form.getByRole("button", { name: "Create webinar" }).click();
  const link = page.getByRole("link", { name: title });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/webinars\/survival-live-/);

  const visitor = await browser.newContext({ storageState: undefined });
  const tab = await visitor.newPage();
  await tab.goto(href);
  await expect(tab.getByRole("heading", { name: title })).toBeVisible();
  await expectAccessible(tab);
  await tab.getByLabel("Full name").fill("Rita Buyer");
  await tab.getByLabel("Work email").fill(`rita.${Date.now().toString(36)}@acme-retail.example`);
  await tab.getByLabel("Company", { exact: true }).fill("Acme Retail");
  await tab.getByLabel("Company size").selectOption("201-1000");
  await tab.getByLabel("Your role").selectOption("marketing");
  await tab.getByRole("checkbox").check();
  await tab.getByRole("button", { name: "Register" }).click();
  await expect(tab.getByTestId("registration-done")).toBeVisible();
  await visitor.close();

  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
});
