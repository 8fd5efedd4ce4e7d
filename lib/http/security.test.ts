import { describe, expect, it } from "vitest";
import { baseSecurityHeaders, contentSecurityPolicy, sameOrigin } from "./security";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, refuses framing, and upgrades requests on https", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
  });
  it("adds unsafe-eval only in development and leaves http alone", () => {
    const csp = contentSecurityPolicy("n", { dev: true, https: false });
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });
});

describe("baseSecurityHeaders", () => {
  it("sends HSTS only over https", () => {
    expect(baseSecurityHeaders(true)).toHaveProperty("strict-transport-security");
    expect(baseSecurityHeaders(false)).not.toHaveProperty("strict-transport-security");
    expect(baseSecurityHeaders(false)["x-content-type-options"]).toBe("nosniff");
  });
});

describe("sameOrigin", () => {
  const hosts = ["partners.provenant.dev", "localhost:3000"];
  const h = (init: Record<string, string>) => new Headers(init);
  it.each([
    [{ origin: "https://partners.provenant.dev" }, true],
    [{ origin: "http://localhost:3000" }, true],
    [{ origin: "https://evil.example" }, false],
    [{ origin: "null" }, false],
    [{ referer: "https://partners.provenant.dev/console" }, true],
    [{ referer: "https://evil.example/x" }, false],
    [{}, false],
    [{ origin: "not a url" }, false],
  ])("%j -> %s", (headers, expected) => {
    expect(sameOrigin(h(headers), hosts)).toBe(expected);
  });
});
