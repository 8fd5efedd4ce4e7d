import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { demoSignIn, expectAccessible } from "../helpers";

test("an admin runs payouts, the partner sees and downloads the new one, and the admin records its manual payment", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Payouts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Payouts" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Payouts" }).getByRole("row").filter({ hasText: "Held" }).first()).toBeVisible();
  await expectAccessible(page);

  // The run: Ledgerline's due month has not been paid yet; without Stripe it awaits a manual payment.
  await page.getByRole("button", { name: "Run payouts now" }).click();
  await expect(page.getByTestId("run-result")).toContainText(/Run for \d{4}-\d{2}: [1-9]\d* created/);
  await page.goto("/admin/payouts?status=manual");
  const row = page.getByRole("table", { name: "Payouts" }).getByRole("row").filter({ hasText: "Ledgerline Assurance" });
  await expect(row).toHaveCount(1);
  const payoutId = (await row.locator(".font-mono").first().innerText()).trim();
  expect(payoutId).toMatch(/^po_/);

  // Running again pays nobody twice.
  await page.goto("/admin/payouts");
  await page.getByRole("button", { name: "Run payouts now" }).click();
  await expect(page.getByTestId("run-result")).toContainText(/: 0 created/);

  // The partner sees it and downloads it.
  const grace = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const gp = await grace.newPage();
  await demoSignIn(gp, "Grace");
  await gp.goto("/console/payouts");
  await expect(gp.getByRole("table", { name: "Payouts" }).getByRole("row").filter({ hasText: payoutId })).toContainText("Awaiting manual payment");
  const download = gp.waitForEvent("download");
  await gp.getByRole("link", { name: "Download CSV" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv.split("\n").filter((l) => l.startsWith(payoutId)).length).toBeGreaterThan(0);
  await grace.close();

  // The admin records the bank reference: a reference is required.
  await page.goto("/admin/payouts?status=manual");
  const manual = page.getByRole("table", { name: "Payouts" }).getByRole("row").filter({ hasText: payoutId });
  await manual.getByRole("button", { name: "Mark paid" }).click();
  await expect(manual.getByText("Enter the bank or transfer reference")).toBeVisible();
  await manual.getByLabel("Payment reference").fill("BANK-E2E-0001");
  await manual.getByRole("button", { name: "Mark paid" }).click();
  await expect(page.getByRole("table", { name: "Payouts" }).getByRole("row").filter({ hasText: payoutId })).toHaveCount(0);
  await page.goto("/admin/payouts?status=paid");
  await expect(page.getByRole("table", { name: "Payouts" }).getByRole("row").filter({ hasText: payoutId })).toContainText("BANK-E2E-0001");

  // The admin CSV has every payout's lines.
  const all = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const rows = readFileSync((await (await all).path())!, "utf8").trim().split("\n");
  expect(rows[0]).toMatch(/^payout_id,partner,period,status/);
  expect(rows.some((l) => l.startsWith(payoutId) && l.includes("BANK-E2E-0001"))).toBe(true);
});

test("an admin posts a ledger adjustment from the partner's page; a bad amount is refused with a field message", async ({ page }) => {
  await page.goto("/admin/partners?q=Northwind");
  await page.getByRole("link", { name: "Northwind Integrations" }).first().click();
  await expect(page.getByRole("heading", { name: "Payout ledger" })).toBeVisible();
  const form = page.getByTestId("adjustment-form");
  await form.getByLabel("Currency").selectOption("USD");
  await form.getByLabel("Amount").fill("12.345");
  await form.getByLabel("Reason").fill("Goodwill credit for the webinar platform outage");
  await form.getByRole("button", { name: "Post adjustment" }).click();
  await expect(form.getByText("Enter an amount in USD like 25.00 or -25.00")).toBeVisible();
  await form.getByLabel("Amount").fill("-12.50");
  await form.getByRole("button", { name: "Post adjustment" }).click();
  await expect(page.getByTestId("ledger-row").first()).toContainText("Goodwill credit for the webinar platform outage");
  await expect(page.getByTestId("ledger-row").first()).toContainText("-$12.50");
  await expectAccessible(page);
});
