import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { createPartnerApiKey } from "@/lib/api-keys/manage-keys";
import { makeTeam, T0 } from "@/lib/testing/factories";
import { GET, POST } from "./route";

async function keyFor(scopes: string[]) {
  const { partner, asOwner } = await makeTeam();
  const { secret } = await createPartnerApiKey({ principal: asOwner, partnerId: partner.id, input: { name: "hooks", scopes }, now: T0 });
  return { partner, secret };
}

const post = (secret: string, body: string, contentType = "application/json") =>
  POST(
    new NextRequest("http://localhost/api/v1/webhooks/endpoints", {
      method: "POST",
      body,
      headers: { authorization: `Bearer ${secret}`, "content-type": contentType },
    }),
    { params: Promise.resolve({}) },
  );

describe("POST /api/v1/webhooks/endpoints", () => {
  it("adds an endpoint and returns its secret once; lists it without the secret", async () => {
    const { secret } = await keyFor(["webhooks:read", "webhooks:manage"]);
    const res = await post(secret, JSON.stringify({ url: "https://hooks.example.com/in", eventTypes: ["partner.payout.paid"] }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.secret).toMatch(/^whsec_/);
    expect(body.data).toMatchObject({ url: "https://hooks.example.com/in", eventTypes: ["partner.payout.paid"], status: "active" });
    const list = await GET(new NextRequest("http://localhost/api/v1/webhooks/endpoints", { headers: { authorization: `Bearer ${secret}` } }), {
      params: Promise.resolve({}),
    });
    const text = await list.text();
    expect(JSON.parse(text).data).toHaveLength(1);
    expect(text).not.toContain(body.secret.slice(6));
  });

  it.each([
    ["a wrong content type", '{"url":"https://hooks.example.com/in","eventTypes":["*"]}', "text/plain", "content-type"],
    ["an oversized body", JSON.stringify({ url: "https://hooks.example.com/in", eventTypes: ["*"], description: "x".repeat(20_000) }), "application/json", "_"],
    ["malformed JSON", "{url", "application/json", "_"],
    ["an unknown field", '{"url":"https://hooks.example.com/in","eventTypes":["*"],"secret":"whsec_mine"}', "application/json", "secret"],
    ["a plain http URL", '{"url":"http://hooks.example.com/in","eventTypes":["*"]}', "application/json", "url"],
    ["an unknown event type", '{"url":"https://hooks.example.com/in","eventTypes":["partner.nope"]}', "application/json", "eventTypes.0"],
  ])("400 with field errors for %s", async (_name, body, contentType, field) => {
    const { secret } = await keyFor(["webhooks:manage"]);
    const res = await post(secret, body, contentType);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.code).toMatch(/bad_request|validation_failed/);
    expect(Object.keys(json.error.fields)).toContain(field);
  });

  it("403 without the webhooks:manage scope, 401 without a key", async () => {
    const { secret } = await keyFor(["webhooks:read"]);
    expect((await post(secret, '{"url":"https://hooks.example.com/in","eventTypes":["*"]}')).status).toBe(403);
    const anonymous = await POST(new NextRequest("http://localhost/api/v1/webhooks/endpoints", { method: "POST", body: "{}" }), {
      params: Promise.resolve({}),
    });
    expect(anonymous.status).toBe(401);
  });
});
