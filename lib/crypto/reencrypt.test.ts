import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { makeTeam } from "@/lib/testing/factories";
import { addEndpoint } from "@/lib/testing/webhooks";
import { rotateEndpointSecret } from "@/lib/webhooks/rotate-secret";
import { reencryptSecrets } from "./reencrypt";
import { decryptSecret, keyFromBase64, resetEncryptionKeysForTests } from "./secrets";

const OLD = Buffer.alloc(32, 11).toString("base64");
const NEW = Buffer.alloc(32, 22).toString("base64");

function useKeys(value: string) {
  process.env.ENCRYPTION_KEYS = value;
  resetEnvForTests();
  resetEncryptionKeysForTests();
}

describe("key rotation for stored secrets", () => {
  it("re-encrypts webhook secrets under the new key, after which the old key can go", async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
    useKeys(OLD);
    const team = await makeTeam();
    const { endpoint, secret } = await addEndpoint(team.asOwner, team.partner.id, "http://127.0.0.1:9/a");
    const { secret: rotated } = await rotateEndpointSecret({ principal: team.asOwner, partnerId: team.partner.id, endpointId: endpoint.id, now: new Date() });
    const db = await getDb();
    const before = (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0]!;
    expect(before.secretEncrypted).toContain(`.${keyFromBase64(OLD).id}.`);
    expect(before.secretEncrypted).not.toContain(rotated);

    // A new key first, the old one still listed: everything still decrypts; the script moves it over.
    useKeys(`${NEW},${OLD}`);
    const run = await reencryptSecrets({ batch: 1 });
    expect(run).toMatchObject({ reencrypted: expect.any(Number), unreadable: [], currentKeyId: keyFromBase64(NEW).id });
    expect(run.reencrypted).toBeGreaterThanOrEqual(1);
    expect((await reencryptSecrets()).reencrypted).toBe(0); // nothing left to do

    // The old key removed: both the current and the previous secret still open.
    useKeys(NEW);
    const after = (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0]!;
    expect(decryptSecret(after.secretEncrypted)).toBe(rotated);
    expect(decryptSecret(after.previousSecretEncrypted!)).toBe(secret);
  });

  it("reports values whose key is gone instead of failing", async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
    useKeys(OLD);
    const team = await makeTeam();
    const { endpoint } = await addEndpoint(team.asOwner, team.partner.id, "http://127.0.0.1:9/b");
    useKeys(NEW);
    const run = await reencryptSecrets();
    expect(run.unreadable).toContain(`webhook_endpoints.secretEncrypted ${endpoint.id}`);
  });
});
