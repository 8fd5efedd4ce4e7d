import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("a partner previews a badge, copies its snippet, the image loads on a test page and links to a valid verification page", async ({ page, browser, baseURL }) => {
  await page.goto("/console/badges");
  await expect(page.getByRole("heading", { name: "Badges", level: 1 })).toBeVisible();
  const card = page.getByTestId("badge-card-certified_installer");
  await expect(card.getByTestId("badge-state")).toHaveText("Active");
  // Every size and theme is previewed.
  await expect(card.getByRole("list", { name: /previews/ }).getByRole("img")).toHaveCount(6);

  // Pick small + dark: the preview and the snippet follow.
  await card.getByLabel("Size").selectOption("sm");
  await card.getByLabel("Theme").selectOption("dark");
  await expect(card.getByTestId("embed-preview")).toHaveAttribute("src", /\.svg\?size=sm&theme=dark$/);
  await card.getByRole("button", { name: /^Copy HTML/ }).click();
  await expect(card.getByRole("button", { name: /^Copied/ })).toBeVisible();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toMatch(new RegExp(`^<a href="${baseURL}/verify/bdg_[0-9a-z]+" target="_blank" rel="noopener"><img src="${baseURL}/badges/bdg_[0-9a-z]+\\.svg\\?size=sm&amp;theme=dark" alt="Brightpixel Studio: Provenant Certified Installer · Premier" width="160" height="48" loading="lazy"></a>$`));
  await expect(card.getByTestId("snippet-markdown")).toContainText("[![Brightpixel Studio: Provenant Certified Installer");

  // The snippet pasted into another site's page, served by a local HTTP server (another origin): the
  // image loads and links to the verification page.
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><title>About</title><body><h1>About us</h1>${snippet}</body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const site = await browser.newContext({ storageState: undefined });
  const tab = await site.newPage();
  await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/about`);
  const img = tab.getByRole("img", { name: /Certified Installer/ });
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(160);
  const verifyHref = await tab.getByRole("link").getAttribute("href");
  await tab.goto(verifyHref!);
  await expect(tab.getByTestId("verify-verdict")).toContainText("This badge is valid");
  await expect(tab.getByTestId("badge-state")).toHaveText("Active");
  await site.close();
  server.close();

  await expectAccessible(page);
});

test("the console lists declared pages, embeds with an undeclared domain flagged, and issues with deadlines; a partner marks one fixed", async ({ page }) => {
  await page.goto("/console/badges");
  await expect(page.getByRole("table", { name: "Declared pages" })).toContainText("/partners");
  await expect(page.getByRole("table", { name: "Badge embeds by site" }).getByRole("row", { name: /agency-directory\.example\.org/ })).toContainText("Undeclared");
  const issue = page.getByTestId("violation-row").filter({ hasText: "Badge not linked to its verification page" });
  await expect(issue).toContainText("Open");
  await issue.getByRole("button", { name: "Mark fixed" }).click();
  await expect(issue).toContainText("Fix claimed: rescan pending");

  await page.getByLabel("Page that shows your badge").fill("not a url");
  await page.getByRole("button", { name: "Declare page" }).click();
  await expect(page.getByText("Enter a full address, starting with https://")).toBeVisible();
});

test("the brand kit page shows the guidelines and downloads the kit", async ({ page }) => {
  await page.goto("/console/badges/brand");
  await expect(page.getByRole("heading", { name: "Clear space" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Don't" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the whole kit (zip)" }).click();
  expect((await download).suggestedFilename()).toBe("provenant-brand-kit.zip");
  const svg = await page.request.get((await page.getByRole("link", { name: "provenant-partner-logo-dark.svg" }).getAttribute("href"))!);
  expect(svg.status()).toBe(200);
  expect(await svg.text()).toContain("<title id=\"logo-title\">Provenant Partner Program</title>");
  await expectAccessible(page);
});
