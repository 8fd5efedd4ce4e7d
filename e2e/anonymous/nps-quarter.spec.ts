import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

function previousQuarter(d: Date): string {
  const q = Math.floor(d.getUTCMonth() / 3);
  return q === 0 ? `${d.getUTCFullYear() - 1}-Q4` : `${d.getUTCFullYear()}-Q${q}`;
}

test("anyone reads the published NPS quarter with its counts, margins and methodology", async ({ page }) => {
  const quarter = previousQuarter(new Date());
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Program NPS" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partner program NPS" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: quarter }).click();
  await expect(page).toHaveURL(new RegExp(`/nps/quarters/${quarter.toLowerCase()}$`));
  await expect(page.getByRole("heading", { level: 1, name: `NPS, ${quarter}` })).toBeVisible();
  await expect(page.getByText("Partner NPS", { exact: true })).toBeVisible();
  await expect(page.getByText("Customer NPS of partners", { exact: true })).toBeVisible();
  await expect(page.getByText(/± \d+\.\d \(95%\)/).first()).toBeVisible();
  for (const term of ["Sample", "Period", "Exclusions", "Margin of error"]) await expect(page.getByRole("term").filter({ hasText: term })).toBeVisible();
  await expect(page.getByText("answers received after the survey closed are excluded", { exact: false })).toBeVisible();
  await expectAccessible(page);

  // An unpublished or malformed quarter is a 404, and the survey route still answers tokens.
  expect((await page.goto("/nps/quarters/1999-q1"))?.status()).toBe(404);
  expect((await page.goto("/nps/quarters/not-a-quarter"))?.status()).toBe(404);
});
