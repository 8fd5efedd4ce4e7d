import { navigationOf, sessionCookieFor, withRequestScope } from "@/lib/testing/request-scope";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { addCommission } from "@/lib/payouts/testing";
import { runPayouts } from "@/lib/payouts/run";
import { runExitTests } from "@/lib/exit-tests/run-exit-tests";
import { badgeViolations, commissions, dealConflicts, partnerPayoutSettings, payouts, emailOutbox, memberships, npsInvitations, npsSurveys, partnerBadges, webhookDeliveries } from "@/db/schema";
import { createPartnerApiKey, createPlatformApiKey } from "@/lib/api-keys/manage-keys";
import { recordConversion } from "@/lib/attribution/record-conversion";
import { createLink } from "@/lib/attribution/manage-links";
import { registerDeal } from "@/lib/deals/register-deal";
import { emit } from "@/lib/events/emit";
import { createInstall } from "@/lib/quality/installs";
import { createReport, setReportPublication } from "@/lib/quality/reports";
import { makeAdmin, makeTeam, makeUser } from "@/lib/testing/factories";
import { addEndpoint } from "@/lib/testing/webhooks";
import { PARTNER_API_SCOPES, type Principal } from "./permissions";
import { diskStorage, setStorageForTests } from "@/lib/storage/storage";
import { saveUpload } from "@/lib/storage/uploads";
import { startFakeServer } from "@/lib/testing/fake-http";
import { verifyLinkFor } from "@/lib/partners/constants";
import { createOnePager } from "@/lib/marketing/one-pagers";
import { addProofFile } from "@/lib/marketing/proofs";
import { reviewMaterial, submitMaterial } from "@/lib/marketing/submissions";
import { createWebinar } from "@/lib/marketing/webinars";
import { requestMdf } from "@/lib/mdf/request-mdf";
import { decideMdfRequest } from "@/lib/mdf/decide-request";
import { submitMdfClaim } from "@/lib/mdf/submit-claim";
import { publishVersion } from "@/lib/legal/publish";
import { findPublication } from "@/lib/legal/store";
import { signAgreements } from "@/lib/legal/sign-agreements";
import { openIncident } from "@/lib/certification/incidents";
import { assessmentsOf, startQuiz } from "@/lib/certification/quizzes";
import { submitDocument } from "@/lib/certification/submissions";
import { declarePage } from "@/lib/badges/manage";
import { recordFindings } from "@/lib/badges/violations";
import { submitLead } from "@/lib/directory/leads";
import { updateListing } from "@/lib/partners/update-listing";
import { ACTION_ACCESS, PAGE_ACCESS, PUBLISHED_DOCUMENTS, ROLES, ROUTE_ACCESS, SIGNED_VERSIONS, type MatrixFixture, type Outcome, type Role, type RouteCase } from "./route-access";

// Walks app/ for pages and route handlers and the code base for "use server"
// files, checks each has an entry in lib/auth/route-access.ts, then calls every
// one as every kind of caller through its real entry point (the page component,
// the exported GET/POST/..., the server action) and compares the outcome.

process.env.AUTH_SECRET = "matrix-auth-secret-0123456789abcdefghijkl";
process.env.CRON_SECRET = "matrix-cron-secret-0123456789";
process.env.METRICS_TOKEN = "matrix-metrics-token-0123456789";
process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";

const ROOT = path.resolve(__dirname, "../..");
const TABLE = "lib/auth/route-access.ts";
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...walk(rel));
    else out.push(rel);
  }
  return out;
}

const USE_SERVER_FILE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
const appFiles = walk("app");
const PAGES = appFiles.filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f)).sort();
const ROUTES = appFiles.filter((f) => /\/route\.(ts|js)$/.test(f)).sort();
const ACTION_FILES = ["app", "lib", "components"]
  .flatMap(walk)
  .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) && USE_SERVER_FILE.test(readFileSync(path.join(ROOT, f), "utf8")))
  .sort();

const load = (file: string) => import(/* @vite-ignore */ path.join(ROOT, file)) as Promise<Record<string, unknown>>;

describe("every page, route handler and server action has an entry", () => {
  it("pages", () => {
    const missing = PAGES.filter((p) => !PAGE_ACCESS[p]).map((p) => `${p}: add it to PAGE_ACCESS in ${TABLE}`);
    const stale = Object.keys(PAGE_ACCESS).filter((p) => !PAGES.includes(p)).map((p) => `${p}: listed in PAGE_ACCESS but no such page`);
    expect([...missing, ...stale]).toEqual([]);
  });

  it("route handlers, method by method", async () => {
    const problems: string[] = [];
    for (const file of ROUTES) {
      const entry = ROUTE_ACCESS[file];
      if (!entry) {
        problems.push(`${file}: add it to ROUTE_ACCESS in ${TABLE}`);
        continue;
      }
      const mod = await load(file);
      const exported = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
      for (const m of exported) if (!(m in entry)) problems.push(`${file}: exports ${m} but ROUTE_ACCESS has no ${m} entry`);
      for (const m of Object.keys(entry)) if (!exported.includes(m as never)) problems.push(`${file}: ROUTE_ACCESS lists ${m}, the module does not export it`);
    }
    for (const file of Object.keys(ROUTE_ACCESS)) if (!ROUTES.includes(file)) problems.push(`${file}: listed in ROUTE_ACCESS but no such route handler`);
    expect(problems).toEqual([]);
  });

  it("server actions, function by function", async () => {
    const problems: string[] = [];
    for (const file of ACTION_FILES) {
      const entry = ACTION_ACCESS[file];
      if (!entry) {
        problems.push(`${file}: a "use server" file; add it to ACTION_ACCESS in ${TABLE}`);
        continue;
      }
      const mod = await load(file);
      const exported = Object.keys(mod).filter((k) => typeof mod[k] === "function");
      for (const name of exported) if (!entry[name]) problems.push(`${file}: exports the action ${name}; add it to ACTION_ACCESS["${file}"]`);
      for (const name of Object.keys(entry)) if (!exported.includes(name)) problems.push(`${file}: ACTION_ACCESS lists ${name}, the file does not export it`);
    }
    for (const file of Object.keys(ACTION_ACCESS)) if (!ACTION_FILES.includes(file)) problems.push(`${file}: listed in ACTION_ACCESS but not a "use server" file`);
    expect(problems).toEqual([]);
  });
});

// --- the callers and partner A's objects ---------------------------------------

interface World {
  f: MatrixFixture;
  cookies: Record<Role, string | undefined>;
  keys: Record<Role, string | undefined>;
}

let seq = 0;
setStorageForTests(diskStorage(mkdtempSync(path.join(tmpdir(), "pp-matrix-files-"))));

// A site whose proof asset answers (adding a Verify link fetches the asset).
let proofSite: Awaited<ReturnType<typeof startFakeServer>>;
beforeAll(async () => {
  proofSite = await startFakeServer((req) => (req.path === "/hero.jpg" ? { status: 200, body: "jpeg bytes", headers: { "content-type": "image/jpeg" } } : { status: 404, body: "missing" }));
});
afterAll(async () => proofSite?.close());

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PDF = new TextEncoder().encode("%PDF-1.4\n% receipt\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** The program documents in force: published once per database, a month back. */
async function ensureDocumentsPublished(admin: Principal, now: Date): Promise<void> {
  const db = await getDb();
  for (const { document, version } of PUBLISHED_DOCUMENTS) {
    if (await findPublication(db, document, version)) continue;
    await publishVersion({ principal: admin, input: { document, version }, now: new Date(now.getTime() - 30 * DAY) });
  }
}

async function buildWorld(): Promise<World> {
  const n = ++seq;
  const now = new Date();
  const db = await getDb();
  // Both partners active at the Advanced tier: co-marketing and MDF are open to them.
  const a = await makeTeam({ website: `https://matrix-a${n}.example`, tier: "advanced" });
  const b = await makeTeam({ tier: "advanced" });
  const admin = await makeAdmin();
  const adminId = admin.kind === "user" ? admin.viewer.userId : "";
  const staffAdmin = await makeUser({ role: "admin" });

  // The agreements are in force and partner A's owner signed them (payouts wait for that).
  await ensureDocumentsPublished(admin, now);
  const { receiptId } = await signAgreements({
    principal: a.asOwner,
    partnerId: a.partner.id,
    input: { fullName: a.owner.name, consent: true, documents: SIGNED_VERSIONS },
    context: { ip: "203.0.113.7", userAgent: "Matrix" },
    now,
  });

  const allScopes = { name: "matrix", scopes: [...PARTNER_API_SCOPES] };
  const keyA = await createPartnerApiKey({ principal: a.asOwner, partnerId: a.partner.id, input: allScopes, now });
  const keyB = await createPartnerApiKey({ principal: b.asOwner, partnerId: b.partner.id, input: allScopes, now });
  const spare = await createPartnerApiKey({ principal: a.asOwner, partnerId: a.partner.id, input: { name: "spare", scopes: ["partner:read"] }, now });
  const platform = await createPlatformApiKey({ principal: admin, input: { name: "platform", scopes: ["platform:read", "platform:write"] }, now });

  const [membership] = await db.select().from(memberships).where(eq(memberships.userId, a.member.id));

  const domain = `matrix-deal-${n}.example`;
  const dealInput = { company: "Fixture Buyer", domain, contactName: "Fay Buyer", contactEmail: `fay@${domain}`, estimatedValue: 300_000, products: ["provenance-pro"], expectedCloseAt: "2026-12-31" };
  const { deal } = await registerDeal({ principal: a.asOwner, partnerId: a.partner.id, input: dealInput, now });
  // Two partners registering the same customer: a conflict for admins to decide.
  const contested = { ...dealInput, domain: `contested-${domain}`, contactEmail: `fay@contested-${domain}` };
  const { deal: first } = await registerDeal({ principal: a.asOwner, partnerId: a.partner.id, input: contested, now });
  const { deal: second } = await registerDeal({ principal: b.asOwner, partnerId: b.partner.id, input: contested, now });
  const [conflict] = await db.select().from(dealConflicts).where(eq(dealConflicts.secondDealId, second.id));

  // A customer on the partner's own domain: the commission is held for review.
  const platformPrincipal: Principal = { kind: "key", key: { keyId: "key_matrix", kind: "platform", partnerId: null, scopes: ["platform:write"], name: "Platform" } };
  const customerId = `cus_matrix_${n}`;
  await recordConversion({ principal: platformPrincipal, input: { type: "signup", customerId, customerEmail: `cfo@matrix-a${n}.example`, partnerId: a.partner.id }, now });
  await recordConversion({ principal: platformPrincipal, input: { type: "paid", customerId, amount: 19_900, currency: "USD", sku: "provenance-starter" }, now });
  const [held] = await db.select().from(commissions).where(eq(commissions.customerId, customerId));

  const link = await createLink({ principal: a.asOwner, partnerId: a.partner.id, input: { destination: "https://provenant.dev/pricing" }, now });
  const { endpoint } = await addEndpoint(a.asOwner, a.partner.id, "http://127.0.0.1:9/hooks", ["*"], now);
  await db.transaction((tx) =>
    emit(tx, { type: "partner.test", partnerId: a.partner.id, endpointId: endpoint.id, data: { message: "fixture", endpointId: endpoint.id, sentBy: null }, now }),
  );
  const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));

  const install = await createInstall({
    principal: a.asOwner,
    partnerId: a.partner.id,
    input: { stack: "wordpress", siteUrl: "https://fixture-shop.example", customerName: "Fixture Shop", sampleUrls: ["http://127.0.0.1:9/a.jpg"] },
    now,
  });
  const report = await createReport({ principal: a.asOwner, installId: install.id, input: { periodDays: 30 }, now });
  const published = await createReport({ principal: a.asOwner, installId: install.id, input: { periodDays: 7 }, now });
  await setReportPublication({ principal: a.asOwner, reportId: published.id, publish: true, now });

  const [email] = await db
    .insert(emailOutbox)
    .values({ kind: "test", toAddress: "someone@example.test", fromAddress: "partners@provenant.dev", subject: "Hello", html: "<p>Hello</p>", text: "Hello", provider: "outbox", status: "failed", error: "Fixture" })
    .returning();

  const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
  await db
    .insert(npsSurveys)
    .values({ audience: "partner", quarter, openedAt: new Date(now.getTime() - 86_400_000), closesAt: new Date(now.getTime() + 60 * 86_400_000) })
    .onConflictDoNothing();
  const [survey] = await db.select().from(npsSurveys).where(sql`${npsSurveys.audience} = 'partner' and ${npsSurveys.quarter} = ${quarter}`);
  const npsTokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    const token = createHash("sha256").update(`matrix-${n}-${role}-${Math.random()}`).digest("base64url");
    npsTokens[role] = token;
    await db.insert(npsInvitations).values({
      surveyId: survey!.id,
      partnerId: a.partner.id,
      email: `${role}-${n}@matrix.example`,
      tokenHash: createHash("sha256").update(token, "utf8").digest("hex"),
      sentAt: now,
      expiresAt: new Date(now.getTime() + 30 * 86_400_000),
    });
  }

  const letter = await saveUpload(
    { partnerId: a.partner.id, uploadedBy: a.owner.id, purpose: "pen_test_letter", filename: "letter.pdf", bytes: new TextEncoder().encode("%PDF-1.7\n%%EOF") },
    now,
  );

  // A payout waiting for a manual payment: payout terms and tax done, one payable commission, a run without Stripe.
  await db.insert(partnerPayoutSettings).values({ partnerId: a.partner.id, termsAcceptedAt: now, termsVersion: "2026-11", taxFormStatus: "verified", taxFormType: "w9", updatedAt: now });
  await addCommission(a.partner.id, 20_000, new Date(now.getTime() - 120 * 86_400_000), { status: "payable" });
  await runPayouts({ now, gateway: null });
  const [manualPayout] = await db.select().from(payouts).where(eq(payouts.partnerId, a.partner.id));

  const exitRun = await runExitTests({ now, trigger: "cli" });

  // Co-marketing: a one-pager, a webinar, a proof file and two submissions (one waiting for review, one sent back).
  const onePager = await createOnePager({ principal: a.asMember, partnerId: a.partner.id, input: { template: "green-checklist", headline: "Green in fifteen minutes" }, now });
  const webinar = await createWebinar({ principal: a.asMember, partnerId: a.partner.id, input: { title: "Survival live", startsAt: new Date(now.getTime() + 14 * DAY).toISOString() }, now });
  const proof = await addProofFile({ principal: a.asOwner, partnerId: a.partner.id, input: { title: "Screenshot" }, file: { bytes: PNG, filename: "shot.png", declaredType: "image/png" }, now });
  const submission = await submitMaterial({ principal: a.asMember, partnerId: a.partner.id, input: { title: "Flyer", url: "https://matrix.example/flyer.pdf" }, file: null, now });
  const sentBack = await submitMaterial({ principal: a.asMember, partnerId: a.partner.id, input: { title: "Banner", url: "https://matrix.example/banner.png" }, file: null, now });
  await reviewMaterial({ principal: admin, submissionId: sentBack.id, input: { decision: "request_changes", comment: "Use the current badge" }, now });

  // MDF: a pending request; one approved whose activity is over (claimable); one already claimed.
  const mdfInput = (title: string, startsOn: Date) => ({ activityType: "webinar", title, startsOn: isoDay(startsOn), endsOn: isoDay(startsOn), amount: 100_000, expectedLeads: 20 });
  const then = new Date(now.getTime() - 20 * DAY);
  const pending = await requestMdf({ principal: a.asOwner, partnerId: a.partner.id, input: mdfInput("Upcoming storefront webinar", new Date(now.getTime() + 30 * DAY)), now });
  const claimable = await requestMdf({ principal: a.asOwner, partnerId: a.partner.id, input: mdfInput("Past storefront webinar", new Date(then.getTime() + 5 * DAY)), now: then });
  await decideMdfRequest({ principal: admin, requestId: claimable.id, input: { decision: "approve" }, now: then });
  const claimed = await requestMdf({ principal: a.asOwner, partnerId: a.partner.id, input: mdfInput("Past trade show", new Date(then.getTime() + 5 * DAY)), now: then });
  await decideMdfRequest({ principal: admin, requestId: claimed.id, input: { decision: "approve" }, now: then });
  await submitMdfClaim({
    principal: a.asOwner,
    partnerId: a.partner.id,
    requestId: claimed.id,
    input: { claimedAmount: 90_000, actualLeads: 12, resultsSummary: "Ran the booth for two days, 12 qualified leads." },
    receipts: [{ bytes: PDF, filename: "invoice.pdf", declaredType: "application/pdf" }],
      now,
    });

  // certification: an open quiz attempt, an unanswered incident and a document waiting for review, all partner A's.
  const quizAssessment = assessmentsOf(a.partner.track)[0]!;
  const attempt = await startQuiz({ principal: a.asOwner, partnerId: a.partner.id, assessment: quizAssessment, now });
  const incident = await openIncident({ principal: a.asOwner, partnerId: a.partner.id, input: { title: "Manifests 404 on the CDN", severity: "high" }, now });
  const certSubmission = await submitDocument({
    principal: a.asMember,
    partnerId: a.partner.id,
    input: { kind: "enterprise_reference", title: "Contoso Media" },
    file: { bytes: new TextEncoder().encode("%PDF-1.7\n% reference letter\n"), filename: "contoso.pdf", declaredType: "application/pdf" },
    now,
  });

  // badges and directory: partner A's track badge (as the certification engine grants it) and a revoked
  // performance badge, a declared page with an open violation, a lead, and proof links waiting for review.
  const [badge] = await db
    .insert(partnerBadges)
    .values({
      partnerId: a.partner.id,
      kind: "track",
      badge: a.partner.track === "auditor" ? "certified_auditor" : "certified_installer",
      tier: "advanced",
      state: "active",
      issuedAt: new Date(now.getTime() - 30 * DAY),
      expiresAt: new Date(now.getTime() + 335 * DAY),
      stateChangedAt: new Date(now.getTime() - 30 * DAY),
    })
    .returning();
  const [revokedBadge] = await db
    .insert(partnerBadges)
    .values({ partnerId: a.partner.id, kind: "performance", badge: "fast_installer", tier: null, state: "revoked", revokedReason: "Misuse on a landing page", issuedAt: new Date(now.getTime() - 60 * DAY), expiresAt: new Date(now.getTime() + 300 * DAY), stateChangedAt: new Date(now.getTime() - DAY) })
    .returning();
  const badgePage = await declarePage({ principal: a.asMember, partnerId: a.partner.id, input: { url: `https://matrix-a${n}.example/partners` }, now });
  await recordFindings(
    [{ partnerId: a.partner.id, pageUrl: badgePage.url, host: badgePage.host, complete: true, findings: [{ kind: "missing_verify_link", badgeId: badge!.id, place: `badge:${badge!.id}`, detail: "not linked" }] }],
    now,
  );
  const [violation] = await db.select().from(badgeViolations).where(eq(badgeViolations.partnerId, a.partner.id));
  const lead = await submitLead({
    slug: a.partner.slug,
    input: { name: "Maya Prospect", email: "maya@prospect.example", company: "Nordlys", message: "Please scope an install for our store." },
    clientIp: `198.18.${Math.floor(n / 250) % 250}.${n % 250}`,
    now,
  });
  const listing = await updateListing({ principal: a.asOwner, partnerId: a.partner.id, input: { proofLinks: ["https://example.com/one.jpg"] }, mode: "patch", now });

  const f: MatrixFixture = {
    partnerId: a.partner.id,
    partnerSlug: a.partner.slug,
    otherPartnerId: b.partner.id,
    memberMembershipId: membership!.id,
    dealId: deal.id,
    conflictId: conflict!.id,
    conflictDealId: first.id,
    heldCommissionId: held!.id,
    linkId: link.id,
    linkCode: link.code,
    endpointId: endpoint.id,
    deliveryId: delivery!.id,
    installId: install.id,
    reportId: report.id,
    publishedReportId: published.id,
    apiKeyId: spare.key.id,
    emailId: email!.id,
    npsTokens,
    privateUploadId: letter.id,
    manualPayoutId: manualPayout!.id,
    exitTestRunId: exitRun.id,
    exitTestPackageSha256: exitRun.manifestSha256,
    ownerName: a.owner.name ?? "",
    receiptId,
    onePagerId: onePager.id,
    webinarSlug: webinar.slug,
    proofId: proof.id,
    proofLink: verifyLinkFor(`${proofSite.url}/hero.jpg`),
    submissionId: submission.id,
    changesSubmissionId: sentBack.id,
    mdfRequestId: pending.id,
    approvedMdfRequestId: claimable.id,
    claimedMdfRequestId: claimed.id,
    // certification
    quizAssessment,
    quizAttemptId: attempt.id,
    quizQuestionCount: attempt.questions.length,
    incidentId: incident.id,
    certSubmissionId: certSubmission.id,
    // badges and directory
    badgeId: badge!.id,
    revokedBadgeId: revokedBadge!.id,
    badgePageId: badgePage.id,
    violationId: violation!.id,
    leadId: lead.id,
    reviewId: listing.pendingReviewId!,
    staffAdminId: staffAdmin.id,
  };
  return {
    f,
    cookies: {
      anonymous: undefined,
      member: await sessionCookieFor(a.member.id),
      owner: await sessionCookieFor(a.owner.id),
      otherOwner: await sessionCookieFor(b.owner.id),
      admin: await sessionCookieFor(adminId),
    },
    keys: { anonymous: undefined, member: keyA.secret, owner: keyA.secret, otherOwner: keyB.secret, admin: platform.secret },
  };
}

// --- outcomes ---------------------------------------------------------------------

function outcomeOfThrown(error: unknown): Outcome {
  const nav = navigationOf(error);
  if (!nav) {
    if (error instanceof AppError) return `error:${error.code}`;
    throw error;
  }
  // The sign-in page itself (with or without a query), not its other pages such as /sign-in/check-email.
  if (nav.kind === "redirect") return /^\/sign-in(\?|$)/.test(nav.location) ? "signin" : "redirect";
  return nav.status === 401 ? "signin" : nav.status === 403 ? "forbidden" : nav.status === 404 ? "notFound" : `http ${nav.status}`;
}

function outcomeOfAction(result: unknown): Outcome {
  if (result && typeof result === "object" && "ok" in result) {
    const r = result as { ok: boolean; error?: { code: string } };
    if (r.ok) return "ok";
    const code = r.error?.code ?? "error";
    return code === "unauthorized" ? "signin" : code === "forbidden" ? "forbidden" : code === "not_found" ? "notFound" : code;
  }
  return "ok";
}

/** Callers that should succeed go last, so a denied caller never meets an object a successful one changed. */
function ordered<T>(expect: Record<Role, T>, ok: (v: T) => boolean): Role[] {
  return [...ROLES].sort((x, y) => Number(ok(expect[x])) - Number(ok(expect[y])));
}

function urlPath(file: string, params: Record<string, string | string[]>): string {
  const route = file
    .replace(/^app/, "")
    .replace(/\/route\.(ts|js)$/, "")
    .split("/")
    .filter((seg) => !/^\(.*\)$/.test(seg))
    .map((seg) => {
      const m = /^\[(?:\.\.\.)?(\w+)\]$/.exec(seg);
      if (!m) return seg;
      const v = params[m[1]!];
      return Array.isArray(v) ? v.map(encodeURIComponent).join("/") : encodeURIComponent(v ?? "x");
    })
    .join("/");
  return route || "/";
}

async function callRoute(file: string, method: string, c: RouteCase, world: World, role: Role): Promise<number> {
  const mod = await load(file);
  const params = c.params?.(world.f) ?? {};
  const headers: Record<string, string> = { "x-forwarded-for": `10.9.${ROLES.indexOf(role)}.${++seq % 250}` };
  const secret = c.as === "key" ? world.keys[role] : undefined;
  if (secret) headers.authorization = `Bearer ${secret}`;
  const cookie = c.as === "session" ? world.cookies[role] : undefined;
  if (cookie) headers.cookie = cookie;
  if (method !== "GET") headers.origin = "http://localhost:3000";
  let body: BodyInit | undefined;
  if (c.body) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(c.body(world.f, role));
  } else if (c.form) {
    const form = new FormData();
    for (const [k, v] of Object.entries(c.form(world.f))) form.set(k, v);
    body = form;
  }
  const url = `http://localhost:3000${c.path?.(world.f) ?? urlPath(file, params)}`;
  const req = new NextRequest(url, { method, headers, body });
  const handler = mod[method] as (req: NextRequest, ctx: { params: Promise<unknown> }) => Promise<Response>;
  try {
    const res = await withRequestScope({ cookie, path: new URL(url).pathname }, () => handler(req, { params: Promise.resolve(params) }));
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch (error) {
    const o = outcomeOfThrown(error);
    return o === "notFound" ? 404 : o === "forbidden" ? 403 : o === "signin" ? 401 : 500;
  }
}

// --- the walk ---------------------------------------------------------------------

// Each caller of a write gets a fresh world (about 40 rows): slow on a busy machine, hence the timeouts.
describe("pages", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  for (const [file, entry] of Object.entries(PAGE_ACCESS)) {
    it(file, async () => {
      const mod = await load(file);
      const page = mod.default as (props: unknown) => Promise<unknown>;
      const got = {} as Record<Role, Outcome>;
      for (const role of ROLES) {
        const props = { params: Promise.resolve(entry.params?.(world.f) ?? {}), searchParams: Promise.resolve(entry.searchParams?.(world.f) ?? {}) };
        got[role] = await withRequestScope({ cookie: world.cookies[role] }, async () => {
          try {
            await page(props);
            return "ok";
          } catch (error) {
            return outcomeOfThrown(error);
          }
        });
      }
      expect(got, `${file} (expected outcomes in ${TABLE})`).toEqual(entry.expect);
    });
  }
});

describe("route handlers", () => {
  let shared: World;
  beforeAll(async () => {
    shared = await buildWorld();
  });

  for (const [file, entry] of Object.entries(ROUTE_ACCESS)) {
    for (const [method, c] of Object.entries(entry)) {
      if ("skip" in c) {
        it.skip(`${method} ${file}: ${c.skip}`, () => {});
        continue;
      }
      it(`${method} ${file}`, { timeout: 120_000 }, async () => {
        const got = {} as Record<Role, number>;
        // Reads share one world; each write gets a fresh world per caller.
        for (const role of ordered(c.expect, (s) => s < 300)) {
          const world = method === "GET" ? shared : await buildWorld();
          got[role] = await callRoute(file, method, c, world, role);
        }
        expect(got, `${method} ${file} (expected statuses in ${TABLE})`).toEqual(c.expect);
      });
    }
  }
});

describe("server actions", () => {
  for (const [file, entry] of Object.entries(ACTION_ACCESS)) {
    for (const [name, c] of Object.entries(entry)) {
      if ("skip" in c) {
        it.skip(`${file} ${name}: ${c.skip}`, () => {});
        continue;
      }
      it(`${file} ${name}`, { timeout: 120_000 }, async () => {
        const mod = await load(file);
        const action = mod[name] as (...args: unknown[]) => Promise<unknown>;
        const got = {} as Record<Role, Outcome>;
        for (const role of ROLES) {
          const world = await buildWorld();
          got[role] = await withRequestScope({ cookie: world.cookies[role], phase: "action" }, async () => {
            try {
              return outcomeOfAction(await action(...c.args(world.f, role)));
            } catch (error) {
              return outcomeOfThrown(error);
            }
          });
        }
        expect(got, `${file} ${name} (expected outcomes in ${TABLE})`).toEqual(c.expect);
      });
    }
  }
});
