import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, emailOutbox, events, legalPublications, legalSignatures } from "@/db/schema";
import { pgErrorOf } from "@/lib/errors";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { repoVersion } from "./documents";
import { publishVersion } from "./publish";
import { receiptPdf } from "./receipt";
import { signAgreements } from "./sign-agreements";
import { hasSignedCurrentAgreements } from "./signatures";
import { signatureListQuerySchema } from "./schemas";
import { getAdminLegal, getConsoleAgreements, getReceipt } from "./views";
import { sha256Hex } from "./versions";

const DAY = 86_400_000;
const T1 = new Date(T0.getTime() + 10 * DAY);
const T2 = new Date(T0.getTime() + 20 * DAY);
const context = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131" };

// One database per file: the first versions are published at T0 and the
// agreement's 2.0 at T2, so a test signing at T1 sees 1.0 in force.
let admin: Awaited<ReturnType<typeof makeAdmin>>;
beforeAll(async () => {
  admin = await makeAdmin();
  for (const [document, version] of [["master_agreement", "1.0"], ["marketplace_terms", "1.0"], ["program_guide", "1.0"]] as const) {
    await publishVersion({ principal: admin, input: { document, version }, now: T0 });
  }
  await makeTeam({ name: "Already In The Program" });
  await publishVersion({ principal: admin, input: { document: "master_agreement", version: "2.0" }, now: T2 });
});

const both = (agreement = "1.0") => [
  { document: "master_agreement" as const, version: agreement },
  { document: "marketplace_terms" as const, version: "1.0" },
];

describe("signing the agreements", () => {
  it("an owner signs the current versions: a record per document with the text's SHA-256, an audit trail, an event and an emailed receipt", async () => {
    const db = await getDb();
    const { partner, owner, asOwner } = await makeTeam();
    expect(await hasSignedCurrentAgreements(db, partner.id, T0)).toEqual({ ok: false, missing: ["marketplace_terms", "master_agreement"] });

    const { receiptId, signatures } = await signAgreements({
      principal: asOwner,
      partnerId: partner.id,
      input: { fullName: ` ${owner.name!.toUpperCase()} `, consent: true, documents: both() },
      context,
      now: T1,
    });

    expect(await hasSignedCurrentAgreements(db, partner.id, T1)).toEqual({ ok: true, missing: [] });
    expect(signatures).toHaveLength(2);
    const agreementText = repoVersion("master_agreement", "1.0")!.text;
    expect(signatures.find((s) => s.document === "master_agreement")).toMatchObject({
      receiptId,
      userId: owner.id,
      signerEmail: owner.email,
      version: "1.0",
      documentSha256: sha256Hex(agreementText),
      ip: context.ip,
      userAgent: context.userAgent,
      signedAt: T1,
    });
    const trail = await db.select().from(auditEvents).where(and(eq(auditEvents.partnerId, partner.id), eq(auditEvents.action, "agreement.signed")));
    expect(trail).toHaveLength(2);
    const [event] = await db.select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, "partner.agreement_signed")));
    expect(event?.payload).toMatchObject({ receiptId, signedBy: owner.email, documents: [{ document: "marketplace_terms" }, { document: "master_agreement" }] });
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, owner.email));
    expect(mail?.subject).toContain("signature receipt");
    expect(mail?.html).toContain(sha256Hex(agreementText));
    expect(mail?.html).toContain(`/api/console/agreements/receipts/${receiptId}?format=pdf`);
  });

  it("the receipt is the partner's own: readable by its team, not found for another partner, rendered as a PDF", async () => {
    const { partner, owner, asOwner, asMember } = await makeTeam();
    const other = await makeTeam();
    const { receiptId } = await signAgreements({ principal: asOwner, partnerId: partner.id, input: { fullName: owner.name, consent: true, documents: both() }, context, now: T1 });

    const receipt = await getReceipt(asMember, receiptId);
    expect(receipt).toMatchObject({ receiptId, partnerName: partner.name, signerEmail: owner.email, ip: context.ip });
    expect(receipt.documents.map((d) => `${d.title} ${d.version}`)).toEqual(["Marketplace Terms 1.0", "Master Partner Agreement 1.0"]);
    await expect(getReceipt(other.asOwner, receiptId)).rejects.toMatchObject({ code: "not_found" });
    await expect(getReceipt(admin, receiptId)).resolves.toMatchObject({ receiptId });
    await expect(getReceipt(null, receiptId)).rejects.toMatchObject({ code: "unauthorized" });
    const pdf = await receiptPdf(receipt);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1_000);
  });

  it("a member cannot sign; bad input gets field messages; nothing is written", async () => {
    const db = await getDb();
    const { partner, owner, member, asOwner, asMember } = await makeTeam();
    await expect(
      signAgreements({ principal: asMember, partnerId: partner.id, input: { fullName: member.name, consent: true, documents: both() }, context, now: T1 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      signAgreements({ principal: asOwner, partnerId: partner.id, input: { fullName: "Somebody Else", consent: true, documents: both() }, context, now: T1 }),
    ).rejects.toMatchObject({ code: "validation_failed", fields: { fullName: [expect.stringContaining(owner.name!)] } });
    await expect(
      signAgreements({ principal: asOwner, partnerId: partner.id, input: { fullName: owner.name, consent: false, documents: both() }, context, now: T1 }),
    ).rejects.toMatchObject({ code: "validation_failed", fields: { consent: ["Tick the box to confirm that you agree"] } });
    await expect(
      signAgreements({ principal: asOwner, partnerId: partner.id, input: { fullName: owner.name, consent: true, documents: [{ document: "program_guide", version: "1.0" }] }, context, now: T1 }),
    ).rejects.toMatchObject({ code: "bad_request" });
    expect(await db.select().from(legalSignatures).where(eq(legalSignatures.partnerId, partner.id))).toEqual([]);
  });

  it("a new version makes partners sign again; signing the outdated one is a 409 with the reason", async () => {
    const db = await getDb();
    const { partner, owner, asOwner } = await makeTeam();
    await signAgreements({ principal: asOwner, partnerId: partner.id, input: { fullName: owner.name, consent: true, documents: both() }, context, now: T1 });

    expect(await hasSignedCurrentAgreements(db, partner.id, new Date(T2.getTime() - 1))).toEqual({ ok: true, missing: [] });
    expect(await hasSignedCurrentAgreements(db, partner.id, T2)).toEqual({ ok: false, missing: ["master_agreement"] });
    const view = await getConsoleAgreements(asOwner, partner.id, T2);
    expect(view.missing).toEqual(["master_agreement"]);
    expect(view.documents.map((d) => [d.document, d.version, d.signed])).toEqual([
      ["marketplace_terms", "1.0", true],
      ["master_agreement", "2.0", false],
    ]);

    const outdated = signAgreements({ principal: asOwner, partnerId: partner.id, input: { fullName: owner.name, consent: true, documents: both("1.0") }, context, now: T2 });
    await expect(outdated).rejects.toMatchObject({ code: "conflict", status: 409 });
    await expect(outdated).rejects.toThrow(/Version 1\.0 of the Master Partner Agreement is no longer current: version 2\.0 was published on/);
    const stale = signAgreements({
      principal: asOwner,
      partnerId: partner.id,
      input: { fullName: owner.name, consent: true, documents: [{ document: "master_agreement", version: "2.0", sha256: "0".repeat(64) }] },
      context,
      now: T2,
    });
    await expect(stale).rejects.toMatchObject({ code: "conflict" });
    expect(await db.select().from(legalSignatures).where(eq(legalSignatures.partnerId, partner.id))).toHaveLength(2);

    // The form sends both documents; only the one not yet signed is signed again.
    const { signatures } = await signAgreements({ principal: asOwner, partnerId: partner.id, input: { fullName: owner.name, consent: true, documents: both("2.0") }, context, now: T2 });
    expect(signatures.map((s) => [s.document, s.version])).toEqual([["master_agreement", "2.0"]]);
    expect(await hasSignedCurrentAgreements(db, partner.id, T2)).toEqual({ ok: true, missing: [] });
    await expect(
      signAgreements({ principal: asOwner, partnerId: partner.id, input: { fullName: owner.name, consent: true, documents: both("2.0") }, context, now: T2 }),
    ).rejects.toMatchObject({ code: "conflict", message: "You have already signed the current versions" });
  });

  it("with nothing published there is nothing to sign (payouts are not blocked)", async () => {
    const { partner } = await makeTeam();
    expect(await hasSignedCurrentAgreements(await getDb(), partner.id, new Date(T0.getTime() - DAY))).toEqual({ ok: true, missing: [] });
  });
});

describe("publishing versions", () => {
  it("freezes the text with its SHA-256, only forwards, admins only, audited", async () => {
    const db = await getDb();
    const [pub] = await db.select().from(legalPublications).where(and(eq(legalPublications.document, "master_agreement"), eq(legalPublications.version, "1.0")));
    expect(pub).toMatchObject({ version: "1.0", body: repoVersion("master_agreement", "1.0")!.text, sha256: sha256Hex(pub!.body), publishedAt: T0 });
    await expect(publishVersion({ principal: admin, input: { document: "master_agreement", version: "1.0" }, now: T1 })).rejects.toMatchObject({ code: "conflict" });
    await expect(publishVersion({ principal: admin, input: { document: "master_agreement", version: "2.0" }, now: T2 })).rejects.toMatchObject({ code: "conflict" });
    await expect(publishVersion({ principal: admin, input: { document: "master_agreement", version: "9.9" }, now: T1 })).rejects.toMatchObject({ code: "not_found" });
    const { asOwner } = await makeTeam();
    await expect(publishVersion({ principal: asOwner, input: { document: "marketplace_terms", version: "1.0" }, now: T1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(publishVersion({ principal: admin, input: { document: "nope", version: "" }, now: T1 })).rejects.toMatchObject({ code: "validation_failed" });
    const trail = await db.select().from(auditEvents).where(eq(auditEvents.action, "legal_document.published"));
    expect(trail.length).toBeGreaterThanOrEqual(4);
    const notices = await db.select().from(emailOutbox).where(eq(emailOutbox.kind, "agreement_new_version"));
    expect(notices.map((n) => n.subject)).toContain("Please review and sign: Master Partner Agreement 2.0");
  });

  it("publications and signatures are append-only", async () => {
    const db = await getDb();
    const { partner, owner, asOwner } = await makeTeam();
    const { signatures } = await signAgreements({ principal: asOwner, partnerId: partner.id, input: { fullName: owner.name, consent: true, documents: both() }, context, now: T1 });
    const refusal = async (p: Promise<unknown>) => pgErrorOf(await p.then(() => null, (e: unknown) => e))?.message;
    const id = signatures[0]!.id;
    expect(await refusal(db.update(legalSignatures).set({ version: "9.9" }).where(eq(legalSignatures.id, id)))).toMatch(/append-only: UPDATE/);
    expect(await refusal(db.delete(legalSignatures).where(eq(legalSignatures.id, id)))).toMatch(/append-only: DELETE/);
    expect(await refusal(db.execute(sql`truncate legal_signatures`))).toMatch(/append-only: TRUNCATE/);
    expect(await refusal(db.update(legalPublications).set({ body: "changed" }))).toMatch(/append-only: UPDATE/);
    expect(await refusal(db.delete(legalPublications))).toMatch(/append-only: DELETE/);
  });
});

describe("the admin view", () => {
  it("lists versions with what can be published, who must sign, and signatures with filters; admins only", async () => {
    const { partner, owner, asOwner } = await makeTeam({ name: "Filterable Partner" });
    await signAgreements({ principal: asOwner, partnerId: partner.id, input: { fullName: owner.name, consent: true, documents: both("2.0") }, context, now: T2 });
    const view = await getAdminLegal(admin, { page: 1, pageSize: 10, q: "Filterable" }, T2);
    const agreement = view.documents.find((d) => d.document === "master_agreement")!;
    expect(agreement.current?.version).toBe("2.0");
    expect(agreement.versions.map((v) => [v.version, Boolean(v.publication), v.publishable])).toEqual([
      ["2.0", true, false],
      ["1.0", true, false],
    ]);
    const terms = view.documents.find((d) => d.document === "marketplace_terms")!;
    expect(terms.versions.find((v) => v.version === "1.1")).toMatchObject({ publication: null, publishable: true });
    expect(view.mustSign.some((p) => p.id === partner.id)).toBe(false);
    expect(view.mustSign.find((p) => p.name === "Already In The Program")?.missing).toEqual(["marketplace_terms", "master_agreement"]);
    expect(view.signatures.rows.map((r) => [r.partnerName, r.document, r.version]).sort()).toEqual([
      ["Filterable Partner", "marketplace_terms", "1.0"],
      ["Filterable Partner", "master_agreement", "2.0"],
    ]);
    // A date range: the signatures were made at T2.
    const day = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
    expect((await getAdminLegal(admin, { page: 1, pageSize: 10, q: "Filterable", from: day(T2, -1), to: day(T2, 1) }, T2)).signatures.total).toBe(2);
    expect((await getAdminLegal(admin, { page: 1, pageSize: 10, q: "Filterable", from: day(T2, 1) }, T2)).signatures.total).toBe(0);
    expect((await getAdminLegal(admin, { page: 1, pageSize: 10, q: "Filterable", to: day(T2, -1) }, T2)).signatures.total).toBe(0);
    await expect(getAdminLegal(asOwner, { page: 1, pageSize: 10 }, T2)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("reads a signed-date range from the URL as whole UTC days, ignoring malformed dates", () => {
    expect(signatureListQuerySchema.parse({ from: "2026-03-01", to: "2026-03-31" })).toMatchObject({ from: "2026-03-01", to: "2026-03-31" });
    expect(signatureListQuerySchema.parse({ from: "yesterday", to: "2026-13-45" })).toMatchObject({ from: undefined, to: undefined });
  });
});
