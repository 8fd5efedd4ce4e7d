import { expect, test } from "@playwright/test";
import { STORAGE } from "../../playwright.config";

test("a partner member signs in with an emailed link (read from the outbox) and sees a member's console", async ({ browser }) => {
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto("/sign-in?callbackUrl=%2Fconsole%2Fteam");
  await page.getByLabel("Work email").fill("Marco@Brightpixel.Studio");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  // No email provider here: the admin outbox holds the message.
  const admin = await browser.newContext({ storageState: STORAGE.admin });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/outbox?to=marco%40brightpixel.studio&status=stored");
  await adminPage.getByRole("link", { name: "Sign in to Provenant Partners" }).first().click();
  const text = await adminPage.getByTestId("email-text").textContent();
  const link = /(http\S+\/api\/auth\/callback\/email\S+)/.exec(text ?? "")?.[1];
  expect(link).toBeTruthy();
  await admin.close();

  await page.goto(link!);
  await expect(page).toHaveURL(/\/console\/team/);
  await expect(page.getByRole("row", { name: /Marco Member/ })).toBeVisible();
  // Members see the team but cannot manage it.
  await expect(page.getByRole("heading", { name: "Add a team member" })).toHaveCount(0);
  await page.goto("/console/api-keys");
  await expect(page.getByText("Only owners can create or revoke API keys.")).toBeVisible();

  // The link works once.
  const again = await browser.newContext();
  const second = await again.newPage();
  await second.goto(link!);
  await expect(second).toHaveURL(/\/sign-in\/error/);
  await again.close();
  await visitor.close();
});

test("an invalid email address is refused with a message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter the email address you use for the partner program")).toBeVisible();
});
