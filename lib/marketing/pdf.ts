import "server-only";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Prints a self-contained HTML document to PDF with the installed Chromium.
 * The page may load nothing from the network (images come as data: URIs), so
 * partner-supplied content cannot make the server fetch anything.
 */
export async function htmlToPdf(html: string, executablePath = getEnv().CHROMIUM_PATH): Promise<Uint8Array> {
  if (!existsSync(executablePath)) {
    throw new AppError({
      code: "unavailable",
      message: `PDF printing is not available on this server: no Chromium at ${executablePath} (set CHROMIUM_PATH). The HTML version and the PNG card still work.`,
    });
  }
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: "load", timeout: 15_000 });
    const pdf = await page.pdf({ format: "A4", printBackground: true, margin: { top: "14mm", bottom: "14mm", left: "14mm", right: "14mm" } });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
