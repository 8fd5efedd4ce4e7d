import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { POST as cron } from "@/app/api/cron/exit-tests/route";
import { resetEnvForTests } from "@/lib/env";

const SECRET = "cron-secret-for-tests-0123456789";

afterEach(() => {
  delete process.env.CRON_SECRET;
  resetEnvForTests();
});

describe("exit-test cron route", () => {
  it("the cron route needs the secret, then records a run and answers with counts", async () => {
    process.env.CRON_SECRET = SECRET;
    resetEnvForTests();
    const call = (auth?: string) => cron(new NextRequest("http://localhost:3000/api/cron/exit-tests", { method: "POST", headers: auth ? { authorization: auth } : {} }));
    expect((await call()).status).toBe(401);
    const res = await call(`Bearer ${SECRET}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ job: "exit-tests", processed: 3, skipped: 0, changed: 1, passed: 0, failed: 3, run: expect.stringMatching(/^etr_/) });
  });
});
