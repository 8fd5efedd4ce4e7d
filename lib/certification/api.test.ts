import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as cron } from "@/app/api/cron/certification/route";
import { GET as getCertification } from "@/app/api/v1/certification/route";
import { createPartnerApiKey } from "@/lib/api-keys/manage-keys";
import { resetEnvForTests } from "@/lib/env";
import { makeTeam, T0 } from "@/lib/testing/factories";

// The certification routes through their real handlers.

const none = { params: Promise.resolve({}) };

describe("GET /api/v1/certification", () => {
  it("gives a partner key its own status and requirement progress; needs the scope", async () => {
    const team = await makeTeam({ track: "enterprise_integrator" });
    const { secret } = await createPartnerApiKey({ principal: team.asOwner, partnerId: team.partner.id, input: { name: "cert", scopes: ["certification:read"] }, now: T0 });
    const res = await getCertification(new NextRequest("http://localhost:3000/api/v1/certification", { headers: { authorization: `Bearer ${secret}` } }), none);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ partnerId: team.partner.id, track: "enterprise_integrator", status: "uncertified", requirementsMet: 1 });
    expect(body.requirements.map((r: { id: string }) => r.id)).toEqual(["references", "runbook", "incident_sla", "pen_test"]);
    expect(body.requirements[0]).toMatchObject({ met: false, nextStep: "Submit an enterprise reference", href: "/console/certification/documents" });

    const { secret: other } = await createPartnerApiKey({ principal: team.asOwner, partnerId: team.partner.id, input: { name: "no scope", scopes: ["partner:read"] }, now: T0 });
    expect((await getCertification(new NextRequest("http://localhost:3000/api/v1/certification", { headers: { authorization: `Bearer ${other}` } }), none)).status).toBe(403);
    expect((await getCertification(new NextRequest("http://localhost:3000/api/v1/certification"), none)).status).toBe(401);
  });
});

describe("/api/cron/certification", () => {
  it("refuses a wrong secret and reports processed, skipped and changed", async () => {
    process.env.CRON_SECRET = "s3cret-for-tests";
    resetEnvForTests();
    try {
      await makeTeam();
      expect((await cron(new Request("http://localhost:3000/api/cron/certification", { method: "POST", headers: { authorization: "Bearer nope" } }))).status).toBe(401);
      const ok = await cron(new Request("http://localhost:3000/api/cron/certification", { method: "POST", headers: { authorization: "Bearer s3cret-for-tests" } }));
      expect(ok.status).toBe(200);
      const body = await ok.json();
      expect(body).toMatchObject({ job: "certification" });
      expect(body.processed).toBeGreaterThan(0);
      const again = await (await cron(new Request("http://localhost:3000/api/cron/certification", { method: "POST", headers: { authorization: "Bearer s3cret-for-tests" } }))).json();
      expect(again.changed).toBe(0);
    } finally {
      delete process.env.CRON_SECRET;
      resetEnvForTests();
    }
  });
});
