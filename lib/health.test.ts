import { describe, expect, it } from "vitest";
import { checkHealth, checkReady } from "./health";

describe("health and readiness", () => {
  it("is live and ready on a migrated database", async () => {
    expect(await checkHealth()).toMatchObject({ ok: true, database: "up" });
    const ready = await checkReady();
    expect(ready.ok).toBe(true);
    expect(ready.migrations.applied).toBe(ready.migrations.expected);
    expect(ready.migrations.expected).toBeGreaterThanOrEqual(4);
  });
});
