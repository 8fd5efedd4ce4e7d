import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { expectAccessible } from "../helpers";

test("an admin runs the exit tests, downloads the evidence package, checks a hash and signs off", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Exit tests" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exit tests" })).toBeVisible();

  await page.getByRole("button", { name: "Run exit tests now" }).click();
  await expect(page.getByTestId("run-result")).toContainText("Run finished", { timeout: 60_000 });
  // The newest run is shown first (the demo also has this morning's signed, scheduled run).
  await page.reload();
  await expect(page.getByRole("table", { name: "Exit-test runs" }).getByRole("row")).toHaveCount(3);

  // Tests 1 and 2 pass on the demo data, with their numbers.
  const t1 = page.getByTestId("exit-test-1");
  await expect(t1).toContainText("PASS");
  await expect(t1).toContainText(/\d+ partners with CRM-proven paid customers \(need ≥ 3\)/);
  const t2 = page.getByTestId("exit-test-2");
  await expect(t2).toContainText("PASS");
  await expect(t2).toContainText(/p50 .+ vs .+ \(Δ -/);
  await expect(t2).toContainText(/n = \d+ vs \d+, Mann-Whitney p = /);
  // Test 3: partner NPS is published with its methodology, and partner webinars brought qualified leads.
  const t3 = page.getByTestId("exit-test-3");
  await expect(t3).toContainText(/NPS \d{4}-Q[1-4] published: partner NPS/);
  await expect(t3).toContainText("PASS");
  await expect(t3).toContainText(/\d+ qualified webinar leads from \d+ partners/);
  await expect(page.getByTestId("package-state")).toContainText("matches what was generated");
  await expectAccessible(page);

  // Download the package and check a file against the manifest, and the manifest against the page.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download evidence package" }).click();
  const download = await downloadPromise;
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as { kind: string; generated_at: string; files: { path: string; sha256: string }[] };
  expect(manifest.kind).toBe("exit-tests");
  const entry = manifest.files.find((f) => f.path === "test-2-tti/installs.csv")!;
  const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
  expect(sha(files[entry.path]!)).toBe(entry.sha256);
  for (const f of manifest.files) expect(sha(files[f.path]!)).toBe(f.sha256);
  const manifestSha = sha(files["manifest.json"]!);
  await expect(page.getByTestId("manifest-sha")).toHaveText(manifestSha);
  expect(JSON.parse(strFromU8(files["results.json"]!)).results).toHaveLength(3);

  // The demo admin is an executive: sign the package.
  await page.getByRole("checkbox", { name: "I reviewed this run and its evidence package" }).check();
  await page.getByRole("button", { name: "Sign off this package" }).click();
  const signoff = page.getByTestId("signoff").first();
  await expect(signoff).toContainText("Avery Admin");
  await expect(signoff).toContainText("Matches the package");
  await expect(signoff).toContainText(manifestSha);

  // The run is in the history.
  await expect(page.getByRole("table", { name: "Exit-test runs" }).getByText("1 PASS").first()).toBeVisible();
});

test("the analytics and program health dashboards show the funnel, the deal comparison and monthly trends", async ({ page }) => {
  await page.goto("/admin/analytics");
  await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Funnel by quarter" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Funnel by partner" }).getByRole("link", { name: "Brightpixel Studio" })).toBeVisible();
  await expect(page.getByText("Partner-sourced").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Program health" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Program health" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Commission payout accuracy" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Brand compliance rate" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Program health by month" })).toBeVisible();
  await expectAccessible(page);
});
