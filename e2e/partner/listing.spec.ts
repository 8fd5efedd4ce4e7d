import { expect, test } from "@playwright/test";
import { demoSignIn, expectAccessible } from "../helpers";

test.describe("as the owner of an auditor", () => {
  // Ledgerline Assurance: other console tests edit Brightpixel's listing at the same time.
  test.use({ storageState: { cookies: [], origins: [] } });

  test("edits its listing; new proof links wait for review", async ({ page }) => {
    await demoSignIn(page, "Grace Auditor");
    // A prospect has the public profile open in another tab.
    const watcher = await page.context().newPage();
    await watcher.goto("/partners/ledgerline-assurance");
    await watcher.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.goto("/console/listing");
    await expect(page.getByRole("heading", { level: 1, name: "Directory listing" })).toBeVisible();
    await page.getByLabel("Tagline").fill("Credentials that survive every theme update");
    await page.getByRole("button", { name: "Save listing" }).click();
    await expect(page.getByTestId("listing-saved")).toBeVisible();
    // The open profile shows the change without a full reload (the marker survives).
    await expect(watcher.getByText("Credentials that survive every theme update").first()).toBeVisible({ timeout: 30_000 });
    expect(await watcher.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await watcher.close();

    await page.getByLabel("Proof link 3").fill("https://ledgerline-assurance.example.com/work/e2e-new-proof.jpg");
    await page.getByRole("button", { name: "Save listing" }).click();
    await expect(page.getByTestId("listing-saved")).toContainText("once an admin approves them");
    await page.reload();
    await expect(page.getByTestId("proof-links-pending")).toBeVisible();

    // The public profile shows the new tagline at once, but not the unapproved link.
    await page.goto("/partners/ledgerline-assurance");
    await expect(page.getByText("Credentials that survive every theme update").first()).toBeVisible();
    await expect(page.getByText("e2e-new-proof.jpg")).toHaveCount(0);
  });
});

test("a logo that is not an image is refused with a message", async ({ page }) => {
  await page.goto("/console/listing");
  await page.getByLabel("Logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("not really a png") });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByTestId("logo-result")).toContainText(/not accepted/);
});

test("a partner sees its own score breakdown, never shown publicly", async ({ page }) => {
  await page.goto("/console");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Ranking" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Directory ranking" })).toBeVisible();
  await expect(page.getByTestId("ranking-score")).toHaveText(/^\d+\.\d$/);
  const breakdown = page.getByTestId("score-breakdown");
  for (const c of ["Compliance", "Performance", "Customer satisfaction", "Recency & activity"]) await expect(breakdown.getByText(new RegExp(`^${c} ·`))).toBeVisible();
  await expectAccessible(page);
  const score = (await page.getByTestId("ranking-score").textContent())!;
  await page.goto("/partners/brightpixel-studio");
  await expect(page.getByText("Directory ranking")).toHaveCount(0);
  await expect(page.getByText(score, { exact: true })).toHaveCount(0);
});

test("a partner reads its leads and marks one answered", async ({ page }) => {
  await page.goto("/console/leads?status=new");
  await expect(page.getByRole("heading", { level: 1, name: "Leads" })).toBeVisible();
  const list = page.getByTestId("lead-list");
  const before = await list.getByRole("listitem").count();
  expect(before).toBeGreaterThan(0);
  await list.getByRole("listitem").first().getByRole("button", { name: "Mark answered" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(before - 1);
  await page.goto("/console/leads?status=answered");
  await expect(page.getByTestId("lead-list").getByRole("listitem").first()).toBeVisible();
  await expectAccessible(page);
});
