import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

test("a partner sees payout history, the next payout, charts and settings, and downloads the CSV", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/console");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Payouts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Payouts" })).toBeVisible();

  // The upcoming payout, with its due date.
  await expect(page.getByText(/^Next payout \(/)).toBeVisible();
  await expect(page.getByTestId("next-payout")).toHaveText(/^\$[\d,]+\.\d\d$/);

  // History: paid through Stripe, and a failed transfer with Stripe's reason.
  const history = page.getByRole("table", { name: "Payouts" });
  await expect(history.getByRole("row").filter({ hasText: "Paid" }).first()).toBeVisible();
  const failed = history.getByRole("row").filter({ hasText: "Failed" });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText("capabilities");

  // Charts and the estimated-vs-actual explanation.
  await expect(page.getByRole("img", { name: /Commissions earned per month by source/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Estimated against actual/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Estimated against actual commissions per month" }).getByRole("columnheader", { name: "Refunds & clawbacks" })).toBeVisible();

  // Settings: terms accepted and the tax form verified, so nothing is on hold.
  await expect(page.getByTestId("tax-status")).toContainText("Verified");
  await expect(page.getByTestId("payout-prerequisites")).toHaveCount(0);
  await expectAccessible(page);

  // The CSV: one row per payout line, quoted by csv-stringify.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^payouts-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!, "utf8").trim().split("\n");
  expect(csv[0]).toBe("payout_id,partner,period,status,method,payout_total,currency,paid_at,reference,line_id,ledger_entry_id,line_kind,line_amount,line_description,effective_at,commission_id,commission_kind,sku,customer_id");
  expect(csv.length).toBeGreaterThan(4);
  expect(csv.slice(1).every((l) => l.startsWith("po_") && l.includes("Brightpixel Studio"))).toBe(true);
  expect(csv.some((l) => l.includes(",failed,stripe,"))).toBe(true);
});
