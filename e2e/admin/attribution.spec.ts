import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

test("an admin decides a deal conflict with a reason", async ({ page }) => {
  await page.goto("/admin/deals");
  await expect(page.getByRole("heading", { name: /Conflict queue/ })).toBeVisible();
  const conflicts = page.getByTestId("conflict");
  const before = await conflicts.count();
  expect(before).toBeGreaterThan(0);
  const item = conflicts.first();
  const second = item.getByRole("radio").nth(1);
  await second.check();
  await item.getByRole("button", { name: "Decide conflict" }).click();
  await expect(item.getByText("Explain the decision in at least 10 characters")).toBeVisible();
  await item.getByLabel("Reason").fill("The second partner introduced the buyer first; email trail checked.");
  await item.getByRole("button", { name: "Decide conflict" }).click();
  await expect(conflicts).toHaveCount(before - 1);
  await expectAccessible(page);

  await page.goto("/admin/audit?action=deal.conflict_resolved");
  await expect(page.getByText("Deal conflict decided").filter({ visible: true }).first()).toBeVisible();
});

test("an admin clears one fraud hold and rejects another", async ({ page }) => {
  await page.goto("/admin/fraud");
  const holds = page.getByTestId("fraud-hold");
  const before = await holds.count();
  expect(before).toBeGreaterThanOrEqual(2);

  const first = holds.first();
  await first.getByLabel("Decision reason").fill("Checked with the partner: a real customer, not their own account.");
  await first.getByRole("button", { name: "Clear hold" }).click();
  await expect(holds).toHaveCount(before - 1);

  const next = holds.first();
  await next.getByLabel("Decision reason").fill("Click flood from one address; not a genuine referral.");
  await next.getByRole("button", { name: "Reject" }).click();
  await expect(holds).toHaveCount(before - 2);
  await expectAccessible(page);

  await page.goto("/admin/commissions?status=reversed");
  await expect(page.getByRole("row").filter({ hasText: "Reversed" }).first()).toBeVisible();
});
