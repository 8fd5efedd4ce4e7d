import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// End-to-end tests against the production build (`npm run build` first), on a
// PGlite database of their own under .data/e2e, seeded fresh for each run.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const ci = Boolean(process.env.CI);
// Debian's Chromium when present (no browser downloads on these machines).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export const STORAGE = {
  owner: ".data/e2e-auth/owner.json",
  member: ".data/e2e-auth/member.json",
  admin: ".data/e2e-auth/admin.json",
};

export default defineConfig({
  testDir: "e2e",
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  workers: 2,
  // Generous: CI machines are small and the server renders every page on demand.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: ci ? [["list"], ["json", { outputFile: ".ci/out/playwright.json" }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "anonymous", testMatch: /anonymous\/.*\.spec\.ts/ },
    { name: "partner", testMatch: /partner\/.*\.spec\.ts/, dependencies: ["setup"], use: { storageState: STORAGE.owner } },
    { name: "admin", testMatch: /admin\/.*\.spec\.ts/, dependencies: ["setup"], use: { storageState: STORAGE.admin } },
    { name: "flows", testMatch: /flows\/.*\.spec\.ts/, dependencies: ["setup"] },
    // Program-wide changes (publishing new terms every partner must sign) run
    // after everything else, so no other spec sees them half-way.
    { name: "last", testMatch: /last\/.*\.spec\.ts/, dependencies: ["anonymous", "partner", "admin", "flows"], use: { storageState: STORAGE.owner } },
  ],
  webServer: {
    command: "node -e \"require('fs').rmSync('.data/e2e',{recursive:true,force:true})\" && npm run start",
    url: `${baseURL}/api/health`,
    reuseExistingServer: !ci,
    timeout: 180_000,
    env: {
      PORT: String(PORT),
      DATA_DIR: ".data/e2e",
      APP_URL: baseURL,
      DEMO_LOGIN: "true",
      DATABASE_URL: "",
      RESEND_API_KEY: "",
      // Webhook e2e specs run their receiver on a local port.
      WEBHOOK_ALLOW_PRIVATE_URLS: "true",
      // The survival prober checks the app's own fixture site on localhost.
      FIXTURE_SITE: "true",
      PROBER_ALLOW_PRIVATE_HOSTS: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
