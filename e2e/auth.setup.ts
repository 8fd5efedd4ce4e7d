import { test as setup } from "@playwright/test";
import { STORAGE } from "../playwright.config";
import { demoSignIn } from "./helpers";

// One stored sign-in per role; the role projects start from these.
for (const [role, name] of [
  ["owner", "Olivia Owner"],
  ["member", "Marco Member"],
  ["admin", "Avery Admin"],
] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await demoSignIn(page, name);
    await page.context().storageState({ path: STORAGE[role] });
  });
}
