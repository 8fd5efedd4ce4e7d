import { createRequire } from "node:module";
import vm from "node:vm";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signatureHeaders } from "./signing";
import { NODE_VERIFY_SNIPPET } from "./verify-snippet";

// The snippet from the docs page, run as a partner would run it.
type Verify = (secret: string, headers: Record<string, string>, body: string, tolerance?: number) => unknown;
const verifyWebhook = vm.runInNewContext(`${NODE_VERIFY_SNIPPET}\nverifyWebhook`, {
  require: createRequire(import.meta.url),
  Buffer,
  Date,
  Math,
  Number,
  JSON,
  Error,
}) as Verify;

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const OTHER = "whsec_" + Buffer.alloc(32, 7).toString("base64");
const body = JSON.stringify({ id: "evt_1", type: "partner.test", timestamp: "2026-03-02T10:00:00.000Z", data: { message: "hi" } });

describe("the documented Node verification snippet", () => {
  it("accepts a fresh request signed by us, and returns the event", () => {
    const headers = signatureHeaders({ id: "whd_abc", timestamp: new Date(), body, secrets: [SECRET] });
    expect(verifyWebhook(SECRET, { ...headers }, body)).toMatchObject({ type: "partner.test" });
  });

  it("accepts a request during a rotation with either secret", () => {
    const headers = signatureHeaders({ id: "whd_abc", timestamp: new Date(), body, secrets: [OTHER, SECRET] });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => verifyWebhook(SECRET, { ...headers }, body)).not.toThrow();
    expect(() => verifyWebhook(OTHER, { ...headers }, body)).not.toThrow();
  });

  it("rejects a replay of an old signed request (timestamp tolerance)", () => {
    const old = new Date(Date.now() - 10 * 60_000);
    const headers = signatureHeaders({ id: "whd_abc", timestamp: old, body, secrets: [SECRET] });
    expect(() => verifyWebhook(SECRET, { ...headers }, body)).toThrow("Timestamp outside the tolerance");
    const future = signatureHeaders({ id: "whd_abc", timestamp: new Date(Date.now() + 10 * 60_000), body, secrets: [SECRET] });
    expect(() => verifyWebhook(SECRET, { ...future }, body)).toThrow("Timestamp outside the tolerance");
  });

  it("rejects a changed body, id or timestamp, another secret, and missing headers", () => {
    const headers = { ...signatureHeaders({ id: "whd_abc", timestamp: new Date(), body, secrets: [SECRET] }) };
    expect(() => verifyWebhook(SECRET, headers, body.replace("hi", "ho"))).toThrow("Invalid signature");
    expect(() => verifyWebhook(SECRET, { ...headers, "webhook-id": "whd_abd" }, body)).toThrow("Invalid signature");
    const ts = String(Number(headers["webhook-timestamp"]) - 1);
    expect(() => verifyWebhook(SECRET, { ...headers, "webhook-timestamp": ts }, body)).toThrow("Invalid signature");
    expect(() => verifyWebhook(OTHER, headers, body)).toThrow("Invalid signature");
    expect(() => verifyWebhook(SECRET, { ...headers, "webhook-signature": "v2," + headers["webhook-signature"].slice(3) }, body)).toThrow(
      "Invalid signature",
    );
    expect(() => verifyWebhook(SECRET, { "webhook-id": "x" }, body)).toThrow("Missing webhook headers");
    expect(() => verifyWebhook(SECRET, { ...headers, "webhook-timestamp": "soon" }, body)).toThrow("tolerance");
  });

  it("agrees with the standardwebhooks package", () => {
    const headers = { ...signatureHeaders({ id: "whd_xyz", timestamp: new Date(), body, secrets: [SECRET] }) };
    expect(new Webhook(SECRET).verify(body, headers)).toEqual(JSON.parse(body));
  });
});
