import type { Faker } from "@faker-js/faker";
import { eq } from "drizzle-orm";
import { encryptSecret } from "@/lib/crypto/secrets";
import { EVENT_REGISTRY, type EventData, type EventType } from "@/lib/events/registry";
import { MAX_ATTEMPTS, nominalDelayMs } from "@/lib/webhooks/schedule";
import { secretHint } from "@/lib/webhooks/signing";
import type { Tx } from "../client";
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints } from "../schema";
import { seedId, type AreaSeeder } from "./context";

// Demo webhook endpoints for the three demo partners, with delivery history in
// every state: delivered (some after retries), retrying, pending, failed for
// good, an endpoint that keeps failing, one disabled automatically after its
// retries ran out, and one the receiver retired with 410 Gone.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Outcome = { status: number | null; error?: string; snippet?: string };
const OK: Outcome = { status: 200, snippet: '{"received":true}' };
const E500: Outcome = { status: 500, snippet: "Internal Server Error" };
const E503: Outcome = { status: 503, snippet: "upstream connect error or disconnect/reset before headers" };
const TIMEOUT: Outcome = { status: null, error: "Timed out after 10000 ms" };
const REFUSED: Outcome = { status: null, error: "Connection refused" };

function samplePayload(type: EventType, at: Date, faker: Faker): EventData<EventType> {
  const iso = (d: Date) => d.toISOString();
  const id = (prefix: string) => seedId(faker, prefix);
  const company = faker.company.name();
  const money = (min: number, max: number) => ({ amount: faker.number.int({ min, max }) * 100, currency: "USD" });
  switch (type) {
    case "partner.deal_registered":
      return {
        dealId: id("deal"),
        company,
        domain: faker.internet.domainName(),
        stack: faker.helpers.arrayElement(["wordpress", "shopify", "workers", "custom"] as const),
        estimatedValue: money(2_000, 40_000),
        registeredAt: iso(at),
        expiresAt: iso(new Date(at.getTime() + 60 * DAY)),
      };
    case "partner.deal_expired":
      return { dealId: id("deal"), company, registeredAt: iso(new Date(at.getTime() - 60 * DAY)), expiredAt: iso(at) };
    case "partner.attribution_matched":
      return {
        attributionId: id("attr"),
        stage: faker.helpers.arrayElement(["signup", "pilot", "paid"] as const),
        customerId: `cus_${faker.string.alphanumeric(12)}`,
        matchedVia: "click" as const,
        dealId: null,
        linkCode: faker.helpers.slugify(faker.word.words(2)).toLowerCase(),
        clickedAt: iso(new Date(at.getTime() - faker.number.int({ min: 1, max: 50 }) * DAY)),
        matchedAt: iso(at),
      };
    case "partner.commission.created":
      return {
        commissionId: id("com"),
        kind: "subscription" as const,
        invoiceId: `in_${faker.string.alphanumeric(14)}`,
        attributionId: id("attr"),
        sku: faker.helpers.arrayElement(["provenance-pro-annual", "provenance-team-monthly", "evidence-packs"]),
        amount: money(50, 900),
        rateBps: faker.helpers.arrayElement([1000, 1500, 2000]),
        status: "pending" as const,
        payableAt: iso(new Date(at.getTime() + 30 * DAY)),
      };
    case "partner.payout.created":
      return {
        payoutId: id("po"),
        amount: money(400, 6_000),
        periodStart: iso(new Date(at.getTime() - 31 * DAY)),
        periodEnd: iso(at),
        dueAt: iso(new Date(at.getTime() + 30 * DAY)),
        lineCount: faker.number.int({ min: 2, max: 14 }),
      };
    case "partner.payout.paid":
      return { payoutId: id("po"), amount: money(400, 6_000), paidAt: iso(at), method: "stripe", reference: `tr_${faker.string.alphanumeric(14)}` };
    case "partner.payout.failed":
      return { payoutId: id("po"), amount: money(400, 6_000), failedAt: iso(at), reason: "The destination account cannot receive transfers yet", attempts: 1 };
    case "partner.badge.awarded":
      return { badgeId: id("bdg"), kind: "certified_installer", label: "Certified Installer", awardedAt: iso(at), expiresAt: iso(new Date(at.getTime() + 365 * DAY)) };
    case "partner.badge.revoked":
      return { badgeId: id("bdg"), kind: "survival_99_9", revokedAt: iso(at), reason: "Survival fell below 99.9% for 30 days" };
    case "partner.badge.restored":
      return { badgeId: id("bdg"), kind: "certified_installer", restoredAt: iso(at), state: "active" };
    case "partner.badge_violation_opened":
      return { violationId: id("bvi"), kind: "missing_verify_link", badgeId: id("bdg"), pageUrl: "https://example.com/about", host: "example.com", detail: "The badge is not linked to its verification page.", openedAt: iso(at), deadlineAt: iso(new Date(at.getTime() + 14 * DAY)) };
    case "partner.badge_violation_closed":
      return { violationId: id("bvi"), kind: "missing_verify_link", outcome: "fixed", note: null, closedAt: iso(at) };
    case "partner.tier.changed":
      return { from: "advanced", to: "premier", effectiveAt: iso(at), reason: "Quarterly tier review" };
    case "partner.agreement_signed":
      return {
        receiptId: id("rcp"),
        signedBy: faker.internet.email().toLowerCase(),
        signedAt: iso(at),
        documents: [{ document: "master_agreement", version: "2.0", sha256: faker.string.hexadecimal({ length: 64, casing: "lower", prefix: "" }) }],
      };
    case "partner.badge.changed":
      return { badgeId: id("bdg"), kind: "certified_installer", state: "active", tier: "advanced", changedAt: iso(at) };
    case "partner.certification.changed":
      return { from: "probation", to: "certified", action: "none", certifiedAt: iso(new Date(at.getTime() - 60 * DAY)), expiresAt: iso(new Date(at.getTime() + 305 * DAY)), changedAt: iso(at) };
    case "partner.test":
      throw new Error("test events are not seeded through samplePayload");
    default:
      // Events without a hand-written sample use their documented example.
      return EVENT_REGISTRY[type].example as EventData<EventType>;
  }
}

interface EndpointSpec {
  slug: string;
  url: string;
  description: string;
  eventTypes: string[];
  status?: { reason: "manual" | "gone" | "failing"; daysAgo: number };
  /** Deliveries to create: event type, how long ago, attempt outcomes, final state. */
  history: { type: EventType; hoursAgo: number; attempts: Outcome[]; final: "succeeded" | "failed" | "dead" | "pending" }[];
}

const ok = (type: EventType, hoursAgo: number, attempts: Outcome[] = [OK]) => ({ type, hoursAgo, attempts, final: "succeeded" as const });

function specs(): EndpointSpec[] {
  const exhausted = (o: Outcome) => Array.from({ length: MAX_ATTEMPTS }, () => o);
  return [
    {
      slug: "brightpixel-studio",
      url: "https://hooks.brightpixel.studio/provenant",
      description: "Ops dashboard",
      eventTypes: ["*"],
      history: [
        ok("partner.tier.changed", 24 * 19),
        ok("partner.attribution_matched", 24 * 16),
        ok("partner.deal_registered", 24 * 14),
        ok("partner.commission.created", 24 * 12, [E503, OK]),
        ok("partner.badge.awarded", 24 * 9),
        ok("partner.attribution_matched", 24 * 7),
        ok("partner.payout.created", 24 * 5, [TIMEOUT, TIMEOUT, OK]),
        ok("partner.deal_registered", 24 * 3),
        ok("partner.commission.created", 30),
        ok("partner.attribution_matched", 20),
        { type: "partner.deal_registered", hoursAgo: 0.2, attempts: [E500, E500], final: "failed" },
        { type: "partner.commission.created", hoursAgo: 0, attempts: [], final: "pending" },
      ],
    },
    {
      slug: "brightpixel-studio",
      url: "https://crm.brightpixel.studio/webhooks/partner-events",
      description: "CRM sync (payouts)",
      eventTypes: ["partner.payout.created", "partner.payout.paid"],
      history: [
        ok("partner.payout.created", 24 * 33),
        ok("partner.payout.paid", 24 * 20),
        { type: "partner.payout.created", hoursAgo: 80, attempts: exhausted(E500), final: "dead" },
        { type: "partner.payout.paid", hoursAgo: 30, attempts: [E500, E500, E500, E500, E500, E500, E500, E500, E500, E500, E500], final: "failed" },
      ],
    },
    {
      slug: "ledgerline-assurance",
      url: "https://audit.ledgerline.io/hooks/provenant",
      description: "Evidence pipeline",
      eventTypes: ["partner.badge.awarded", "partner.badge.revoked", "partner.tier.changed"],
      status: { reason: "failing", daysAgo: 2 },
      history: [
        ok("partner.badge.awarded", 24 * 25),
        ok("partner.tier.changed", 24 * 15),
        { type: "partner.badge.revoked", hoursAgo: 24 * 5 + 6, attempts: exhausted(REFUSED), final: "dead" },
        { type: "partner.badge.awarded", hoursAgo: 24 * 4, attempts: [REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED], final: "dead" },
      ],
    },
    {
      slug: "northwind-integrations",
      url: "https://integrations.northwind-integrations.com/provenant/webhooks",
      description: "Salesforce bridge",
      eventTypes: ["partner.deal_registered", "partner.deal_expired", "partner.attribution_matched", "partner.commission.created"],
      history: [
        ok("partner.deal_registered", 24 * 21),
        ok("partner.deal_registered", 24 * 11),
        ok("partner.attribution_matched", 24 * 6, [TIMEOUT, OK]),
        ok("partner.deal_expired", 24 * 2),
        ok("partner.commission.created", 5),
      ],
    },
    {
      slug: "northwind-integrations",
      url: "https://legacy.northwind-integrations.com/hooks",
      description: "Old integration server",
      eventTypes: ["*"],
      status: { reason: "gone", daysAgo: 9 },
      history: [ok("partner.tier.changed", 24 * 30), { type: "partner.deal_registered", hoursAgo: 24 * 9, attempts: [{ status: 410, snippet: "Gone" }], final: "dead" }],
    },
  ];
}

async function seedEndpoint(tx: Tx, spec: EndpointSpec, partnerId: string, ownerId: string | null, now: Date, faker: Faker) {
  const secret = "whsec_" + Buffer.from(faker.string.alphanumeric(32)).toString("base64");
  const oldest = Math.max(...spec.history.map((h) => h.hoursAgo), 1);
  const createdAt = new Date(now.getTime() - oldest * HOUR - 2 * HOUR);
  const [endpoint] = await tx
    .insert(webhookEndpoints)
    .values({
      id: seedId(faker, "whe"),
      partnerId,
      url: spec.url,
      description: spec.description,
      eventTypes: spec.eventTypes,
      secretEncrypted: encryptSecret(secret),
      secretHint: secretHint(secret),
      createdByUserId: ownerId,
      createdAt,
      updatedAt: createdAt,
    })
    .returning();

  let lastSuccess: Date | null = null;
  let failingSince: Date | null = null;
  let consecutive = 0;
  let lastFailure: Date | null = null;
  for (const h of [...spec.history].sort((a, b) => b.hoursAgo - a.hoursAgo)) {
    const at = new Date(now.getTime() - h.hoursAgo * HOUR);
    // The rows emit() would write (it is server-only), with the payload checked against the registry.
    const payload = EVENT_REGISTRY[h.type].data.parse(samplePayload(h.type, at, faker));
    const eventId = seedId(faker, "evt");
    const deliveryId = seedId(faker, "whd");
    await tx.insert(events).values({ id: eventId, type: h.type, partnerId, payload, createdAt: at });
    await tx.insert(webhookDeliveries).values({ id: deliveryId, eventId, endpointId: endpoint!.id, partnerId, eventType: h.type, createdAt: at });
    let t = at.getTime();
    const rows: (typeof webhookAttempts.$inferInsert)[] = [];
    h.attempts.forEach((o, i) => {
      const success = o.status !== null && o.status >= 200 && o.status < 300;
      const delay = success || o.status === 410 ? null : nominalDelayMs(i + 1);
      const next = delay !== null && i === h.attempts.length - 1 && h.final === "failed" ? new Date(t + delay) : null;
      rows.push({
        id: seedId(faker, "wha"),
        deliveryId,
        number: i + 1,
        at: new Date(t),
        durationMs: o.error?.startsWith("Timed out") ? 10_000 : faker.number.int({ min: 40, max: 900 }),
        responseStatus: o.status,
        responseSnippet: o.snippet ?? null,
        error: o.error ?? (success ? null : o.status ? `HTTP ${o.status}` : null),
        outcome: success ? "succeeded" : "failed",
        nextAttemptAt: delay === null ? null : next ?? new Date(t + delay),
      });
      if (success) {
        lastSuccess = new Date(t);
        failingSince = null;
        consecutive = 0;
      } else {
        failingSince ??= new Date(t);
        consecutive += 1;
        lastFailure = new Date(t);
      }
      if (delay !== null && i < h.attempts.length - 1) t += delay;
    });
    if (rows.length) await tx.insert(webhookAttempts).values(rows);
    const last = rows.at(-1);
    await tx
      .update(webhookDeliveries)
      .set({
        status: h.final,
        attempts: rows.length,
        roundAttempts: rows.length,
        // Queued work stays a few minutes ahead, so the demo looks as seeded when it opens
        // (a development server delivers whatever is due right away).
        nextAttemptAt:
          h.final === "pending"
            ? new Date(now.getTime() + 10 * 60_000)
            : h.final === "failed"
              ? new Date(Math.max(last?.nextAttemptAt?.getTime() ?? 0, now.getTime() + 20 * 60_000))
              : null,
        lastAttemptAt: last?.at ?? null,
        lastResponseStatus: last?.responseStatus ?? null,
        lastResponseSnippet: last?.responseSnippet ?? null,
        lastError: h.final === "dead" && spec.status && rows.length < MAX_ATTEMPTS && h.attempts[0]?.status !== 410 ? "Endpoint disabled" : (last?.error ?? null),
        lastDurationMs: last?.durationMs ?? null,
        succeededAt: h.final === "succeeded" ? (last?.at ?? null) : null,
      })
      .where(eq(webhookDeliveries.id, deliveryId));
  }

  const disabledAt = spec.status ? new Date(now.getTime() - spec.status.daysAgo * DAY) : null;
  await tx
    .update(webhookEndpoints)
    .set({
      consecutiveFailures: consecutive,
      failingSince,
      failureNotifiedAt: failingSince && now.getTime() - (failingSince as Date).getTime() >= DAY ? new Date((failingSince as Date).getTime() + DAY) : null,
      lastSuccessAt: lastSuccess,
      lastFailureAt: lastFailure,
      ...(spec.status ? { status: "disabled" as const, disabledReason: spec.status.reason, disabledAt } : {}),
    })
    .where(eq(webhookEndpoints.id, endpoint!.id));
}

export const seedWebhooks: AreaSeeder = async ({ tx, now, core, faker }) => {
  for (const spec of specs()) {
    const partner = core.partners.find((p) => p.slug === spec.slug);
    if (!partner?.id) continue;
    const owner = core.memberships.find((m) => m.partnerId === partner.id && m.role === "owner");
    await seedEndpoint(tx, spec, partner.id, owner?.userId ?? null, now, faker);
  }
};
