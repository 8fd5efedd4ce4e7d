import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

test("an admin reaches the admin area and its sections", async ({ page }) => {
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByText("Partners by track and tier")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Partners" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
  await expect(page.getByText(/of 72 partners/)).toBeVisible();
  await page.getByLabel("Track").selectOption("auditor");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/track=auditor/);
  await page.getByRole("link", { name: "Ledgerline Assurance" }).click();
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
  await expect(page.getByRole("row", { name: /grace@ledgerline\.io/ })).toBeVisible();
});

test("the audit log is filterable and cannot be edited", async ({ page }) => {
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByText("cannot be edited or deleted")).toBeVisible();
  await page.getByLabel("Action").selectOption("api_key.created");
  await page.getByRole("button", { name: "Filter" }).click();
  const events = page.getByRole("listitem");
  await expect(events.filter({ hasText: "API key created" }).first()).toBeVisible();
  await expect(events.filter({ hasText: "Joined the program" })).toHaveCount(0);
});

test("the email outbox lists seeded emails and opens one", async ({ page }) => {
  await page.goto("/admin/outbox");
  await expect(page.getByText(/No email provider is configured/)).toBeVisible();
  // Other specs send email too: narrow the list to one owner's mail.
  await page.getByLabel("Recipient").fill("grace@ledgerline.io");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/to=grace%40ledgerline\.io/);
  await page.getByRole("link", { name: /Welcome to the Provenant partner program/ }).first().click();
  await expect(page.getByTestId("email-text")).toContainText("Welcome aboard");
});

test("an admin has no partner console of their own", async ({ page }) => {
  await page.goto("/console");
  await expect(page.getByRole("heading", { name: "You are not on a partner team yet" })).toBeVisible();
});
