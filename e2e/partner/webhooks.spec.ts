import { expect, test } from "@playwright/test";
import { startWebhookReceiver, type WebhookReceiver } from "../../lib/testing/webhook-receiver";
import { expectAccessible } from "../helpers";

// The owner adds an endpoint pointing at a receiver this spec runs on a local
// port, sends a test event, and sees it delivered; the receiver checks the
// Standard Webhooks signature with its own implementation.

let receiver: WebhookReceiver;
let secret = "";

test.beforeAll(async () => {
  receiver = await startWebhookReceiver({ secrets: () => (secret ? [secret] : []) });
});
test.afterAll(async () => {
  await receiver.close();
});

test("an owner adds an endpoint, sends a test event, and the receiver verifies it", async ({ page }) => {
  test.setTimeout(90_000); // one long journey: add, reveal the secret, test, resend, delete
  await page.goto("/console");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expectAccessible(page);

  // Bad input is refused with a message on the field.
  await page.getByLabel("Endpoint URL").fill("http://hooks.example.com/provenant");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Use an https:// URL (plain http is only for local testing)")).toBeVisible();
  await expect(page.getByText("Choose at least one event type")).toBeVisible();

  await page.getByLabel("Endpoint URL").fill(receiver.url);
  await page.getByLabel("Description (optional)").fill("E2E receiver");
  await page.getByRole("checkbox", { name: /Deal registered/ }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  secret = (await page.getByTestId("new-secret-value").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  await page.getByRole("button", { name: "Done" }).click();

  await expect(page.getByRole("heading", { level: 1, name: receiver.url })).toBeVisible();
  await expect(page.getByText("No deliveries yet")).toBeVisible();
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByTestId("endpoint-notice")).toContainText("Delivered: HTTP 200");

  const row = page.getByTestId("delivery-row").first();
  await expect(row.getByText("Test event")).toBeVisible();
  await expect(row.getByText("Delivered")).toBeVisible();

  expect(receiver.received).toHaveLength(1);
  const got = receiver.received[0]!;
  expect(got.verifiedWith).toBe(0);
  expect(got.fresh).toBe(true);
  expect(got.json).toMatchObject({ type: "partner.test", data: { message: expect.stringContaining("test event") } });
  await expect(row).toContainText(got.id);
  await expectAccessible(page);

  // Resend keeps the webhook-id.
  await row.getByRole("button", { name: /Resend/ }).click();
  await expect(row.getByText(/Delivered: HTTP 200/)).toBeVisible();
  expect(receiver.received.map((r) => r.id)).toEqual([got.id, got.id]);

  // The secret is never shown again; delete cleans up.
  await page.reload();
  await expect(page.getByTestId("new-secret-value")).toHaveCount(0);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await page.waitForURL(/\/console\/webhooks$/);
  await expect(page.getByRole("link", { name: receiver.url })).toHaveCount(0);
});

test("the seeded demo endpoint shows its delivery history", async ({ page }) => {
  await page.goto("/console/webhooks");
  await page.getByRole("link", { name: "https://hooks.brightpixel.studio/provenant" }).click();
  await expect(page.getByRole("heading", { name: "Deliveries" })).toBeVisible();
  await expect(page.getByTestId("delivery-row").getByText("Delivered").first()).toBeVisible();
  await expect(page.getByTestId("delivery-row").getByText("Retrying").first()).toBeVisible();
  await page.getByRole("link", { name: "Failed", exact: true }).click();
  await expect(page.getByText("No deliveries with this status")).toBeVisible();
});
