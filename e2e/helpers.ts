import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO = {
  owner: { email: "olivia@brightpixel.studio", name: "Olivia Owner", partner: "Brightpixel Studio" },
  member: { email: "marco@brightpixel.studio", name: "Marco Member", partner: "Brightpixel Studio" },
  admin: { email: "admin@provenant.dev", name: "Avery Admin" },
  auditorOwner: { email: "grace@ledgerline.io", name: "Grace Auditor", partner: "Ledgerline Assurance" },
};

export async function demoSignIn(page: Page, name: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: new RegExp(`Sign in as ${name}`) }).click();
  await page.waitForURL(/\/(console|admin)/);
}

/** No serious or critical accessibility violations on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
}
