import { and, eq } from "drizzle-orm";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, conversions, emailOutbox, events, marketingComments, partnerProofs, webinarRegistrations } from "@/db/schema";
import { funnelFor } from "@/lib/attribution/store";
import { verifyLinkFor } from "@/lib/partners/constants";
import { startFakeServer } from "@/lib/testing/fake-http";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { kitFile, kitFiles, kitZip } from "./assets";
import { qualifyLead } from "./lead-qualification";
import { badgesFor, renderOnePagerHtml } from "./one-pager-html";
import { createOnePager, onePagerData, onePagerHtml } from "./one-pagers";
import { addProofFile, addProofLink } from "./proofs";
import { referenceIdOf } from "./reference";
import { socialCardOf } from "./social-card";
import { listSubmissions, listWebinarsWithCounts } from "./store";
import { commentOnMaterial, resubmitMaterial, reviewMaterial, submitMaterial } from "./submissions";
import { createWebinar, qualifiedWebinarLeads, registerForWebinar } from "./webinars";

const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe("lead qualification rules", () => {
  it.each([
    [{ email: "ana@acme.example", companySize: "51-200", role: "marketing" }, true, []],
    [{ email: "ana@gmail.com", companySize: "51-200", role: "marketing" }, false, ["free_email"]],
    [{ email: "ana@acme.example", companySize: "1-10", role: "marketing" }, false, ["company_size"]],
    [{ email: "ana@acme.example", companySize: "11-50", role: "student" }, false, ["role"]],
    [{ email: "ana@Outlook.com", companySize: "1-10", role: "other" }, false, ["free_email", "company_size", "role"]],
  ])("%o -> %s", (lead, qualified, reasons) => {
    expect(qualifyLead(lead)).toEqual({ qualified, reasons });
  });

  it("reference ids read CM-<year>-<4 digits>", () => {
    expect(referenceIdOf(2026, 42)).toBe("CM-2026-0042");
    expect(referenceIdOf(2027, 12345)).toBe("CM-2027-12345");
  });
});

describe("one-pagers", () => {
  it("are generated from a template with the partner's logo-less monogram, badge marks and first three proof links", async () => {
    const links = ["a", "b", "c", "d"].map((n) => verifyLinkFor(`https://shop.example/${n}.jpg`));
    const { partner, asMember } = await makeTeam({ tier: "advanced", name: "Harbor <Studio>", proofLinks: links });
    const row = await createOnePager({ principal: asMember, partnerId: partner.id, input: { template: "green-checklist", headline: "Green in fifteen minutes" }, now: T0 });
    expect(row.proofLinks).toEqual(links.slice(0, 3));
    const { html } = await onePagerHtml(asMember, partner.id, row.id);
    expect(html).toContain("Green in fifteen minutes");
    expect(html).toContain("Harbor &lt;Studio&gt;");
    expect(html).not.toContain("Harbor <Studio>");
    expect(html).toContain("Certified Installer");
    expect(html).toContain("https://shop.example/c.jpg");
    expect(html).not.toContain("https://shop.example/d.jpg");
    expect(html).toContain("Run a survival check on five real pages");
    const { data } = await onePagerData(asMember, partner.id, row.id);
    expect(socialCardOf(data)).toMatchObject({ partnerName: "Harbor <Studio>", proofHosts: ["shop.example"], badges: ["Certified Installer"] });
  });

  it("are closed to partners on probation and to other partners' members", async () => {
    const probation = await makeTeam({ status: "probation" });
    await expect(createOnePager({ principal: probation.asOwner, partnerId: probation.partner.id, input: { template: "green-checklist", headline: "Hello there" }, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    const mine = await makeTeam();
    const other = await makeTeam();
    const row = await createOnePager({ principal: mine.asOwner, partnerId: mine.partner.id, input: { template: "survival-doctrine", headline: "Survives the trip" }, now: T0 });
    await expect(onePagerHtml(other.asOwner, mine.partner.id, row.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(onePagerHtml(other.asOwner, other.partner.id, row.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(createOnePager({ principal: mine.asOwner, partnerId: mine.partner.id, input: { template: "nope", headline: "x" }, now: T0 })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { template: expect.any(Array), headline: expect.any(Array) },
    });
  });

  it("renders a gray badge mark on probation and caps the marks at four", () => {
    const marks = badgesFor({ track: "auditor", tier: "premier", status: "probation" }, [
      { label: "Compliance Pro", tier: null, state: "active" },
      { label: "Five-star NPS", tier: null, state: "expired" },
    ]);
    expect(marks).toEqual([
      { label: "Certified Auditor", tier: "premier", probation: true },
      { label: "Compliance Pro", tier: null, probation: false },
    ]);
  });
});

describe("webinars", () => {
  it("collect registrations as attributed leads, qualified by the rules, counted per partner", async () => {
    const { partner, asOwner } = await makeTeam({ tier: "advanced" });
    const other = await makeTeam({ tier: "premier" });
    const w = await createWebinar({ principal: asOwner, partnerId: partner.id, input: { title: "Survival live", startsAt: at(10).toISOString(), durationMinutes: 45 }, now: T0 });
    expect(w.slug).toMatch(/^survival-live-[0-9a-z]{6}$/);
    const reg = (email: string, companySize = "51-200", role = "marketing") => ({ name: "Ana Lead", email, company: "Acme", companySize, role, consent: "on" });
    const first = await registerForWebinar({ slug: w.slug, input: reg("ana@acme.example"), clientIp: "198.51.100.1", now: at(1) });
    expect(first).toMatchObject({ duplicate: false, registration: { qualified: true, partnerId: partner.id } });
    expect((await registerForWebinar({ slug: w.slug, input: reg("ANA@acme.example"), clientIp: "198.51.100.1", now: at(1) })).duplicate).toBe(true);
    await registerForWebinar({ slug: w.slug, input: reg("bo@gmail.com"), clientIp: "198.51.100.2", now: at(2) });
    await expect(registerForWebinar({ slug: w.slug, input: { ...reg("x@acme.example"), consent: undefined }, clientIp: "198.51.100.2", now: at(2) })).rejects.toMatchObject({ fields: { consent: expect.any(Array) } });
    await expect(registerForWebinar({ slug: "no-such-webinar", input: reg("x@acme.example"), clientIp: "198.51.100.2", now: at(2) })).rejects.toMatchObject({ code: "not_found" });
    // After the webinar ends, registration is closed.
    await expect(registerForWebinar({ slug: w.slug, input: reg("late@acme.example"), clientIp: "198.51.100.3", now: at(11) })).rejects.toMatchObject({ code: "conflict" });

    const ow = await createWebinar({ principal: other.asOwner, partnerId: other.partner.id, input: { title: "Other webinar", startsAt: at(5).toISOString() }, now: T0 });
    // The same person at another partner's webinar is that partner's lead too.
    await registerForWebinar({ slug: ow.slug, input: reg("ana@acme.example"), clientIp: "198.51.100.4", now: at(3) });

    const db = await getDb();
    const [c] = await db.select().from(conversions).where(eq(conversions.externalId, `webinar:${first.registration.id}`));
    expect(c).toMatchObject({ status: "matched", partnerId: partner.id, type: "signup" });
    expect((await funnelFor(partner.id, T0)).signups).toBe(2);
    expect((await funnelFor(other.partner.id, T0)).signups).toBe(1);
    const evs = await db.select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, "partner.webinar.lead_registered")));
    expect(evs).toHaveLength(2);

    const leads = await qualifiedWebinarLeads(db, { since: T0, until: at(30) });
    expect(leads.find((l) => l.partnerId === partner.id)).toEqual({ partnerId: partner.id, qualifiedLeads: 1 });
    expect(leads.find((l) => l.partnerId === other.partner.id)).toEqual({ partnerId: other.partner.id, qualifiedLeads: 1 });
    // [since, until): a registration exactly at `until` is not counted.
    expect((await qualifiedWebinarLeads(db, { since: T0, until: at(1) })).find((l) => l.partnerId === partner.id)).toBeUndefined();
    expect(await db.select().from(webinarRegistrations).where(eq(webinarRegistrations.partnerId, partner.id))).toHaveLength(2);
    expect((await listWebinarsWithCounts(partner.id, 10, 0)).rows).toEqual([expect.objectContaining({ id: w.id, registrations: 2, qualified: 1 })]);
  });

  it("refuse a flood of registrations from one network with 429, while others still register", async () => {
    const { partner, asOwner } = await makeTeam({ tier: "advanced" });
    const w = await createWebinar({ principal: asOwner, partnerId: partner.id, input: { title: "Flood test", startsAt: at(10).toISOString() }, now: T0 });
    const reg = (i: number) => ({ name: `Lead ${i}`, email: `lead${i}@acme.example`, company: "Acme", companySize: "51-200", role: "marketing", consent: "on" });
    for (let i = 0; i < 10; i++) await registerForWebinar({ slug: w.slug, input: reg(i), clientIp: "203.0.113.77", now: at(1) });
    await expect(registerForWebinar({ slug: w.slug, input: reg(10), clientIp: "203.0.113.77", now: at(1) })).rejects.toMatchObject({ code: "rate_limited", status: 429 });
    expect((await registerForWebinar({ slug: w.slug, input: reg(11), clientIp: "203.0.113.78", now: at(1) })).duplicate).toBe(false);
    // The window passes.
    expect((await registerForWebinar({ slug: w.slug, input: reg(12), clientIp: "203.0.113.77", now: new Date(at(1).getTime() + 11 * 60_000) })).duplicate).toBe(false);
  });

  it("must be scheduled in the future", async () => {
    const { partner, asOwner } = await makeTeam();
    await expect(createWebinar({ principal: asOwner, partnerId: partner.id, input: { title: "Yesterday's news", startsAt: at(-1).toISOString() }, now: T0 })).rejects.toMatchObject({ fields: { startsAt: expect.any(Array) } });
  });
});

describe("brand-use approvals", () => {
  it("pending -> changes requested with a comment -> resubmitted -> approved with a reference id; audited and emitted", async () => {
    const { partner, asOwner, asMember } = await makeTeam();
    const admin = await makeAdmin();
    await expect(submitMaterial({ principal: asOwner, partnerId: partner.id, input: { title: "Banner" }, file: null, now: T0 })).rejects.toMatchObject({ fields: { file: expect.any(Array) } });
    await expect(
      submitMaterial({ principal: asOwner, partnerId: partner.id, input: { title: "Banner" }, file: { bytes: new Uint8Array([0x4d, 0x5a, 1, 2]), filename: "x.exe", declaredType: "application/octet-stream" }, now: T0 }),
    ).rejects.toMatchObject({ fields: { file: [expect.stringContaining("not accepted")] } });
    const s = await submitMaterial({ principal: asOwner, partnerId: partner.id, input: { title: "Banner", usage: "Homepage", comment: "For the homepage" }, file: { bytes: PNG, filename: "banner.png", declaredType: "image/png" }, now: T0 });
    expect(s).toMatchObject({ status: "pending", referenceId: null });
    expect(s.uploadId).toBeTruthy();

    await expect(reviewMaterial({ principal: asOwner, submissionId: s.id, input: { decision: "approve" }, now: at(1) })).rejects.toMatchObject({ code: "forbidden" });
    await expect(reviewMaterial({ principal: admin, submissionId: s.id, input: { decision: "request_changes" }, now: at(1) })).rejects.toMatchObject({ fields: { comment: expect.any(Array) } });
    expect((await reviewMaterial({ principal: admin, submissionId: s.id, input: { decision: "request_changes", comment: "Use the current badge" }, now: at(1) })).status).toBe("changes_requested");
    await expect(reviewMaterial({ principal: admin, submissionId: s.id, input: { decision: "approve" }, now: at(1) })).rejects.toMatchObject({ code: "conflict" });
    await commentOnMaterial({ principal: asMember, submissionId: s.id, input: { body: "Will do" }, now: at(2) });
    const outsider = await makeTeam();
    await expect(commentOnMaterial({ principal: outsider.asOwner, submissionId: s.id, input: { body: "Hi" }, now: at(2) })).rejects.toMatchObject({ code: "not_found" });
    expect((await resubmitMaterial({ principal: asMember, partnerId: partner.id, submissionId: s.id, input: { url: "https://partner.example/banner", comment: "Updated" }, file: null, now: at(3) })).status).toBe("pending");
    const approved = await reviewMaterial({ principal: admin, submissionId: s.id, input: { decision: "approve" }, now: at(4) });
    expect(approved.referenceId).toBe("CM-2026-0001");
    const s2 = await submitMaterial({ principal: asOwner, partnerId: partner.id, input: { title: "Flyer", url: "https://partner.example/flyer.pdf" }, file: null, now: at(4) });
    expect((await reviewMaterial({ principal: admin, submissionId: s2.id, input: { decision: "approve", comment: "Fine" }, now: at(5) })).referenceId).toBe("CM-2026-0002");

    const db = await getDb();
    const mail = await db.select().from(emailOutbox).where(and(eq(emailOutbox.partnerId, partner.id), eq(emailOutbox.kind, "marketing_reviewed")));
    expect(mail.map((m) => m.subject.split(" — ")[0])).toEqual(expect.arrayContaining(["Changes requested on your co-marketing material", "Co-marketing material approved (CM-2026-0001)"]));
    expect(mail.find((m) => m.subject.startsWith("Changes requested"))!.text).toContain("Use the current badge");
    const thread = await db.select().from(marketingComments).where(eq(marketingComments.submissionId, s.id));
    const listed = await listSubmissions({ partnerId: partner.id, limit: 10, offset: 0 });
    expect(listed.total).toBe(2);
    expect(listed.rows.find((r) => r.id === s.id)?.comments).toBe(4);
    expect(thread.map((c) => c.side)).toEqual(["partner", "program", "partner", "partner"]);
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.objectId, s.id))).map((a) => a.action).sort();
    expect(actions).toEqual(["marketing.approved", "marketing.changes_requested", "marketing.commented", "marketing.resubmitted", "marketing.submitted"]);
    const evs = await db.select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, "partner.marketing.reviewed")));
    expect(evs.map((e) => (e.payload as { status: string }).status).sort()).toEqual(["approved", "approved", "changes_requested"]);
  });
});

describe("proofs and assets", () => {
  let asset: Awaited<ReturnType<typeof startFakeServer>>;
  beforeAll(async () => {
    asset = await startFakeServer((req) => (req.path === "/hero.jpg" ? { status: 200, body: "jpeg bytes", headers: { "content-type": "image/jpeg" } } : { status: 404, body: "missing" }));
  });
  afterAll(async () => asset.close());

  it("accepts a Verify link whose asset answers, refuses a broken one or a wrong form, and stores proof files within the policy", async () => {
    const { partner, asOwner } = await makeTeam();
    const ok = await addProofLink({ principal: asOwner, partnerId: partner.id, input: { title: "Hero", link: verifyLinkFor(`${asset.url}/hero.jpg`) }, now: T0 });
    expect(ok).toMatchObject({ kind: "link", assetStatus: 200, assetUrl: `${asset.url}/hero.jpg` });
    await expect(addProofLink({ principal: asOwner, partnerId: partner.id, input: { title: "Gone", link: verifyLinkFor(`${asset.url}/gone.jpg`) }, now: T0 })).rejects.toMatchObject({
      fields: { link: ["The asset answered HTTP 404"] },
    });
    await expect(addProofLink({ principal: asOwner, partnerId: partner.id, input: { title: "Bad", link: "https://contentcredentials.org/verify?nosource=1" }, now: T0 })).rejects.toMatchObject({
      fields: { link: [expect.stringContaining("source")] },
    });
    await expect(addProofLink({ principal: asOwner, partnerId: partner.id, input: { title: "Plain", link: "http://insecure.example/a.jpg" }, now: T0 })).rejects.toMatchObject({ code: "validation_failed" });
    const file = await addProofFile({ principal: asOwner, partnerId: partner.id, input: { title: "Screenshot" }, file: { bytes: PNG, filename: "shot.png", declaredType: "image/png" }, now: T0 });
    expect(file.uploadId).toBeTruthy();
    const big = new Uint8Array(21 * 1024 * 1024);
    big.set(PNG);
    await expect(addProofFile({ principal: asOwner, partnerId: partner.id, input: { title: "Huge" }, file: { bytes: big, filename: "big.png", declaredType: "image/png" }, now: T0 })).rejects.toMatchObject({
      fields: { file: [expect.stringContaining("too large")] },
    });
    const db = await getDb();
    expect(await db.select().from(partnerProofs).where(eq(partnerProofs.partnerId, partner.id))).toHaveLength(2);
  });

  it("serves the co-branded kit as single files and as one zip with the same files", async () => {
    const { partner, asMember } = await makeTeam({ name: "Kestrel Digital", slug: "kestrel-digital" });
    const files = await kitFiles(asMember, partner.id);
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining(["logos/provenant-partners.svg", "badge-kit/certified-installer.svg", "badge-kit/embed.html", "templates/webinar-deck.md", "templates/demo-script.md", "templates/survival-report-segment.md"]),
    );
    const deck = await kitFile(asMember, partner.id, "templates/webinar-deck.md");
    expect(strFromU8(deck.bytes)).toContain("Kestrel Digital");
    await expect(kitFile(asMember, partner.id, "../../etc/passwd")).rejects.toMatchObject({ code: "not_found" });
    const zip = await kitZip(asMember, partner.id);
    expect(zip.filename).toBe("kestrel-digital-co-marketing-kit.zip");
    const entries = unzipSync(zip.bytes);
    expect(Object.keys(entries).sort()).toEqual(files.map((f) => f.path).sort());
    expect(strFromU8(entries["templates/demo-script.md"]!)).toContain("strip");
    const probation = await makeTeam({ status: "probation" });
    await expect(kitZip(probation.asOwner, probation.partner.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("one-pager HTML", () => {
  it("is one self-contained document that loads nothing from the network", () => {
    const html = renderOnePagerHtml({
      template: { key: "t", name: "T", summary: "", defaultHeadline: "", defaultIntro: "", sections: [{ heading: "H", quote: { text: "Q", source: "S" } }] },
      headline: "Head",
      intro: "Intro",
      partner: { name: "P", tagline: "", website: null, contactEmail: null, track: "installer", tier: "premier", slug: "p" },
      logoDataUri: null,
      badges: [{ label: "Certified Installer", tier: "premier", probation: false }],
      proofLinks: [],
      profileUrl: "https://partners.example/partners/p",
    });
    expect(html).not.toMatch(/<(script|link|iframe)\b/i);
    expect(html).not.toMatch(/src="https?:/);
    expect(html).toContain("@page");
  });
});

describe("one-pager PDF", () => {
  it("prints with the installed Chromium", { timeout: 60_000 }, async () => {
    const { htmlToPdf } = await import("./pdf");
    const { partner, asOwner } = await makeTeam({ tier: "premier" });
    const row = await createOnePager({ principal: asOwner, partnerId: partner.id, input: { template: "remote-manifest", headline: "Credentials no resizer can strip" }, now: T0 });
    const pdf = await htmlToPdf((await onePagerHtml(asOwner, partner.id, row.id)).html);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
    expect(pdf.byteLength).toBeGreaterThan(5_000);
  });

  it("is refused with 503 and a clear message when the server has no Chromium", async () => {
    const { htmlToPdf } = await import("./pdf");
    await expect(htmlToPdf("<p>x</p>", "/nonexistent/chromium")).rejects.toMatchObject({ code: "unavailable", status: 503, message: expect.stringContaining("CHROMIUM_PATH") });
  });
});
