import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { listAuditEvents } from "@/lib/audit/store";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { hashKeySecret } from "./keys";
import { authenticateApiKey, createPartnerApiKey, createPlatformApiKey, revokeApiKey } from "./manage-keys";
import { listPartnerApiKeys } from "./store";

describe("partner API keys", () => {
  it("shows the secret once and stores only its hash", async () => {
    const { partner, asOwner } = await makeTeam();
    const { key, secret } = await createPartnerApiKey({
      principal: asOwner,
      partnerId: partner.id,
      input: { name: "CRM sync", scopes: ["partner:read", "partner:read"] },
      now: T0,
    });
    expect(secret).toMatch(/^ppk_live_[0-9A-Za-z]{32}$/);
    expect(key.scopes).toEqual(["partner:read"]);
    expect(secret.startsWith(key.prefix)).toBe(true);
    const stored = await (await getDb()).select().from(apiKeys);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.find((k) => k.id === key.id)!.hash).toBe(hashKeySecret(secret));
    expect((await listAuditEvents({ objectId: key.id, page: 1, pageSize: 5 })).rows[0]?.action).toBe("api_key.created");
  });

  it("authenticates a live key, and not once it is revoked", async () => {
    const { partner, asOwner } = await makeTeam();
    const { key, secret } = await createPartnerApiKey({
      principal: asOwner,
      partnerId: partner.id,
      input: { name: "Zapier", scopes: ["listing:write"] },
      now: T0,
    });
    expect(await authenticateApiKey(secret, T0)).toMatchObject({ keyId: key.id, partnerId: partner.id, kind: "partner" });
    expect((await listPartnerApiKeys(partner.id))[0]!.lastUsedAt?.toISOString()).toBe(T0.toISOString());

    await revokeApiKey({ principal: asOwner, keyId: key.id, now: T0 });
    expect(await authenticateApiKey(secret, T0)).toBeNull();
    await expect(revokeApiKey({ principal: asOwner, keyId: key.id, now: T0 })).rejects.toMatchObject({ code: "conflict" });
  });

  it("rejects malformed and unknown secrets", async () => {
    expect(await authenticateApiKey("nope", T0)).toBeNull();
    expect(await authenticateApiKey("ppk_live_" + "A".repeat(32), T0)).toBeNull();
  });

  it("only owners create keys; another partner sees 404 when revoking", async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    await expect(
      createPartnerApiKey({ principal: a.asMember, partnerId: a.partner.id, input: { name: "x", scopes: ["partner:read"] }, now: T0 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const { key } = await createPartnerApiKey({
      principal: a.asOwner,
      partnerId: a.partner.id,
      input: { name: "x", scopes: ["partner:read"] },
      now: T0,
    });
    await expect(revokeApiKey({ principal: b.asOwner, keyId: key.id, now: T0 })).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeApiKey({ principal: a.asOwner, keyId: "key_missing", now: T0 })).rejects.toMatchObject({ code: "not_found" });
  });

  it("validates name and scopes with field messages", async () => {
    const { partner, asOwner } = await makeTeam();
    const error = await createPartnerApiKey({
      principal: asOwner,
      partnerId: partner.id,
      input: { name: " ", scopes: ["members:manage"] },
      now: T0,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "validation_failed" });
    expect(Object.keys((error as { fields: object }).fields).sort()).toEqual(["name", "scopes.0"]);
  });
});

describe("platform API keys", () => {
  it("are created by admins only", async () => {
    const { asOwner } = await makeTeam();
    await expect(
      createPlatformApiKey({ principal: asOwner, input: { name: "Platform", scopes: ["platform:write"] }, now: T0 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const { secret } = await createPlatformApiKey({
      principal: await makeAdmin(),
      input: { name: "Platform", scopes: ["platform:write"] },
      now: T0,
    });
    expect(secret).toMatch(/^plk_live_/);
    expect(await authenticateApiKey(secret, T0)).toMatchObject({ kind: "platform", partnerId: null, scopes: ["platform:write"] });
  });
});
