import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "../client";
import { partners } from "../schema";
import { hasSignedCurrentAgreements } from "@/lib/legal/signatures";
import { sha256Hex } from "@/lib/legal/versions";
import { seedDemo } from ".";
import { RESIGN_PARTNER_SLUG } from "./legal";

const NOW = new Date("2026-11-26T09:00:00Z");

describe("legal demo seed", () => {
  it("publishes every document (the agreement's 1.0 superseded), has most partners signed, one that must re-sign and some that never signed", { timeout: 120_000 }, async () => {
    const db = await getDb();
    await seedDemo(db, { now: NOW });

    const pubs = await queryRows<{ document: string; version: string; body: string; sha256: string }>(db, sql`select document, version, body, sha256 from legal_publications order by document, version`);
    expect(pubs.map((p) => `${p.document}@${p.version}`)).toEqual(["marketplace_terms@1.0", "master_agreement@1.0", "master_agreement@2.0", "program_guide@1.0"]);
    for (const p of pubs) expect(sha256Hex(p.body)).toBe(p.sha256);

    const all = await db.select({ id: partners.id, slug: partners.slug }).from(partners);
    const states = await Promise.all(all.map(async (p) => ({ slug: p.slug, ...(await hasSignedCurrentAgreements(db, p.id, NOW)) })));
    const signed = states.filter((s) => s.ok);
    expect(signed.length).toBeGreaterThan(all.length * 0.8);
    expect(states.find((s) => s.slug === RESIGN_PARTNER_SLUG)).toMatchObject({ ok: false, missing: ["master_agreement"] });
    expect(states.find((s) => s.slug === "brightpixel-studio")).toMatchObject({ ok: true });
    expect(states.filter((s) => s.missing.length === 2).length).toBeGreaterThan(0);

    // Every signature records the hash of the text it points to.
    const mismatched = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from legal_signatures s join legal_publications p on p.id = s.publication_id where s.document_sha256 <> p.sha256 or s.version <> p.version`);
    expect(mismatched[0]!.n).toBe(0);
    const [resigner] = await db.select().from(partners).where(eq(partners.slug, RESIGN_PARTNER_SLUG));
    const trail = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_events where partner_id = ${resigner!.id} and action = 'agreement.signed'`);
    expect(trail[0]!.n).toBe(2);
  });
});
