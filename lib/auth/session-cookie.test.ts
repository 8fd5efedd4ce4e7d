import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "./guards";

describe("hasSessionCookie", () => {
  it("recognises Auth.js session cookies, whole, chunked or secure", () => {
    expect(hasSessionCookie(["authjs.session-token"])).toBe(true);
    expect(hasSessionCookie(["pp_partner", "authjs.session-token.0", "authjs.session-token.1"])).toBe(true);
    expect(hasSessionCookie(["__Secure-authjs.session-token"])).toBe(true);
  });

  it("treats a visitor with only other cookies as anonymous", () => {
    expect(hasSessionCookie([])).toBe(false);
    expect(hasSessionCookie(["pp_attr", "authjs.csrf-token", "authjs.callback-url", "x-authjs.session-token"])).toBe(false);
  });
});
