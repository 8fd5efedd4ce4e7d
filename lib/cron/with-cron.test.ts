import { describe, expect, it } from "vitest";
import { cronAuthorized } from "./with-cron";

describe("cronAuthorized", () => {
  const secret = "s3cret-s3cret-s3cret";
  it.each([
    [`Bearer ${secret}`, secret, "production", true],
    [`bearer ${secret}`, secret, "production", true],
    ["Bearer wrong-wrong-wrong-wrong", secret, "production", false],
    [`Bearer ${secret}x`, secret, "production", false],
    [null, secret, "development", false],
    [secret, secret, "production", false],
    [null, undefined, "development", true],
    [null, undefined, "production", false],
    [null, undefined, "test", false],
  ])("%s with secret %s in %s -> %s", (header, s, env, ok) => {
    expect(cronAuthorized(header, s, env)).toBe(ok);
  });
});
