import { describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/store";
import type { Principal } from "@/lib/auth/permissions";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { getPartner } from "./store";
import { updateListing } from "./update-listing";

const form = {
  tagline: "WordPress provenance in a day",
  description: "We install Content Credentials.",
  website: "https://example.com",
  hqCountry: "de",
  regions: ["europe", "europe"],
  stacks: ["wordpress", "shopify"],
  languages: ["en", "de"],
  contactName: "Ada",
  contactEmail: "Sales@Example.com",
  slaResponseHours: 24,
  proofLinks: ["https://example.com/a.jpg"],
};

describe("updateListing", () => {
  it("saves the whole form for a member and records only what changed; new proof links wait for review", async () => {
    const { partner, asMember } = await makeTeam();
    const saved = await updateListing({ principal: asMember, partnerId: partner.id, input: form, mode: "replace", now: T0 });
    expect(saved).toMatchObject({ hqCountry: "DE", regions: ["europe"], contactEmail: "sales@example.com", proofLinks: [] });
    expect(saved.pendingReviewId).toMatch(/^lrv_/);
    const { rows } = await listAuditEvents({ partnerId: partner.id, page: 1, pageSize: 10 });
    expect(rows.map((r) => r.action).sort()).toEqual(["partner.listing_updated", "partner.proof_links_submitted"]);
    const updated = rows.find((r) => r.action === "partner.listing_updated")!;
    expect(updated).toMatchObject({ actorType: "user" });
    expect(updated.after).toMatchObject({ tagline: form.tagline, slaResponseHours: 24 });
    expect(updated.after).not.toHaveProperty("proofLinks");
    expect(updated.before).not.toHaveProperty("name");
    const submitted = rows.find((r) => r.action === "partner.proof_links_submitted")!;
    expect(submitted.after).toEqual({ proofLinks: ["https://contentcredentials.org/verify?source=https%3A%2F%2Fexample.com%2Fa.jpg"] });
  });

  it("writes no audit event when nothing changed", async () => {
    const { partner, asOwner } = await makeTeam();
    const first = await updateListing({ principal: asOwner, partnerId: partner.id, input: form, mode: "replace", now: T0 });
    const second = await updateListing({ principal: asOwner, partnerId: partner.id, input: form, mode: "replace", now: T0 });
    // The same pending proof links are not submitted twice.
    expect(second.pendingReviewId).toBe(first.pendingReviewId);
    expect((await listAuditEvents({ partnerId: partner.id, page: 1, pageSize: 10 })).total).toBe(2);
  });

  it("refuses another partner's member (403) and leaves the listing untouched", async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    await expect(
      updateListing({ principal: b.asOwner, partnerId: a.partner.id, input: form, mode: "replace", now: T0 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      updateListing({ principal: null, partnerId: a.partner.id, input: form, mode: "replace", now: T0 }),
    ).rejects.toMatchObject({ code: "unauthorized" });
    expect((await getPartner(a.partner.id))!.tagline).toBe("");
  });

  it("does not let an admin rewrite a partner's listing", async () => {
    const { partner } = await makeTeam();
    await expect(
      updateListing({ principal: await makeAdmin(), partnerId: partner.id, input: form, mode: "replace", now: T0 }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("returns field messages for bad input and saves nothing", async () => {
    const { partner, asOwner } = await makeTeam();
    const error = await updateListing({
      principal: asOwner,
      partnerId: partner.id,
      input: { ...form, website: "ftp://x", regions: [], slaResponseHours: 0, proofLinks: ["not a url"] },
      mode: "replace",
      now: T0,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "validation_failed" });
    const fields = (error as { fields: Record<string, string[]> }).fields;
    expect(Object.keys(fields).sort()).toEqual(
      ["proofLinks.0", "regions", "slaResponseHours", "website"],
    );
    expect((await getPartner(partner.id))!.website).toBeNull();

    const tooMany = await updateListing({
      principal: asOwner,
      partnerId: partner.id,
      input: { ...form, proofLinks: ["https://a.test/1", "https://a.test/2", "https://a.test/3", "https://a.test/4"] },
      mode: "replace",
      now: T0,
    }).catch((e: unknown) => e);
    expect(tooMany).toMatchObject({ fields: { proofLinks: ["At most 3 proof links"] } });
  });

  it("patches a subset of fields with a partner API key in scope", async () => {
    const { partner } = await makeTeam();
    const key: Principal = {
      kind: "key",
      key: { keyId: "key_t", kind: "partner", partnerId: partner.id, scopes: ["listing:write"], name: "CI" },
    };
    const saved = await updateListing({ principal: key, partnerId: partner.id, input: { slaResponseHours: 6 }, mode: "patch", now: T0 });
    expect(saved.slaResponseHours).toBe(6);
    expect(saved.stacks).toEqual(["wordpress"]);
    const { rows } = await listAuditEvents({ partnerId: partner.id, page: 1, pageSize: 10 });
    expect(rows[0]).toMatchObject({ actorType: "api_key", actorId: "key_t" });

    await expect(
      updateListing({ principal: key, partnerId: partner.id, input: { nonsense: 1 }, mode: "patch", now: T0 }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      updateListing({ principal: key, partnerId: partner.id, input: {}, mode: "patch", now: T0 }),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });
});
