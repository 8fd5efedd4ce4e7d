import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { POST as rollups } from "@/app/api/cron/evidence-rollups/route";
import { POST as probes } from "@/app/api/cron/survival-probes/route";
import { POST as surveys } from "@/app/api/cron/nps-surveys/route";
import { resetEnvForTests } from "@/lib/env";

// The evidence cron routes: refused without the secret, { processed, skipped, changed } with it.

const SECRET = "cron-secret-for-tests-0123456789";
const call = (route: (req: NextRequest) => Promise<Response>, auth?: string) =>
  route(new NextRequest("http://localhost:3000/api/cron/x", { method: "POST", headers: auth ? { authorization: auth } : {} }));

afterEach(() => {
  delete process.env.CRON_SECRET;
  resetEnvForTests();
});

describe("cron routes", () => {
  it("refuse callers without the right secret once one is set", async () => {
    process.env.CRON_SECRET = SECRET;
    resetEnvForTests();
    expect((await call(rollups)).status).toBe(401);
    expect((await call(rollups, "Bearer wrong-secret-wrong-secret")).status).toBe(401);
  });

  it("run with the secret and answer with counts", async () => {
    process.env.CRON_SECRET = SECRET;
    resetEnvForTests();
    for (const route of [rollups, probes, surveys]) {
      const res = await call(route, `Bearer ${SECRET}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ processed: expect.any(Number), skipped: expect.any(Number), changed: expect.any(Number) });
    }
  });
});
