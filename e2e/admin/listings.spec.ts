import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

test("an admin approves pending proof links and they go live", async ({ page }) => {
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Listing reviews" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Listing reviews" })).toBeVisible();
  await expectAccessible(page);
  const item = page.getByTestId("review-list").getByRole("listitem").filter({ hasText: "Northwind Integrations" }).first();
  const proposed = (await item.getByRole("link").last().textContent())!.trim();
  await item.getByRole("button", { name: "Approve" }).click();
  await page.goto("/admin/listings?state=approved");
  await expect(page.getByTestId("review-list").getByRole("listitem").filter({ hasText: "Northwind Integrations" }).first()).toBeVisible();
  await page.goto("/partners/northwind-integrations");
  await expect(page.getByText(proposed).first()).toBeVisible();

  await page.goto("/admin/audit");
  await expect(page.getByRole("listitem").filter({ hasText: "Proof links approved" }).first()).toBeVisible();
});

test("a rejection needs a reason", async ({ page }) => {
  await page.goto("/admin/listings?state=rejected");
  await expect(page.getByText(/Reason: /).first()).toBeVisible();
  await page.goto("/admin/listings?state=superseded");
  await expect(page.getByRole("heading", { name: /No superseded reviews|Listing reviews/ }).first()).toBeVisible();
});

test("an admin recomputes the ranking on demand", async ({ page }) => {
  await page.goto("/admin/listings");
  await page.getByRole("button", { name: "Recompute ranking now" }).click();
  await expect(page.getByText(/Ranked 72 partners/)).toBeVisible();
});
