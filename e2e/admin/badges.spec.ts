import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

test("an admin revokes a badge: its image shows REVOKED on the next request; restoring brings it back", async ({ page, request }) => {
  await page.goto("/admin/badges?q=Northwind");
  await expect(page.getByRole("heading", { name: "Violations queue" })).toBeVisible();
  const row = page.getByTestId("admin-badge-row").filter({ hasText: "Enterprise Certified" });
  const id = (await row.getByRole("link").textContent())!.trim();
  expect(await (await request.get(`/badges/${id}.svg`)).text()).not.toContain("REVOKED");

  page.once("dialog", (d) => d.accept());
  await row.getByLabel("Revocation reason").fill("Shown on a site that resells our certification");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row.getByTestId("badge-state")).toHaveText("Revoked");
  expect(await (await request.get(`/badges/${id}.svg`)).text()).toContain(">REVOKED<");

  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "Restore" }).click();
  await expect(row.getByTestId("badge-state")).toHaveText("Active");
  expect(await (await request.get(`/badges/${id}.svg`)).text()).not.toContain("REVOKED");
  await expectAccessible(page);
});

test("the violations queue shows overdue items and resolves one with a note", async ({ page }) => {
  await page.goto("/admin/badges");
  const overdue = page.getByTestId("admin-violation-row").filter({ hasText: "Overdue" });
  await expect(overdue.first()).toBeVisible();
  const target = page.getByTestId("admin-violation-row").filter({ hasText: "Badge shown on an undeclared domain" });
  await target.getByLabel("Note or reason").fill("Directory listing approved by partner marketing");
  await target.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByTestId("admin-violation-row").filter({ hasText: "Badge shown on an undeclared domain" })).toHaveCount(0);
  await page.goto("/admin/badges?status=resolved");
  await expect(page.getByTestId("admin-violation-row").filter({ hasText: "Directory listing approved" })).toBeVisible();
});
