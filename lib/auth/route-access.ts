// The authorization matrix: for every page, route handler and server action,
// what each kind of caller gets. lib/auth/route-matrix.test.ts walks app/ and
// every "use server" file, fails for anything missing here (or listed here but
// gone), and then calls each one as each caller and compares.
//
// Callers. Partner A owns the objects the inputs below point at.
//   anonymous   no session, no key
//   member      signed in as a member of partner A
//   owner       signed in as the owner of partner A
//   otherOwner  signed in as the owner of partner B
//   admin       signed in as a program admin (no partner membership)
// On key-authenticated routes (`as: "key"`) the same callers hold keys instead:
// member and owner partner A's key, otherOwner partner B's key (all partner
// scopes), admin a platform key (platform:read, platform:write); anonymous none.
//
// Outcomes. Route handlers: the HTTP status. Pages and server actions:
//   "ok"        rendered / the action succeeded
//   "signin"    redirected to sign-in (pages) or refused as unauthenticated (actions)
//   "forbidden" 403 (forbidden() in pages, a forbidden error from actions)
//   "notFound"  404: the object is not visible to this caller
//   "redirect"  a navigation elsewhere (not to sign-in)
//   "error:<code>" a page threw an AppError (Next.js renders the error page for it)
//   anything else: the error code an action returned ("conflict", ...)
//
// Adding a route: add its file path below with what each caller should get.
// Inputs are functions of the fixture (ids of partner A's objects).

export const ROLES = ["anonymous", "member", "owner", "otherOwner", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Outcome = "ok" | "signin" | "forbidden" | "notFound" | "redirect" | (string & {});
export type Expect<T> = Record<Role, T>;

/** Ids of the objects the matrix test creates for partner A (and B). */
export interface MatrixFixture {
  partnerId: string;
  partnerSlug: string;
  otherPartnerId: string;
  memberMembershipId: string;
  dealId: string;
  conflictId: string;
  conflictDealId: string;
  heldCommissionId: string;
  linkId: string;
  linkCode: string;
  endpointId: string;
  deliveryId: string;
  installId: string;
  reportId: string;
  publishedReportId: string;
  apiKeyId: string;
  emailId: string;
  /** One unanswered survey token per caller (answering uses one up). */
  npsTokens: Record<Role, string>;
  /** A pen-test letter partner A uploaded (private to A and admins). */
  privateUploadId: string;
  /** A payout of partner A waiting for a manual payment. */
  manualPayoutId: string;
  /** An exit-test run (from the command line) and its package hash. */
  exitTestRunId: string;
  exitTestPackageSha256: string;
  /** The name partner A's owner signs with. */
  ownerName: string;
  /** The receipt of partner A's owner signing the agreements (SIGNED_VERSIONS). */
  receiptId: string;
  /** Partner A's co-marketing: a one-pager, a webinar (registration open) and a proof file. */
  onePagerId: string;
  webinarSlug: string;
  proofId: string;
  /** A Verify link whose asset answers (for adding a proof link). */
  proofLink: string;
  /** Material partner A submitted: one waiting for review, one sent back with changes requested. */
  submissionId: string;
  changesSubmissionId: string;
  /** Partner A's MDF requests: pending; approved with the activity over; claimed, waiting for the claim decision. */
  mdfRequestId: string;
  approvedMdfRequestId: string;
  claimedMdfRequestId: string;
  // certification
  /** The assessment partner A's track includes (its quiz page). */
  quizAssessment: string;
  /** An open quiz attempt of partner A (started by its owner) and how many questions it has. */
  quizAttemptId: string;
  quizQuestionCount: number;
  /** An incident of partner A, not yet answered. */
  incidentId: string;
  /** A document partner A submitted, waiting for review. */
  certSubmissionId: string;
  // badges and directory
  /** Partner A's active track badge (advanced), and a performance badge of A's that an admin revoked. */
  badgeId: string;
  revokedBadgeId: string;
  /** A page partner A declared for badge scans, and an open violation found on it. */
  badgePageId: string;
  violationId: string;
  /** A prospect's contact request to partner A, not yet answered. */
  leadId: string;
  /** Proof links partner A proposed, waiting for an admin's review. */
  reviewId: string;
  /** A second admin (not an exec) whom the staff actions change. */
  staffAdminId: string;
}

/** The program documents in force while the matrix runs. */
export const PUBLISHED_DOCUMENTS = [
  { document: "program_guide", version: "1.0" },
  { document: "marketplace_terms", version: "1.0" },
  { document: "master_agreement", version: "1.0" },
] as const;
/** The ones owners sign: partner A's owner has signed them in the fixture. */
export const SIGNED_VERSIONS = [
  { document: "master_agreement" as const, version: "1.0" },
  { document: "marketplace_terms" as const, version: "1.0" },
];

export interface RouteCase {
  /** How callers authenticate: session cookies or API keys. */
  as: "session" | "key";
  /** The URL path to request (defaults to the file's route with params filled in). */
  path?: (f: MatrixFixture) => string;
  params?: (f: MatrixFixture) => Record<string, string | string[]>;
  body?: (f: MatrixFixture, role: Role) => unknown;
  form?: (f: MatrixFixture) => Record<string, string | Blob>;
  expect: Expect<number>;
}

export type RouteEntry = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS", RouteCase | { skip: string }>>;

export interface PageEntry {
  params?: (f: MatrixFixture) => Record<string, string>;
  searchParams?: (f: MatrixFixture) => Record<string, string>;
  expect: Expect<Outcome>;
}

export interface ActionCase {
  args: (f: MatrixFixture, role: Role) => unknown[];
  expect: Expect<Outcome>;
}

export type ActionEntry = Record<string, ActionCase | { skip: string }>;

const by = <T,>(anonymous: T, member: T, owner: T, otherOwner: T, admin: T): Expect<T> => ({ anonymous, member, owner, otherOwner, admin });
const all = <T,>(v: T): Expect<T> => by(v, v, v, v, v);

// Shapes that recur.
const PUBLIC_PAGE = all<Outcome>("ok");
const CONSOLE_PAGE = by<Outcome>("signin", "ok", "ok", "ok", "ok"); // each caller sees their own partner (admins an empty state)
const ADMIN_PAGE = by<Outcome>("signin", "forbidden", "forbidden", "forbidden", "ok");
const CRON = all(401); // nobody but the scheduler holding CRON_SECRET
const PUBLIC_GET = all(200);
/** A partner-key read of the caller's own partner. */
const OWN_READ = by(401, 200, 200, 200, 403);
/** A partner-key call on one of partner A's objects. */
const A_OBJECT = (ok: number) => by(401, ok, ok, 404, 403);
const PLATFORM_WRITE = by(401, 403, 403, 403, 201);
const ADMIN_ACTION = by<Outcome>("signin", "forbidden", "forbidden", "forbidden", "ok");
const MEMBER_WRITE = by<Outcome>("signin", "ok", "ok", "forbidden", "forbidden");
const OWNER_WRITE = by<Outcome>("signin", "forbidden", "ok", "forbidden", "forbidden");

const dealInput = {
  company: "Matrix Buyer",
  domain: "matrix-buyer.example",
  contactName: "Mia Buyer",
  contactEmail: "mia@matrix-buyer.example",
  estimatedValue: 500_000,
  products: ["provenance-pro"],
  expectedCloseAt: "2026-12-31",
};
const endpointInput = { url: "http://127.0.0.1:9/hooks", eventTypes: ["*"] };
const listingInput = {
  tagline: "Provenance done right",
  description: "We install Content Credentials.",
  website: "https://matrix.example",
  hqCountry: "DE",
  regions: ["europe"],
  stacks: ["wordpress"],
  languages: ["en"],
  contactName: "",
  contactEmail: "",
  slaResponseHours: 24,
  proofLinks: [],
};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const mdfInput = () => ({ activityType: "webinar", title: "Matrix storefront webinar", startsOn: inDays(30), endsOn: inDays(30), amount: 50_000, expectedLeads: 10 });
const signInput = (f: MatrixFixture) => ({ fullName: f.ownerName, consent: true, documents: SIGNED_VERSIONS });
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n% receipt\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

export const PAGE_ACCESS: Record<string, PageEntry> = {
  "app/(public)/page.tsx": { expect: PUBLIC_PAGE },
  "app/(public)/auditors/page.tsx": { expect: PUBLIC_PAGE },
  "app/(public)/docs/api/page.tsx": { expect: PUBLIC_PAGE },
  "app/(public)/docs/webhooks/page.tsx": { expect: PUBLIC_PAGE },
  "app/(public)/nps/[token]/page.tsx": { params: (f) => ({ token: f.npsTokens.anonymous }), expect: PUBLIC_PAGE },
  "app/(public)/nps/[token]/unsubscribe/page.tsx": { params: (f) => ({ token: f.npsTokens.anonymous }), expect: PUBLIC_PAGE },
  "app/(public)/nps/quarters/page.tsx": { expect: PUBLIC_PAGE },
  // A quarter nobody published: the public page does not exist.
  "app/(public)/nps/quarters/[quarter]/page.tsx": { params: () => ({ quarter: "2019-q1" }), expect: all<Outcome>("notFound") },
  "app/(public)/program/page.tsx": { expect: PUBLIC_PAGE },
  "app/(public)/program/agreement/page.tsx": { expect: PUBLIC_PAGE },
  "app/(public)/program/guide/page.tsx": { expect: PUBLIC_PAGE },
  "app/(public)/program/terms/page.tsx": { searchParams: () => ({ version: "1.0" }), expect: PUBLIC_PAGE },
  "app/(public)/program/history/page.tsx": { expect: PUBLIC_PAGE },
  "app/(public)/program/playbooks/page.tsx": { expect: all<Outcome>("redirect") }, // the playbooks are a section of /program
  "app/(public)/program/playbooks/[track]/page.tsx": { params: () => ({ track: "installer" }), expect: PUBLIC_PAGE },
  "app/(public)/webinars/[slug]/page.tsx": { params: (f) => ({ slug: f.webinarSlug }), expect: PUBLIC_PAGE },
  "app/(public)/partners/[slug]/page.tsx": { params: (f) => ({ slug: f.partnerSlug }), expect: PUBLIC_PAGE },
  "app/(public)/reports/[id]/page.tsx": { params: (f) => ({ id: f.publishedReportId }), expect: PUBLIC_PAGE },
  "app/(public)/sign-in/page.tsx": { expect: by("ok", "redirect", "redirect", "redirect", "redirect") }, // signed in: on to the console
  "app/(public)/sign-in/check-email/page.tsx": { expect: PUBLIC_PAGE },
  "app/(public)/sign-in/error/page.tsx": { expect: PUBLIC_PAGE },

  "app/admin/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/analytics/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/exit-tests/page.tsx": { searchParams: (f) => ({ run: f.exitTestRunId }), expect: ADMIN_PAGE },
  "app/admin/health/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/nps/publish/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/payouts/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/api-keys/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/staff/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/audit/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/commissions/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/deals/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/deals/[id]/page.tsx": { params: (f) => ({ id: f.dealId }), expect: ADMIN_PAGE },
  "app/admin/fraud/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/nps/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/outbox/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/outbox/[id]/page.tsx": { params: (f) => ({ id: f.emailId }), expect: ADMIN_PAGE },
  "app/admin/partners/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/partners/[id]/page.tsx": { params: (f) => ({ id: f.partnerId }), expect: ADMIN_PAGE },
  "app/admin/quality/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/legal/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/marketing/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/marketing/[id]/page.tsx": { params: (f) => ({ id: f.submissionId }), expect: ADMIN_PAGE },
  "app/admin/mdf/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/mdf/[id]/page.tsx": { params: (f) => ({ id: f.mdfRequestId }), expect: ADMIN_PAGE },
  "app/admin/quality/installs/[id]/page.tsx": { params: (f) => ({ id: f.installId }), expect: ADMIN_PAGE },

  // Asking for partner A's console by id: only A's own people get it.
  "app/console/page.tsx": { searchParams: (f) => ({ partner: f.partnerId }), expect: by("signin", "ok", "ok", "forbidden", "forbidden") },
  "app/console/activity/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/api-keys/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/commissions/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/deals/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/deals/new/page.tsx": { expect: CONSOLE_PAGE },
  // Another partner's deal id: denied, but through the error page (the view throws a not_found
  // AppError instead of calling notFound()), so the response is the generic error, not the 404 page.
  "app/console/deals/[id]/page.tsx": { params: (f) => ({ id: f.dealId }), expect: by("signin", "ok", "ok", "notFound", "ok") },
  "app/console/evidence/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/installs/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/installs/new/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/installs/[id]/page.tsx": { params: (f) => ({ id: f.installId }), expect: by("signin", "ok", "ok", "notFound", "ok") },
  "app/console/links/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/links/ga4/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/listing/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/nps/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/payouts/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/performance/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/reports/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/survival/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/team/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/webhooks/page.tsx": { expect: CONSOLE_PAGE },
  // Asking for partner A's agreements by id, like the console's home: only A's own people.
  "app/console/agreements/page.tsx": { searchParams: (f) => ({ partner: f.partnerId }), expect: by("signin", "ok", "ok", "forbidden", "forbidden") },
  "app/console/marketing/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/marketing/proofs/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/marketing/webinars/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/marketing/submissions/page.tsx": { expect: CONSOLE_PAGE },
  // Partner A's objects: B's owner gets a 404; admins (no partner) the console's no-partner state pointing to the admin pages.
  "app/console/marketing/submissions/[id]/page.tsx": { params: (f) => ({ id: f.submissionId }), expect: by("signin", "ok", "ok", "notFound", "ok") },
  "app/console/marketing/one-pagers/[id]/page.tsx": { params: (f) => ({ id: f.onePagerId }), expect: by("signin", "ok", "ok", "notFound", "ok") },
  "app/console/mdf/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/mdf/[id]/page.tsx": { params: (f) => ({ id: f.mdfRequestId }), expect: by("signin", "ok", "ok", "notFound", "ok") },
  "app/console/webhooks/[id]/page.tsx": { params: (f) => ({ id: f.endpointId }), expect: by("signin", "ok", "ok", "notFound", "ok") },

  // certification
  "app/(public)/soc2/page.tsx": { expect: PUBLIC_PAGE },
  "app/admin/certification/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/certification/partners/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/certification/partners/[id]/page.tsx": { params: (f) => ({ id: f.partnerId }), expect: ADMIN_PAGE },
  "app/console/certification/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/certification/documents/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/certification/incidents/page.tsx": { expect: CONSOLE_PAGE },
  // Partner B is on the same track, so B's owner gets B's own quiz page.
  "app/console/certification/quiz/[assessment]/page.tsx": { params: (f) => ({ assessment: f.quizAssessment }), expect: CONSOLE_PAGE },
  "app/console/scorecard/page.tsx": { expect: CONSOLE_PAGE },

  // badges and directory
  "app/(public)/verify/[id]/page.tsx": { params: (f) => ({ id: f.badgeId }), expect: PUBLIC_PAGE },
  "app/admin/badges/page.tsx": { expect: ADMIN_PAGE },
  "app/admin/listings/page.tsx": { expect: ADMIN_PAGE },
  "app/console/badges/page.tsx": { expect: CONSOLE_PAGE },
  // B's owner sees B's own (empty) brand kit state; admins look without a partner.
  "app/console/badges/brand/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/leads/page.tsx": { expect: CONSOLE_PAGE },
  "app/console/ranking/page.tsx": { expect: CONSOLE_PAGE },
};

export const ROUTE_ACCESS: Record<string, RouteEntry> = {
  "app/api/admin/audit/export/route.ts": { GET: { as: "session", expect: by(401, 403, 403, 403, 200) } },
  "app/api/auth/[...nextauth]/route.ts": {
    GET: { as: "session", path: () => "/api/auth/session", params: () => ({ nextauth: ["session"] }), expect: PUBLIC_GET },
    // Without Auth.js's CSRF token every caller is sent back to sign-in (MissingCSRF) and nothing
    // happens; lib/auth/authjs-csrf.test.ts checks where to, and that the token makes it work.
    POST: { as: "session", path: () => "/api/auth/signout", params: () => ({ nextauth: ["signout"] }), expect: all(302) },
  },
  "app/api/bench/r/[code]/route.ts": { GET: { as: "session", params: (f) => ({ code: f.linkCode }), expect: all(404) } },
  "app/api/bench/redirect/route.ts": { GET: { as: "session", expect: all(404) } },
  "app/api/console/evidence-packs/route.ts": {
    POST: { as: "session", form: (f) => ({ partnerId: f.partnerId }), expect: by(401, 200, 200, 403, 403) },
  },
  "app/api/console/payouts/export/route.ts": {
    GET: { as: "session", path: (f) => `/api/console/payouts/export?partnerId=${f.partnerId}`, expect: by(401, 200, 200, 403, 200) },
  },
  "app/api/admin/payouts/export/route.ts": { GET: { as: "session", expect: by(401, 403, 403, 403, 200) } },
  "app/api/cron/payouts/route.ts": { GET: { as: "session", expect: CRON }, POST: { as: "session", expect: CRON } },
  "app/api/v1/payouts/route.ts": { GET: { as: "key", expect: OWN_READ } },
  "app/api/v1/payouts/[id]/route.ts": { GET: { as: "key", params: (f) => ({ id: f.manualPayoutId }), expect: A_OBJECT(200) } },
  "app/api/admin/exit-tests/[id]/package/route.ts": { GET: { as: "session", params: (f) => ({ id: f.exitTestRunId }), expect: by(401, 403, 403, 403, 200) } },
  "app/api/cron/exit-tests/route.ts": { GET: { as: "session", expect: CRON }, POST: { as: "session", expect: CRON } },
  "app/api/files/[id]/route.ts": { GET: { as: "session", params: (f) => ({ id: f.privateUploadId }), expect: by(404, 200, 200, 404, 200) } },
  "app/api/cron/attribution/route.ts": { GET: { as: "session", expect: CRON }, POST: { as: "session", expect: CRON } },
  "app/api/cron/commissions/route.ts": { GET: { as: "session", expect: CRON }, POST: { as: "session", expect: CRON } },
  "app/api/cron/deals/route.ts": { GET: { as: "session", expect: CRON }, POST: { as: "session", expect: CRON } },
  "app/api/cron/evidence-rollups/route.ts": { GET: { as: "session", expect: CRON }, POST: { as: "session", expect: CRON } },
  "app/api/cron/nps-surveys/route.ts": { GET: { as: "session", expect: CRON }, POST: { as: "session", expect: CRON } },
  "app/api/cron/survival-probes/route.ts": { GET: { as: "session", expect: CRON }, POST: { as: "session", expect: CRON } },
  "app/api/cron/webhooks/route.ts": { GET: { as: "session", expect: CRON }, POST: { as: "session", expect: CRON } },
  "app/api/health/route.ts": { GET: { as: "session", expect: PUBLIC_GET } },
  "app/api/ready/route.ts": { GET: { as: "session", expect: PUBLIC_GET } },
  "app/api/metrics/route.ts": { GET: { as: "session", expect: all(401) } }, // only the scraper's METRICS_TOKEN
  "app/api/webhooks/stripe/route.ts": { POST: { as: "session", body: () => ({ type: "invoice.paid" }), expect: all(400) } }, // unsigned

  "app/api/v1/openapi.json/route.ts": { GET: { as: "key", expect: PUBLIC_GET } },
  "app/api/v1/partners/route.ts": { GET: { as: "key", expect: PUBLIC_GET } },
  "app/api/v1/partners/[id]/route.ts": { GET: { as: "key", params: (f) => ({ id: f.partnerSlug }), expect: PUBLIC_GET } },
  "app/api/v1/webhooks/event-types/route.ts": { GET: { as: "key", expect: PUBLIC_GET } },
  "app/api/v1/partner/route.ts": {
    GET: { as: "key", expect: OWN_READ },
    PATCH: { as: "key", body: () => ({ tagline: "Updated by the matrix" }), expect: OWN_READ },
  },
  "app/api/v1/partner/activity/route.ts": { GET: { as: "key", expect: OWN_READ } },
  "app/api/v1/commissions/route.ts": { GET: { as: "key", expect: OWN_READ } },
  "app/api/v1/links/route.ts": {
    GET: { as: "key", expect: OWN_READ },
    POST: { as: "key", body: () => ({ destination: "https://provenant.dev/pricing" }), expect: by(401, 201, 201, 201, 403) },
  },
  "app/api/v1/deals/route.ts": {
    GET: { as: "key", expect: OWN_READ },
    POST: { as: "key", body: () => dealInput, expect: by(401, 201, 201, 201, 403) },
  },
  "app/api/v1/deals/[id]/route.ts": { GET: { as: "key", params: (f) => ({ id: f.dealId }), expect: A_OBJECT(200) } },
  "app/api/v1/conversions/route.ts": {
    POST: { as: "key", body: (f) => ({ type: "signup", customerId: "cus_matrix", partnerId: f.partnerId }), expect: PLATFORM_WRITE },
  },
  "app/api/v1/installs/route.ts": {
    GET: { as: "key", expect: by(401, 200, 200, 200, 200) },
    POST: {
      as: "key",
      body: (f) => ({ stack: "wordpress", siteUrl: "https://matrix-shop.example", customerName: "Matrix Shop", startedAt: "2026-03-01T00:00:00Z", partnerId: f.partnerId }),
      expect: PLATFORM_WRITE,
    },
  },
  "app/api/v1/installs/[id]/route.ts": { GET: { as: "key", params: (f) => ({ id: f.installId }), expect: by(401, 200, 200, 404, 200) } },
  "app/api/v1/installs/[id]/checks/route.ts": { GET: { as: "key", params: (f) => ({ id: f.installId }), expect: by(401, 200, 200, 404, 200) } },
  "app/api/v1/survival-checks/route.ts": {
    POST: { as: "key", body: (f) => ({ installId: f.installId, assetsChecked: 2, assetsSurvived: 2, method: "embedded" }), expect: PLATFORM_WRITE },
  },
  "app/api/v1/webhooks/endpoints/route.ts": {
    GET: { as: "key", expect: OWN_READ },
    POST: { as: "key", body: () => endpointInput, expect: by(401, 201, 201, 201, 403) },
  },
  "app/api/v1/webhooks/endpoints/[id]/route.ts": {
    GET: { as: "key", params: (f) => ({ id: f.endpointId }), expect: A_OBJECT(200) },
    PATCH: { as: "key", params: (f) => ({ id: f.endpointId }), body: () => ({ description: "Renamed" }), expect: A_OBJECT(200) },
    DELETE: { as: "key", params: (f) => ({ id: f.endpointId }), expect: A_OBJECT(204) },
  },
  "app/api/v1/webhooks/endpoints/[id]/deliveries/route.ts": { GET: { as: "key", params: (f) => ({ id: f.endpointId }), expect: A_OBJECT(200) } },
  "app/api/v1/webhooks/endpoints/[id]/rotate-secret/route.ts": { POST: { as: "key", params: (f) => ({ id: f.endpointId }), expect: A_OBJECT(200) } },
  "app/api/v1/webhooks/endpoints/[id]/test/route.ts": { POST: { as: "key", params: (f) => ({ id: f.endpointId }), expect: A_OBJECT(200) } },
  "app/api/v1/webhooks/deliveries/[id]/resend/route.ts": { POST: { as: "key", params: (f) => ({ id: f.deliveryId }), expect: A_OBJECT(200) } },

  "app/api/v1/mdf/requests/route.ts": {
    GET: { as: "key", expect: OWN_READ },
    POST: { as: "key", body: () => mdfInput(), expect: by(401, 201, 201, 201, 403) }, // B's key requests for B
  },
  "app/api/program/documents/[document]/[version]/route.ts": { GET: { as: "session", params: () => ({ document: "master_agreement", version: "1.0" }), expect: PUBLIC_GET } },
  // Receipts: A's team and admins; another partner's receipt id is a 404.
  "app/api/console/agreements/receipts/[id]/route.ts": { GET: { as: "session", params: (f) => ({ id: f.receiptId }), expect: by(401, 200, 200, 404, 200) } },
  // Only owners sign. A's owner already signed the versions in force: past the guard, told so.
  "app/api/console/agreements/signatures/route.ts": {
    POST: { as: "session", body: (f) => ({ partnerId: f.partnerId, ...signInput(f) }), expect: by(401, 403, 409, 403, 403) },
  },
  "app/api/console/marketing/assets/route.ts": {
    GET: { as: "session", path: (f) => `/api/console/marketing/assets?partnerId=${f.partnerId}&file=logos/provenant-partners.svg`, expect: by(401, 200, 200, 403, 200) },
  },
  "app/api/console/one-pagers/[id]/html/route.ts": {
    GET: { as: "session", params: (f) => ({ id: f.onePagerId }), path: (f) => `/api/console/one-pagers/${f.onePagerId}/html?partnerId=${f.partnerId}`, expect: by(401, 200, 200, 403, 200) },
  },
  "app/api/console/one-pagers/[id]/pdf/route.ts": {
    GET: { as: "session", params: (f) => ({ id: f.onePagerId }), path: (f) => `/api/console/one-pagers/${f.onePagerId}/pdf?partnerId=${f.partnerId}`, expect: by(401, 200, 200, 403, 200) },
  },

  "app/fixture-site/[...path]/route.ts": { GET: { as: "session", params: () => ({ path: ["c2pa.jpg"] }), expect: all(404) } }, // off outside development
  "app/r/[code]/route.ts": { GET: { as: "session", params: (f) => ({ code: f.linkCode }), expect: all(302) } },

  // certification
  // Uploading a document for partner A: its team only (admins review, they do not submit).
  "app/api/console/certification/documents/route.ts": {
    POST: { as: "session", form: (f) => ({ partnerId: f.partnerId, kind: "enterprise_reference", title: "Matrix Media", file: pdfFile() }), expect: by(401, 201, 201, 403, 403) },
  },
  "app/api/cron/certification/route.ts": { GET: { as: "session", expect: CRON }, POST: { as: "session", expect: CRON } },
  "app/api/v1/certification/route.ts": { GET: { as: "key", expect: OWN_READ } },

  // badges and directory
  // Badge images and assertions are public by design (embedded on partners' sites).
  "app/(public)/verify/[id]/assertion.json/route.ts": { GET: { as: "session", params: (f) => ({ id: f.badgeId }), expect: PUBLIC_GET } },
  "app/badges/[file]/route.ts": {
    GET: { as: "session", params: (f) => ({ file: `${f.badgeId}.svg` }), expect: PUBLIC_GET },
    OPTIONS: { as: "session", params: (f) => ({ file: `${f.badgeId}.svg` }), expect: all(204) },
  },
  "app/api/bench/badge-reads/route.ts": { GET: { as: "session", expect: all(404) } },
  "app/api/bench/badge/[file]/route.ts": { GET: { as: "session", params: (f) => ({ file: `${f.badgeId}.svg` }), expect: all(404) } },
  // Partner A's brand kit: A's team and admins (who may look); B's owner is refused.
  "app/api/console/brand/[partnerId]/[file]/route.ts": {
    GET: { as: "session", params: (f) => ({ partnerId: f.partnerId, file: "provenant-brand-kit.zip" }), expect: by(401, 200, 200, 403, 200) },
  },
  "app/api/cron/badge-scan/route.ts": { GET: { as: "session", expect: CRON }, POST: { as: "session", expect: CRON } },
  "app/api/cron/ranking/route.ts": { GET: { as: "session", expect: CRON }, POST: { as: "session", expect: CRON } },
  "app/api/v1/badges/route.ts": { GET: { as: "key", expect: OWN_READ } },
  "app/api/v1/directory/version/route.ts": { GET: { as: "key", expect: PUBLIC_GET } },
};

export const ACTION_ACCESS: Record<string, ActionEntry> = {
  "lib/attribution/actions.ts": {
    createLinkAction: { args: (f) => [f.partnerId, { destination: "https://provenant.dev/pricing" }], expect: MEMBER_WRITE },
    archiveLinkAction: { args: (f) => [f.partnerId, f.linkId], expect: MEMBER_WRITE },
  },
  "lib/auth/actions.ts": {
    // Anyone may ask for a sign-in link: everyone goes on to /sign-in/check-email.
    requestMagicLink: { args: (_f, role) => [{}, formOf({ email: `matrix-${role}@signin.test` })], expect: all("redirect") },
    signInAsDemo: { skip: "Signs in one of the seeded demo accounts, which the matrix's world does not have; the e2e setup signs in with it for every spec" },
    // Ends the caller's own session (none for anonymous): everyone is sent home.
    signOutAction: { args: () => [], expect: all("redirect") },
    // Switching to partner A: everyone signed in lands on /console; only A's people get A remembered.
    switchPartner: { args: (f) => [formOf({ partnerId: f.partnerId })], expect: by("signin", "redirect", "redirect", "redirect", "redirect") },
  },
  "lib/api-keys/actions.ts": {
    createPartnerApiKeyAction: { args: (f) => [f.partnerId, { name: "matrix", scopes: ["partner:read"] }], expect: OWNER_WRITE },
    createPlatformApiKeyAction: { args: () => [{ name: "matrix", scopes: ["platform:read"] }], expect: ADMIN_ACTION },
    // Someone else's key answers 404, so key ids cannot be probed; admins manage platform keys only.
    revokeApiKeyAction: { args: (f) => [f.apiKeyId], expect: by("signin", "notFound", "ok", "notFound", "notFound") },
  },
  "lib/deals/actions.ts": {
    registerDealAction: { args: (f) => [f.partnerId, dealInput], expect: MEMBER_WRITE },
    resolveConflictAction: {
      args: (f) => [f.conflictId, { winnerDealId: f.conflictDealId, reason: "Registered first with a named contact" }],
      expect: by("signin", "forbidden", "forbidden", "forbidden", "ok"),
    },
    extendDealAction: { args: (f) => [f.dealId, { days: 10, reason: "Customer asked for time" }], expect: ADMIN_ACTION },
    setDealStageAction: { args: (f) => [f.dealId, { stage: "accepted" }], expect: ADMIN_ACTION },
  },
  "lib/payouts/actions.ts": {
    acceptTermsAction: { args: (f) => [f.partnerId], expect: OWNER_WRITE },
    submitTaxFormAction: { args: (f) => [f.partnerId, { formType: "w9", legalName: "Matrix Partner LLC" }], expect: OWNER_WRITE },
    // Without STRIPE_SECRET_KEY there is no Connect onboarding: the owner passes the guard and hears so.
    startStripeOnboardingAction: { args: (f) => [f.partnerId], expect: by("signin", "forbidden", "conflict", "forbidden", "forbidden") },
    runPayoutsAction: { args: () => [], expect: ADMIN_ACTION },
    recordManualPaymentAction: { args: (f) => [f.manualPayoutId, { reference: "WIRE-2026-0001" }], expect: ADMIN_ACTION },
    retryPayoutAction: { args: (f) => [f.manualPayoutId], expect: by("signin", "forbidden", "forbidden", "forbidden", "conflict") },
    // Partner A's tax form is already verified (it has a payout): the admin passes the guard and is told.
    verifyTaxFormAction: { args: (f) => [f.partnerId], expect: by("signin", "forbidden", "forbidden", "forbidden", "conflict") },
    postAdjustmentAction: { args: (f) => [f.partnerId, formOf({ amount: "-12.50", currency: "USD", memo: "Correction for a duplicated bounty" })], expect: ADMIN_ACTION },
  },
  "lib/analytics/actions.ts": {
    // 2019-Q1 has no responses: the admin passes the guard and is told there is nothing to publish.
    publishNpsQuarterAction: { args: () => [{ quarter: "2019-Q1" }], expect: by("signin", "forbidden", "forbidden", "forbidden", "validation_failed") },
  },
  "lib/exit-tests/actions.ts": {
    runExitTestsAction: { args: () => [], expect: ADMIN_ACTION },
    // Signing needs the exec role on top of admin: a plain admin is refused.
    signOffAction: {
      args: (f) => [{ runId: f.exitTestRunId, packageSha256: f.exitTestPackageSha256, confirm: true }],
      expect: by("signin", "forbidden", "forbidden", "forbidden", "forbidden"),
    },
  },
  "lib/staff/actions.ts": {
    addAdminAction: { args: (_f, role) => [{ email: `staff-${role}-${Math.random().toString(36).slice(2, 10)}@matrix.example` }], expect: ADMIN_ACTION },
    removeAdminAction: { args: (f) => [f.staffAdminId], expect: ADMIN_ACTION },
    // The exec role is the execs' to give and take: the matrix admin is not one.
    grantExecAction: { args: (f) => [f.staffAdminId], expect: by("signin", "forbidden", "forbidden", "forbidden", "forbidden") },
    revokeExecAction: { args: (f) => [f.staffAdminId], expect: by("signin", "forbidden", "forbidden", "forbidden", "forbidden") },
  },
  "lib/email/actions.ts": {
    retryEmailAction: { args: (f) => [f.emailId], expect: ADMIN_ACTION },
  },
  "lib/fraud/actions.ts": {
    reviewHoldAction: { args: (f) => [f.heldCommissionId, { decision: "clear", reason: "Checked with the customer directly" }], expect: ADMIN_ACTION },
  },
  "lib/nps/actions.ts": {
    answerSurveyAction: { args: (f, role) => [f.npsTokens[role], { score: 9 }], expect: all<Outcome>("ok") },
    unsubscribeAction: { args: (f, role) => [f.npsTokens[role]], expect: all<Outcome>("ok") },
    sendSurveysNowAction: { args: () => [], expect: ADMIN_ACTION },
  },
  "lib/partners/actions.ts": {
    saveListingAction: { args: (f) => [f.partnerId, listingInput], expect: MEMBER_WRITE },
    inviteMemberAction: { args: (f) => [f.partnerId, { email: "new.person@matrix.example", role: "member" }], expect: OWNER_WRITE },
    changeMemberRoleAction: { args: (f) => [f.partnerId, f.memberMembershipId, "owner"], expect: OWNER_WRITE },
    removeMemberAction: { args: (f) => [f.partnerId, f.memberMembershipId], expect: OWNER_WRITE },
  },
  "lib/quality/actions.ts": {
    createInstallAction: {
      args: (f) => [f.partnerId, { stack: "wordpress", siteUrl: "https://matrix-shop.example", customerName: "Matrix Shop" }],
      expect: MEMBER_WRITE,
    },
    // Admins may run a check on any install (support); another partner's install is a 404.
    checkNowAction: { args: (f) => [f.installId], expect: by("signin", "ok", "ok", "notFound", "ok") },
    // Drafts are a team task (installs:write); publishing is the owner's (reports:publish).
    createReportAction: { args: (f) => [f.installId, { periodDays: 30 }], expect: by("signin", "ok", "ok", "notFound", "notFound") },
    setReportPublishedAction: { args: (f) => [f.reportId, true], expect: by("signin", "forbidden", "ok", "notFound", "notFound") },
    runRollupsNowAction: { args: () => [], expect: ADMIN_ACTION },
  },
  "lib/marketing/actions.ts": {
    createOnePagerAction: { args: (f) => [f.partnerId, { template: "green-checklist", headline: "Survives the trip" }], expect: MEMBER_WRITE },
    createWebinarAction: { args: (f) => [f.partnerId, { title: "Matrix webinar", startsAt: `${inDays(20)}T16:00:00Z` }], expect: MEMBER_WRITE },
    // Anyone may register for a public webinar.
    registerForWebinarAction: {
      args: (f, role) => [f.webinarSlug, { name: "Ana Lead", email: `ana-${role}@acme.example`, company: "Acme", companySize: "51-200", role: "marketing", consent: "on" }],
      expect: all<Outcome>("ok"),
    },
    submitMaterialAction: { args: (f) => [f.partnerId, formOf({ title: "Matrix flyer", url: "https://matrix.example/flyer.pdf" })], expect: MEMBER_WRITE },
    resubmitMaterialAction: {
      args: (f) => [f.partnerId, f.changesSubmissionId, formOf({ url: "https://matrix.example/banner-2.png", comment: "Current badge" })],
      expect: MEMBER_WRITE,
    },
    // The review thread: A's team and the reviewing admins; another partner's submission is a 404.
    commentOnMaterialAction: { args: (f) => [f.submissionId, formOf({ body: "Any news?" })], expect: by("signin", "ok", "ok", "notFound", "ok") },
    reviewMaterialAction: { args: (f) => [f.submissionId, formOf({ decision: "approve" })], expect: ADMIN_ACTION },
    addProofLinkAction: { args: (f) => [f.partnerId, formOf({ title: "Hero", link: f.proofLink })], expect: MEMBER_WRITE },
    addProofFileAction: { args: (f) => [f.partnerId, formOf({ title: "Screenshot" }, { file: new File([PNG_BYTES], "shot.png", { type: "image/png" }) })], expect: MEMBER_WRITE },
    removeProofAction: { args: (f) => [f.partnerId, f.proofId], expect: MEMBER_WRITE },
  },
  "lib/mdf/actions.ts": {
    requestMdfAction: { args: (f) => [f.partnerId, mdfInput()], expect: MEMBER_WRITE },
    decideMdfRequestAction: { args: (f) => [f.mdfRequestId, formOf({ decision: "approve" })], expect: ADMIN_ACTION },
    submitMdfClaimAction: {
      args: (f) => [
        f.partnerId,
        f.approvedMdfRequestId,
        formOf(
          { claimedAmount: "800.00", actualLeads: "9", resultsSummary: "Ran the webinar, nine qualified leads." },
          { receipts: new File([PDF_BYTES], "invoice.pdf", { type: "application/pdf" }) },
        ),
      ],
      expect: MEMBER_WRITE,
    },
    decideMdfClaimAction: { args: (f) => [f.claimedMdfRequestId, formOf({ decision: "approve" })], expect: ADMIN_ACTION },
  },
  "lib/legal/actions.ts": {
    // Only owners sign. A's owner already signed the versions in force: past the guard, told so.
    signAgreementsAction: { args: (f) => [f.partnerId, signInput(f)], expect: by("signin", "forbidden", "conflict", "forbidden", "forbidden") },
    // Version 1.0 is in force already: the admin passes the guard and is told (publishing a new version would change the world for every later test).
    publishVersionAction: { args: () => [{ document: "master_agreement", version: "1.0" }], expect: by("signin", "forbidden", "forbidden", "forbidden", "conflict") },
  },
  "lib/onboarding/actions.ts": {
    // Partner A's checklist is not finished (no quiz, no live badge, no payout account): A's team passes the guard and is told to finish it first.
    dismissOnboardingAction: { args: (f) => [f.partnerId], expect: by("signin", "conflict", "conflict", "forbidden", "forbidden") },
  },
  "lib/webhooks/actions.ts": {
    createEndpointAction: { args: (f) => [f.partnerId, endpointInput], expect: OWNER_WRITE },
    updateEndpointAction: { args: (f) => [f.partnerId, f.endpointId, { description: "Renamed" }], expect: OWNER_WRITE },
    setEndpointEnabledAction: { args: (f) => [f.partnerId, f.endpointId, false], expect: OWNER_WRITE },
    deleteEndpointAction: { args: (f) => [f.partnerId, f.endpointId], expect: OWNER_WRITE },
    rotateSecretAction: { args: (f) => [f.partnerId, f.endpointId], expect: OWNER_WRITE },
    sendTestEventAction: { args: (f) => [f.partnerId, f.endpointId], expect: OWNER_WRITE },
    resendDeliveryAction: { args: (f) => [f.partnerId, f.deliveryId, f.endpointId], expect: OWNER_WRITE },
  },

  // certification
  "lib/certification/actions.ts": {
    // Quizzes are the team's (admins have no attempts of their own to take).
    startQuizAction: { args: (f) => [f.partnerId, f.quizAssessment], expect: MEMBER_WRITE },
    // Someone else's attempt is not revealed.
    submitQuizAction: { args: (f) => [f.quizAttemptId, Array.from({ length: f.quizQuestionCount }, () => 0)], expect: by("signin", "ok", "ok", "notFound", "notFound") },
    // Admins open incidents on a customer's behalf; answering and resolving is the partner's job.
    openIncidentAction: { args: (f) => [f.partnerId, { title: "Manifests 404 on the CDN", severity: "high" }], expect: by("signin", "ok", "ok", "forbidden", "ok") },
    respondIncidentAction: { args: (f) => [f.incidentId, { note: "Rolled the CDN rule back" }], expect: by("signin", "ok", "ok", "notFound", "forbidden") },
    resolveIncidentAction: { args: (f) => [f.incidentId, { note: "Fixed at the origin" }], expect: by("signin", "ok", "ok", "notFound", "forbidden") },
    reviewSubmissionAction: { args: (f) => [f.certSubmissionId, { decision: "approved" }], expect: ADMIN_ACTION },
    overrideTierAction: { args: (f) => [f.partnerId, { tier: "premier", reason: "Launch partner for the rollout" }], expect: ADMIN_ACTION },
    runCertificationNowAction: { args: () => [], expect: ADMIN_ACTION },
  },

  // badges and directory
  "lib/badges/actions.ts": {
    declarePageAction: { args: (f) => [f.partnerId, { url: "https://matrix.example/customers" }], expect: MEMBER_WRITE },
    removePageAction: { args: (f) => [f.partnerId, f.badgePageId], expect: MEMBER_WRITE },
    markViolationFixedAction: { args: (f) => [f.partnerId, f.violationId], expect: MEMBER_WRITE },
    resolveViolationAction: { args: (f) => [f.violationId, { note: "Link added by hand" }], expect: ADMIN_ACTION },
    escalateViolationAction: { args: (f) => [f.violationId, { reason: "Ignored the deadline" }], expect: ADMIN_ACTION },
    revokeBadgeAction: { args: (f) => [f.badgeId, { reason: "Misuse on a landing page" }], expect: ADMIN_ACTION },
    restoreBadgeAction: { args: (f) => [f.revokedBadgeId], expect: ADMIN_ACTION },
  },
  "lib/directory/actions.ts": {
    // Anyone may write to a partner from its public profile.
    contactPartnerAction: {
      args: (f, role) => [f.partnerSlug, { name: "Ana Lead", email: `ana-${role}@acme.example`, company: "Acme", message: "Please scope an install for our store." }],
      expect: all<Outcome>("ok"),
    },
    setLeadStatusAction: { args: (f) => [f.partnerId, f.leadId, "answered"], expect: MEMBER_WRITE },
    decideReviewAction: { args: (f) => [f.reviewId, { decision: "approve" }], expect: ADMIN_ACTION },
    uploadLogoAction: { args: (f) => [f.partnerId, formOf({}, { logo: new File([PNG_BYTES], "logo.png", { type: "image/png" }) })], expect: MEMBER_WRITE },
    removeLogoAction: { args: (f) => [f.partnerId], expect: MEMBER_WRITE },
    runRankingAction: { args: () => [], expect: ADMIN_ACTION },
  },
};

function pdfFile(): File {
  return new File([new TextEncoder().encode("%PDF-1.7\n% reference letter\n")], "reference.pdf", { type: "application/pdf" });
}

function formOf(values: Record<string, string>, files: Record<string, Blob> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  for (const [k, v] of Object.entries(files)) form.set(k, v);
  return form;
}
