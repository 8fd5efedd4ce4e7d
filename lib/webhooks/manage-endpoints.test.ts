import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { listAuditEvents } from "@/lib/audit/store";
import { decryptSecret } from "@/lib/crypto/secrets";
import { resetEnvForTests } from "@/lib/env";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { addEndpoint, endpointRow } from "@/lib/testing/webhooks";
import { createEndpoint } from "./create-endpoint";
import { removeEndpoint } from "./delete-endpoint";
import { getEndpoints } from "./queries";
import { MAX_ENDPOINTS_PER_PARTNER } from "./schemas";
import { setEndpointEnabled } from "./set-endpoint-status";
import { editEndpoint } from "./update-endpoint";

afterEach(() => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_URLS;
  resetEnvForTests();
});

async function fieldsOf(p: Promise<unknown>) {
  const e = (await p.then(() => null, (x: unknown) => x)) as { code: string; fields?: Record<string, string[]> } | null;
  return { code: e?.code, fields: e?.fields ?? {} };
}

describe("webhook endpoints", () => {
  it("an owner adds one: the secret is returned once and stored only encrypted, with an audit event", async () => {
    const { partner, asOwner } = await makeTeam();
    const { endpoint, secret } = await createEndpoint({
      principal: asOwner,
      partnerId: partner.id,
      input: { url: " https://hooks.example.com/provenant ", description: "CRM sync", eventTypes: ["partner.tier.changed", "partner.deal_registered", "partner.tier.changed"] },
      now: T0,
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint).toMatchObject({
      url: "https://hooks.example.com/provenant",
      description: "CRM sync",
      eventTypes: ["partner.deal_registered", "partner.tier.changed"],
      status: "active",
      secretHint: `whsec_…${secret.slice(-4)}`,
    });
    const stored = await (await getDb()).select().from(webhookEndpoints);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(6));
    expect(decryptSecret(stored[0]!.secretEncrypted)).toBe(secret);
    const audit = await listAuditEvents({ objectId: endpoint.id, page: 1, pageSize: 5 });
    expect(audit.rows[0]).toMatchObject({ action: "webhook_endpoint.created", partnerId: partner.id });
    expect(JSON.stringify(audit.rows)).not.toContain(secret.slice(6));
  });

  it("'all events' is stored as * alone", async () => {
    const { partner, asOwner } = await makeTeam();
    const { endpoint } = await addEndpoint(asOwner, partner.id, "https://hooks.example.com/a", ["partner.tier.changed", "*"]);
    expect(endpoint.eventTypes).toEqual(["*"]);
  });

  it.each([
    [{ url: "http://hooks.example.com/x", eventTypes: ["*"] }, "url", "https://"],
    [{ url: "not a url", eventTypes: ["*"] }, "url", "full URL"],
    [{ url: "https://hooks.example.com/x", eventTypes: [] }, "eventTypes", "at least one"],
    [{ url: "https://hooks.example.com/x", eventTypes: ["partner.nope"] }, "eventTypes.0", "Unknown event type"],
    [{ url: "https://hooks.example.com/x", eventTypes: ["partner.test"] }, "eventTypes.0", "Unknown event type"],
    [{ url: "https://hooks.example.com/x", eventTypes: ["*"], secret: "mine" }, "secret", "Unknown field"],
    [{ url: "https://hooks.example.com/x", eventTypes: ["*"], description: "x".repeat(201) }, "description", "200"],
    [{ eventTypes: ["*"] }, "url", "Enter the URL"],
  ])("refuses %j with a message on %s", async (input, field, message) => {
    const { partner, asOwner } = await makeTeam();
    const { code, fields } = await fieldsOf(createEndpoint({ principal: asOwner, partnerId: partner.id, input, now: T0 }));
    expect(code).toBe("validation_failed");
    expect(fields[field]?.join(" ")).toContain(message);
  });

  it("in production refuses private, loopback and plain-http local URLs (SSRF); the test flag allows them", async () => {
    const { partner, asOwner } = await makeTeam();
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "false";
    resetEnvForTests();
    for (const url of ["http://localhost:4000/hook", "https://127.0.0.1/hook", "https://169.254.169.254/latest", "https://10.0.0.8/x", "https://[::1]/x"]) {
      const { fields } = await fieldsOf(createEndpoint({ principal: asOwner, partnerId: partner.id, input: { url, eventTypes: ["*"] }, now: T0 }));
      expect(fields.url?.[0], url).toMatch(/public address/);
    }
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
    resetEnvForTests();
    await expect(addEndpoint(asOwner, partner.id, "http://localhost:4000/hook")).resolves.toBeTruthy();
  });

  it("members and admins can read but not manage; other partners see nothing", async () => {
    const { partner, asOwner, asMember } = await makeTeam();
    const other = await makeTeam();
    const { endpoint } = await addEndpoint(asOwner, partner.id, "https://hooks.example.com/a");
    expect((await getEndpoints(asMember, partner.id)).map((e) => e.id)).toEqual([endpoint.id]);
    expect((await getEndpoints(await makeAdmin(), partner.id))).toHaveLength(1);
    await expect(addEndpoint(asMember, partner.id, "https://hooks.example.com/b")).rejects.toMatchObject({ code: "forbidden" });
    await expect(addEndpoint(await makeAdmin(), partner.id, "https://hooks.example.com/b")).rejects.toMatchObject({ code: "forbidden" });
    await expect(getEndpoints(other.asOwner, partner.id)).rejects.toMatchObject({ code: "forbidden" });
    // Another partner's endpoint id, used on one's own partner: not found.
    await expect(removeEndpoint({ principal: other.asOwner, partnerId: other.partner.id, endpointId: endpoint.id, now: T0 })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("edits, disables, enables and deletes, each with an audit event", async () => {
    const { partner, asOwner } = await makeTeam();
    const { endpoint } = await addEndpoint(asOwner, partner.id, "https://hooks.example.com/a", ["partner.tier.changed"]);
    const edited = await editEndpoint({
      principal: asOwner,
      partnerId: partner.id,
      endpointId: endpoint.id,
      input: { url: "https://hooks.example.com/b", eventTypes: ["partner.badge.awarded"] },
      now: T0,
    });
    expect(edited).toMatchObject({ url: "https://hooks.example.com/b", eventTypes: ["partner.badge.awarded"] });
    const { fields } = await fieldsOf(editEndpoint({ principal: asOwner, partnerId: partner.id, endpointId: endpoint.id, input: {}, now: T0 }));
    expect(fields._?.[0]).toContain("at least one");

    const off = await setEndpointEnabled({ principal: asOwner, partnerId: partner.id, endpointId: endpoint.id, enabled: false, now: T0 });
    expect(off).toMatchObject({ status: "disabled", disabledReason: "manual" });
    const on = await setEndpointEnabled({ principal: asOwner, partnerId: partner.id, endpointId: endpoint.id, enabled: true, now: T0 });
    expect(on).toMatchObject({ status: "active", disabledReason: null, disabledAt: null });
    await removeEndpoint({ principal: asOwner, partnerId: partner.id, endpointId: endpoint.id, now: T0 });
    expect(await endpointRow(endpoint.id)).toBeUndefined();

    const actions = (await listAuditEvents({ objectId: endpoint.id, page: 1, pageSize: 10 })).rows.map((r) => r.action).sort();
    expect(actions).toEqual([
      "webhook_endpoint.created",
      "webhook_endpoint.deleted",
      "webhook_endpoint.disabled",
      "webhook_endpoint.enabled",
      "webhook_endpoint.updated",
    ]);
  });

  it(`allows at most ${MAX_ENDPOINTS_PER_PARTNER} endpoints per partner`, async () => {
    const { partner, asOwner } = await makeTeam();
    for (let i = 0; i < MAX_ENDPOINTS_PER_PARTNER; i++) await addEndpoint(asOwner, partner.id, `https://hooks.example.com/${i}`);
    await expect(addEndpoint(asOwner, partner.id, "https://hooks.example.com/more")).rejects.toMatchObject({ code: "conflict" });
  });
});
