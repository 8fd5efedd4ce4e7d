import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

// An admin works the certification review queue: a rejection needs a reason,
// an approval moves the reference to the approved list.

test("an admin approves an enterprise reference from the review queue", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Certification" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Certification" })).toBeVisible();
  const queue = page.getByRole("table", { name: "Review queue" });
  await expect(queue.getByText("Initech News", { exact: true })).toBeVisible();
  await expectAccessible(page);

  const umbrella = queue.getByTestId("review-item").filter({ hasText: "Umbrella Studios" });
  await umbrella.getByRole("button", { name: /^Reject/ }).click();
  await expect(umbrella.getByTestId("review-result")).toContainText("Give the partner a reason");

  const row = queue.getByTestId("review-item").filter({ hasText: "Initech News" });
  await row.getByRole("button", { name: /^Approve/ }).click();
  await expect(queue.getByText("Initech News", { exact: true })).toHaveCount(0);

  await page.getByRole("link", { name: "Approved", exact: true }).click();
  const approved = page.getByRole("table", { name: "Review queue" }).getByTestId("review-item").filter({ hasText: "Initech News" });
  await expect(approved.getByText("Approved")).toBeVisible();
  await approved.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Set the tier by hand" })).toBeVisible();
  await expect(page.getByText("Enterprise reference: Initech News")).toBeVisible();
  await expectAccessible(page);
});
