import { describe, expect, it } from "vitest";
import { cronAuthorized } from "./with-cron";

const SECRET = "a-long-cron-secret-value";

describe("cronAuthorized", () => {
  it.each([
    [`Bearer ${SECRET}`, SECRET, "production", true],
    [`bearer ${SECRET}`, SECRET, "production", true],
    [`Bearer ${SECRET}x`, SECRET, "production", false],
    [`Bearer ${SECRET.slice(0, -1)}`, SECRET, "production", false],
    [SECRET, SECRET, "production", false],
    [null, SECRET, "production", false],
    [null, SECRET, "development", false], // a configured secret is required everywhere
    [null, undefined, "production", false], // unset in production: refuse everything
    [`Bearer anything`, undefined, "production", false],
    [null, undefined, "development", true], // unset in development: allowed, to try locally
    [null, undefined, "test", true],
  ] as const)("%s with secret %s in %s -> %s", (header, secret, env, expected) => {
    expect(cronAuthorized(header, secret, env)).toBe(expected);
  });
});
