import { describe, expect, it } from "vitest";
import { formatDateTime } from "./format";

describe("formatDateTime", () => {
  it("writes the hour after midnight as 00, never 24", () => {
    expect(formatDateTime(new Date("2026-11-26T00:12:00Z"))).toBe("Nov 26, 2026, 00:12 UTC");
    expect(formatDateTime(new Date("2026-11-26T23:59:00Z"))).toBe("Nov 26, 2026, 23:59 UTC");
    expect(formatDateTime(null)).toBe("—");
  });
});
