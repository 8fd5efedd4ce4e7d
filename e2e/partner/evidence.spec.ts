import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { expectAccessible } from "../helpers";

// An owner adds an install, runs a survival check against the local fixture
// site, publishes a Survival Report and exports an Evidence Pack.

test("add an install, check it now, publish its report and export its evidence pack", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const site = `${baseURL}/fixture-site`;
  await page.goto("/console/installs");
  await expect(page.getByRole("heading", { level: 1, name: "Installs" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Add install" }).click();

  // Validation first: a bad URL is refused next to its field.
  await page.getByLabel("Customer", { exact: true }).fill("E2E Outfitters");
  await page.getByLabel("Site URL").fill("not a url");
  await page.getByRole("button", { name: "Add install" }).click();
  await expect(page.getByText("Enter a full URL starting with https://").first()).toBeVisible();

  await page.getByLabel("Site URL").fill(`${site}/`);
  await page.getByLabel("Stack").selectOption("shopify");
  await page.getByLabel("Sample asset URLs").fill([`${site}/embedded.jpg`, `${site}/remote.jpg`, `${site}/embedded.png`].join("\n"));
  await page.getByRole("button", { name: "Add install" }).click();
  await expect(page).toHaveURL(/\/console\/installs\/ins_/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "E2E Outfitters" })).toBeVisible();
  await expect(page.locator("main header").getByText("Awaiting verification")).toBeVisible();

  await page.getByRole("button", { name: "Check now" }).click();
  await expect(page.getByTestId("check-result")).toContainText("Checked 3 assets: 3 kept their Content Credentials.", { timeout: 30_000 });
  // The header badge turns from "Awaiting verification" to "Verified" once the page refreshes.
  await expect(page.locator("main header").getByText("Verified", { exact: true })).toBeVisible();
  const assets = page.getByRole("table", { name: "Assets in the latest check" });
  await expect(assets.getByText("Remote manifest", { exact: true })).toBeVisible();
  await expect(assets.getByText("Embedded", { exact: true })).toHaveCount(2);
  await expectAccessible(page);

  // A draft report, then published: it becomes public.
  await page.getByLabel("Report period").selectOption("7");
  await page.getByRole("button", { name: "Create report" }).click();
  await expect(page.getByTestId("report-result")).toContainText("Report created");
  await page.getByTestId("install-report").getByRole("button", { name: "Publish report" }).click();
  const open = page.getByRole("link", { name: "Open public report" });
  await expect(open).toBeVisible();
  const reportUrl = await open.getAttribute("href");

  const visitor = await page.context().browser()!.newContext();
  const publicPage = await visitor.newPage();
  const res = await publicPage.goto(`${baseURL}${reportUrl}`);
  expect(res?.status()).toBe(200);
  await expect(publicPage.getByRole("heading", { level: 1, name: "E2E Outfitters" })).toBeVisible();
  await expect(publicPage.getByTestId("report-survival")).toHaveText("100.00%");
  const verify = publicPage.getByRole("link", { name: /Verify .*embedded\.jpg/ });
  await expect(verify).toHaveAttribute("href", `https://contentcredentials.org/verify?source=${encodeURIComponent(`${site}/embedded.jpg`)}`);
  await expectAccessible(publicPage);
  // An unknown report is a 404.
  expect((await publicPage.goto(`${baseURL}/reports/rpt_doesnotexist00000000`))?.status()).toBe(404);
  await visitor.close();

  // The Evidence Pack downloads as a zip whose manifest lists each file's SHA-256.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export evidence pack" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^evidence-pack-brightpixel-studio-ins_.*\.zip$/);
  const zip = unzipSync(new Uint8Array(readFileSync((await file.path())!)));
  const manifest = JSON.parse(strFromU8(zip["manifest.json"]!));
  expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(["README.txt", "assets.csv", "checks.csv", "checks.json", "installs.csv", "report.html"]);
  for (const f of manifest.files) expect(createHash("sha256").update(zip[f.path]!).digest("hex")).toBe(f.sha256);
  expect(strFromU8(zip["checks.csv"]!)).toContain(",3,3,2,1,0,");

  await page.goto("/console/evidence");
  await expect(page.getByRole("table", { name: "Evidence pack exports" }).getByRole("link", { name: "E2E Outfitters" })).toBeVisible();
});

test("the evidence screens are reachable from the console navigation", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/console");
  const nav = page.getByRole("navigation", { name: "Console" });
  for (const [item, heading] of [
    ["Survival & TTI", "Survival and TTI"],
    ["Survival Reports", "Survival Reports"],
    ["Evidence packs", "Evidence packs"],
    ["Customer NPS", "Customer NPS"],
  ] as const) {
    await nav.getByRole("link", { name: item }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page);
  }
});
