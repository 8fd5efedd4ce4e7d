import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv: Stripe, GA4, Salesforce and benchmark variables", () => {
  it("accepts a full configuration and defaults the rest", () => {
    const env = parseEnv({
      STRIPE_WEBHOOK_SECRET: "whsec_abc123",
      GA4_MEASUREMENT_ID: "G-ABC123",
      GA4_API_SECRET: "secret-1234",
      GA4_ENDPOINT: "http://127.0.0.1:9999/mp/collect",
      SALESFORCE_INSTANCE_URL: "https://acme.my.salesforce.com",
      SALESFORCE_ACCESS_TOKEN: "00Dxx!token",
    });
    expect(env).toMatchObject({ STRIPE_WEBHOOK_SECRET: "whsec_abc123", GA4_MEASUREMENT_ID: "G-ABC123", SALESFORCE_API_VERSION: "62.0", BENCH_ROUTES: false });
  });

  it.each([
    [{ STRIPE_WEBHOOK_SECRET: "sk_live_x" }, "STRIPE_WEBHOOK_SECRET", "whsec_"],
    [{ GA4_MEASUREMENT_ID: "UA-123" }, "GA4_MEASUREMENT_ID", "G-XXXXXXX"],
    [{ GA4_MEASUREMENT_ID: "G-ABC123" }, "GA4_API_SECRET", "together"],
    [{ GA4_ENDPOINT: "ftp://x" }, "GA4_ENDPOINT", "http(s) URL"],
    [{ SALESFORCE_INSTANCE_URL: "https://acme.my.salesforce.com" }, "SALESFORCE_ACCESS_TOKEN", "SALESFORCE_CLIENT_ID"],
    [{ SALESFORCE_ACCESS_TOKEN: "00Dxx!token" }, "SALESFORCE_INSTANCE_URL", "required"],
    [{ SALESFORCE_API_VERSION: "v62" }, "SALESFORCE_API_VERSION", '"62.0"'],
    [{ BENCH_ROUTES: "yes" }, "BENCH_ROUTES", '"true" or "false"'],
  ])("refuses %o and names %s", (source, variable, hint) => {
    let caught: unknown;
    try {
      parseEnv(source);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    expect((caught as EnvError).message).toContain(`${variable}:`);
    expect((caught as EnvError).message).toContain(hint);
  });
});
