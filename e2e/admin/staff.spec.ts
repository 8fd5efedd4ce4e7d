import { expect, test, type Page } from "@playwright/test";
import { STORAGE } from "../../playwright.config";
import { expectAccessible } from "../helpers";

// The demo has two admins: Avery Admin (an exec, signed in here) and Jordan Ops
// (not an exec). Each test leaves the staff as it found it.

const JORDAN = { name: "Jordan Ops", email: "jordan@provenant.dev" };

async function openStaff(page: Page) {
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Program staff" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Program staff" })).toBeVisible();
}

test("an exec grants the exec role to another admin, sees it in the list and the audit log, and revokes it", async ({ page }) => {
  await openStaff(page);
  const staff = page.getByRole("table", { name: "Program staff" });
  const avery = staff.getByRole("row", { name: /Avery Admin/ });
  const jordan = staff.getByRole("row", { name: new RegExp(JORDAN.name) });
  // A retry after a failure between grant and revoke finds Jordan still an exec: start over.
  const leftOver = jordan.getByRole("button", { name: `Revoke exec role from ${JORDAN.name}` });
  if (await leftOver.isVisible()) {
    await leftOver.click();
    await expect(page.getByTestId("staff-result")).toHaveText(`${JORDAN.name} is no longer an exec`);
  }
  await expect(avery.getByText("Exec", { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(avery).toContainText("You");
  // The only exec can be neither removed nor stripped of the role.
  await expect(avery).toContainText("The only exec");
  await expect(jordan.getByText("Exec", { exact: true }).filter({ visible: true })).toHaveCount(0);
  await expectAccessible(page);

  await jordan.getByRole("button", { name: `Grant exec role to ${JORDAN.name}` }).click();
  await expect(page.getByTestId("staff-result")).toHaveText(`${JORDAN.name} is now an exec`);
  await expect(jordan.getByText("Exec", { exact: true }).filter({ visible: true })).toBeVisible();
  // With a second exec Avery could step down as exec too (not done here).
  await expect(avery.getByRole("button", { name: "Revoke exec role from Avery Admin" })).toBeVisible();

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Action").selectOption("staff.exec_granted");
  await page.getByRole("button", { name: "Filter" }).click();
  const granted = page.getByRole("listitem").filter({ hasText: "Exec role granted" }).filter({ hasText: JORDAN.email }).first();
  await expect(granted).toContainText("by Avery Admin <admin@provenant.dev>");
  await expect(granted).toContainText("isExec: false → true");

  await openStaff(page);
  await jordan.getByRole("button", { name: `Revoke exec role from ${JORDAN.name}` }).click();
  await expect(page.getByTestId("staff-result")).toHaveText(`${JORDAN.name} is no longer an exec`);
  await expect(jordan.getByText("Exec", { exact: true }).filter({ visible: true })).toHaveCount(0);
  await expect(jordan.getByRole("button", { name: `Grant exec role to ${JORDAN.name}` })).toBeVisible();

  await page.goto("/admin/audit?action=staff.exec_revoked");
  await expect(page.getByRole("listitem").filter({ hasText: "Exec role revoked" }).filter({ hasText: JORDAN.email }).first()).toContainText("isExec: true → false");
});

test("an admin adds an admin by email and removes them; a partner's team member is refused", async ({ page }) => {
  await openStaff(page);
  const email = `staff-spec-${Date.now()}@example.test`;

  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByRole("button", { name: "Add admin" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();

  await page.getByLabel("Email", { exact: true }).fill("marco@brightpixel.studio");
  await page.getByRole("button", { name: "Add admin" }).click();
  await expect(page.getByTestId("staff-result")).toContainText("Marco Member is on the team of Brightpixel Studio");

  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel(/^Name/).fill("Spec Staffer");
  await page.getByRole("button", { name: "Add admin" }).click();
  await expect(page.getByTestId("staff-result")).toHaveText("Spec Staffer is now an admin");
  const row = page.getByRole("table", { name: "Program staff" }).getByRole("row", { name: /Spec Staffer/ });
  await expect(row).toContainText(email);
  await expect(row).toContainText("never");

  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Remove Spec Staffer as admin" }).click();
  await expect(page.getByTestId("staff-result")).toHaveText("Spec Staffer is no longer an admin");
  await expect(row).toHaveCount(0);
});

test("a non-exec admin is told only an exec signs the exit tests, and cannot grant the role", async ({ browser }) => {
  // Jordan has no demo sign-in button: sign in with the emailed link, read from the outbox.
  // A context of its own, signed out (this project's contexts start as the demo admin).
  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await visitor.newPage();
  await page.goto("/sign-in?callbackUrl=%2Fadmin%2Fexit-tests");
  await page.getByLabel("Work email").fill(JORDAN.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const admin = await browser.newContext({ storageState: STORAGE.admin });
  const adminPage = await admin.newPage();
  await adminPage.goto(`/admin/outbox?to=${encodeURIComponent(JORDAN.email)}&status=stored`);
  await adminPage.getByRole("link", { name: "Sign in to Provenant Partners" }).first().click();
  const link = /(http\S+\/api\/auth\/callback\/email\S+)/.exec((await adminPage.getByTestId("email-text").textContent()) ?? "")?.[1];
  expect(link).toBeTruthy();
  await admin.close();

  await page.goto(link!);
  await expect(page).toHaveURL(/\/admin\/exit-tests/);
  await expect(page.getByTestId("exec-only")).toContainText("Only an exec can sign off this package");
  await expect(page.getByRole("button", { name: "Sign off this package" })).toHaveCount(0);
  await page.getByRole("link", { name: "See who the execs are" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Program staff" })).toBeVisible();
  await expect(page.getByText("Only an exec can grant or revoke the exec role.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Grant exec/ })).toHaveCount(0);
  const staff = page.getByRole("table", { name: "Program staff" });
  await expect(staff.getByRole("row", { name: /Avery Admin/ })).toContainText("The only exec");
  await expect(staff.getByRole("row", { name: new RegExp(JORDAN.name) })).toContainText("Another admin can remove you");
  await visitor.close();
});
