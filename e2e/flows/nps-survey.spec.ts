import { expect, test } from "@playwright/test";
import { STORAGE } from "../../playwright.config";
import { expectAccessible } from "../helpers";

// A customer answers the NPS survey from the emailed link (read from the admin
// outbox, as no email provider is configured); the link works once.

test("a customer answers a survey from the emailed link, once", async ({ browser }) => {
  test.setTimeout(150_000);
  const admin = await browser.newContext({ storageState: STORAGE.admin });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/nps");
  await expect(adminPage.getByRole("heading", { level: 1, name: "NPS" })).toBeVisible();
  await expectAccessible(adminPage);
  await adminPage.getByRole("button", { name: "Send due surveys now" }).click();
  await expect(adminPage.getByText(/Sent \d+ invitations and \d+ reminders\./)).toBeVisible();

  await adminPage.goto("/admin/outbox?to=buyer%40harborline-outfitters.example");
  await adminPage.getByRole("link", { name: "How was working with Brightpixel Studio?" }).first().click();
  const text = await adminPage.getByTestId("email-text").textContent();
  const link = /(http\S+\/nps\/[A-Za-z0-9_-]{43})\n/.exec(text ?? "")?.[1];
  expect(link).toBeTruthy();
  await admin.close();

  const customer = await browser.newContext();
  const page = await customer.newPage();
  await page.goto(link!);
  await expect(page.getByText("How likely are you to recommend Brightpixel Studio to a friend or colleague?")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send my answer" }).click();
  await expect(page.getByText("Choose a score from 0 to 10")).toBeVisible();
  await page.getByText("9", { exact: true }).click();
  await page.getByLabel("What is the main reason for your score? (optional)").fill("Quick install, clear report.");
  await page.getByRole("button", { name: "Send my answer" }).click();
  await expect(page.getByTestId("nps-thanks")).toBeVisible();

  // The token cannot be used again.
  await page.goto(link!);
  await expect(page.getByTestId("nps-answered")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send my answer" })).toHaveCount(0);
  // A forged token is refused.
  await page.goto(link!.replace(/\/nps\/.+$/, `/nps/${"A".repeat(43)}`));
  await expect(page.getByText("This survey link is not valid")).toBeVisible();
  await customer.close();
});
