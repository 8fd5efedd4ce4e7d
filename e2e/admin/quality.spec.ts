import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

test("an admin sees program quality, its alerts, and opens an install", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Quality" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quality" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Alerts" }).getByText("Survival (30 days)").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "TTI by stack" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Self-serve" }).click();
  await expect(page).toHaveURL(/installs=self_serve/);
  const first = page.getByRole("table", { name: "Latest installs" }).getByRole("link").first();
  const name = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Self-serve", { exact: true })).toBeVisible();
});
