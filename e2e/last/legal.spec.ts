import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { STORAGE } from "../../playwright.config";
import { expectAccessible } from "../helpers";

// One story, in order: a new version of the Marketplace Terms is published,
// a member can read it but not sign, the owner signs and downloads the receipt.
test.describe.configure({ mode: "serial" });

test("after a new version is published, a member cannot sign; the owner signs and downloads the receipt", async ({ page, browser }) => {
  const admin = await browser.newContext({ storageState: STORAGE.admin });
  const a = await admin.newPage();
  await a.goto("/admin/legal");
  await expect(a.getByRole("heading", { level: 1, name: "Legal" })).toBeVisible();
  const publish = a.getByRole("button", { name: "Publish 1.1" });
  // A retried run finds it published already.
  if (await publish.isVisible()) {
    a.once("dialog", (d) => void d.accept());
    await publish.click();
    await expect(a.getByTestId("published-notice")).toContainText("Marketplace Terms 1.1 is published and in force. Owners are asked to sign the new version");
  }
  await admin.close();

  const member = await browser.newContext({ storageState: STORAGE.member });
  const m = await member.newPage();
  await m.goto("/console/agreements");
  await expect(m.getByTestId("agreements-status")).toContainText("Marketplace Terms 1.1");
  await expect(m.getByText("Only an owner can sign")).toBeVisible();
  await expect(m.getByRole("button", { name: /^Sign / })).toHaveCount(0);
  await member.close();

  await page.goto("/console/agreements");
  await expect(page.getByTestId("agreements-status")).toContainText("Marketplace Terms 1.1 needs an owner's signature");
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "Sign the agreements" });
  await form.getByRole("button", { name: "Sign this document" }).click();
  await expect(form.getByText("Type your full name", { exact: true })).toBeVisible();
  await expect(form.getByText("Tick the box to confirm that you agree")).toBeVisible();

  await form.getByLabel("Your full name").fill("Someone Else");
  await form.getByRole("checkbox", { name: /I have read the documents above/ }).check();
  await form.getByRole("button", { name: "Sign this document" }).click();
  await expect(form.getByText("Type your full name as it is on your account: Olivia Owner")).toBeVisible();

  await form.getByLabel("Your full name").fill("Olivia Owner");
  await form.getByRole("button", { name: "Sign this document" }).click();
  await expect(page.getByTestId("agreements-status")).toContainText("has signed the current versions of every agreement");

  const receipt = page.getByRole("row").filter({ hasText: "Marketplace Terms 1.1" });
  await expect(receipt).toContainText("Olivia Owner");
  const downloading = page.waitForEvent("download");
  await receipt.getByRole("link", { name: /^PDF/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^signature-receipt-rcp_[0-9a-z]+\.pdf$/);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  // Signing the same versions again, or an outdated one, is a conflict.
  const partnerId = ((await (await page.request.get("/api/v1/partners/brightpixel-studio")).json()) as { data: { id: string } }).data.id;
  const again = await page.request.post("/api/console/agreements/signatures", {
    headers: { origin: new URL(page.url()).origin },
    data: { partnerId, fullName: "Olivia Owner", consent: true, documents: [{ document: "marketplace_terms", version: "1.0" }] },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toContain("Version 1.0 of the Marketplace Terms is no longer current: version 1.1 was published on");

  // The overview's checklist now counts the terms as accepted.
  await page.goto("/console");
  const steps = page.getByTestId("onboarding-steps");
  await expect(steps.locator("li", { hasText: "Accept the program terms" })).toHaveAttribute("data-done", "true");
});
