import { expect, test } from "@playwright/test";
import { STORAGE } from "../../playwright.config";
import { expectAccessible } from "../helpers";

test("a partner requests MDF and an admin partly approves it with a reason; the partner sees the decision", async ({ page, browser }) => {
  // The partner's owner requests funds.
  const partner = await browser.newContext({ storageState: STORAGE.owner });
  const ownerPage = await partner.newPage();
  await ownerPage.goto("/console/mdf");
  const title = `E2E roundtable ${Date.now().toString(36)}`;
  const form = ownerPage.getByTestId("mdf-request-form");
  await form.getByLabel("Activity type").selectOption("event");
  await form.getByLabel("Activity name").fill(title);
  await form.getByLabel("Amount requested (USD)").fill("1200");
  await form.getByLabel("Expected leads").fill("30");
  await form.getByRole("button", { name: "Request funds" }).click();
  await ownerPage.waitForURL(/\/console\/mdf\/mdf_/);
  const requestUrl = ownerPage.url().replace(/\?.*$/, "");

  // The admin finds it in the queue and decides.
  await page.goto("/admin/mdf");
  await expect(page.getByRole("heading", { name: "Market development funds" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await page.waitForURL(/\/admin\/mdf\/mdf_/);
  const decision = page.getByTestId("mdf-decision-form");
  await decision.getByLabel("Approve part of it").check();
  await decision.getByRole("button", { name: "Save decision" }).click();
  await expect(decision.getByText("Enter the amount approved")).toBeVisible();
  await decision.getByLabel("Approved amount (USD)").fill("900");
  await decision.getByLabel("Reason").fill("Venue is covered; catering is not.");
  await decision.getByRole("button", { name: "Save decision" }).click();
  await expect(page.getByTestId("mdf-approved")).toHaveText("$900.00");
  await expect(page.getByText("Partly approved").first()).toBeVisible();
  await expect(page.getByTestId("mdf-decision-form")).toHaveCount(0);

  // The partner sees the decision and its reason.
  await ownerPage.goto(requestUrl);
  await expect(ownerPage.getByTestId("mdf-approved")).toHaveText("$900.00");
  await expect(ownerPage.getByText("Venue is covered; catering is not.")).toBeVisible();
  await partner.close();

  await page.goto("/admin/audit?action=mdf_request.partly_approved");
  await expect(page.getByText("MDF request partly approved").filter({ visible: true }).first()).toBeVisible();
});

test("an admin approves pending co-marketing material and it gets a reference id", async ({ page }) => {
  await page.goto("/admin/marketing?queue=pending");
  await expect(page.getByRole("heading", { name: "Co-marketing approvals" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Trade-show booth backdrop" }).click();
  const review = page.getByTestId("review-form");
  await review.getByLabel("Approve and give a reference id").check();
  await review.getByLabel("Comment to the partner").fill("Approved for print.");
  await review.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByTestId("reference-id")).toHaveText(/^CM-\d{4}-\d{4}$/);
  await expect(page.getByText("Approved for print.")).toBeVisible();
});
