import { expect, test } from "@playwright/test";
import { EVENT_TYPES } from "../../lib/events/registry";
import { expectAccessible } from "../helpers";

test("the webhooks guide documents headers, retries, every event type and the verification snippet", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "webhook-signature" })).toBeVisible();
  await expect(page.getByLabel("Node.js verification")).toContainText("timingSafeEqual");
  const types = (await (await request.get("/api/v1/webhooks/event-types")).json()).data as { type: string }[];
  expect(types.map((t) => t.type).sort()).toEqual([...EVENT_TYPES].sort());
  for (const { type } of types) await expect(page.getByText(type, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Retry schedule" }).getByRole("row")).toHaveCount(16);
  await expectAccessible(page);
});

test("the webhooks API needs a partner key with a webhooks scope", async ({ request }) => {
  const key = "ppk_demo_Brightpixel0Studio0Demo0Key"; // seeded demo key: no webhooks scope
  const res = await request.get("/api/v1/webhooks/endpoints", { headers: { authorization: `Bearer ${key}` } });
  expect(res.status()).toBe(403);
  expect((await request.post("/api/v1/webhooks/endpoints", { data: {} })).status()).toBe(401);
});
