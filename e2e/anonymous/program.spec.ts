import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers";

test("the program's documents are public, versioned and state the program's numbers", async ({ page, request }) => {
  await page.goto("/program");
  await expect(page.getByRole("heading", { level: 1, name: "How the program works" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Partner Program Guide" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partner Program Guide" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Commission on subscriptions/ })).toContainText("20%");
  await expect(page.getByText("protects you for 60 days from the day it is made")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/program/agreement");
  await expect(page.getByRole("heading", { level: 2, name: "8. Limitation of liability" })).toBeVisible();
  await expect(page.getByText("In force")).toBeVisible();
  await page.getByRole("link", { name: /^1\.0 · / }).click();
  await expect(page.getByText("This is version 1.0, no longer in force")).toBeVisible();

  await page.goto("/program/history");
  await expect(page.getByRole("table", { name: "Master Partner Agreement versions" }).getByRole("row")).toHaveCount(3);

  const text = await request.get("/api/program/documents/master_agreement/1.0");
  expect(text.status()).toBe(200);
  expect(text.headers()["content-type"]).toContain("text/markdown");
  expect(await text.text()).toContain("# Master Partner Agreement");
  expect((await request.get("/api/program/documents/master_agreement/9.9")).status()).toBe(404);

  await page.goto("/program/playbooks/installer");
  await expect(page.getByRole("heading", { level: 1, name: "Installer playbook" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "5. Verifying with CAI Verify" })).toBeVisible();
  expect((await page.goto("/program/playbooks/astronaut"))?.status()).toBe(404);
});

test("signature receipts are not public", async ({ request }) => {
  const res = await request.get("/api/console/agreements/receipts/rcp_doesnotexist0000000?format=pdf");
  expect(res.status()).toBe(401);
});
