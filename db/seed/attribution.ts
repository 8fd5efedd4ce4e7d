import { and, eq, inArray, sql } from "drizzle-orm";
import { processMatchedConversions } from "@/lib/attribution/process-matches";
import { normalizeDomain } from "@/lib/attribution/rules";
import { insertClicks, matchConversions, type ClickRecord } from "@/lib/attribution/store";
import { DEAL_POLICY } from "@/lib/deals/policy";
import { hashKeySecret } from "@/lib/api-keys/keys";
import { apiKeys, billingInvoices, billingRefunds, commissions, conversions, crmOpportunities, dealConflicts, deals, trackingLinks } from "../schema";
import type { AreaSeeder } from "./context";
import { seedId } from "./context";
import { DEMO_PARTNER_API_KEY } from "./core";

// Attribution, deals and commissions for the demo: links and clicks (bots and
// repeats included), a funnel of signups, pilots and payments, registered,
// accepted, won, lost, expired and conflicting deals, and commissions in every
// state (pending, payable, held, paid, reversed). Conversions go through the
// real matcher and commission engine, so the numbers are the app's own.

const DAY = 86_400_000;
const HOUR = 3_600_000;

const UAS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
];
const BOT_UAS = ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "curl/8.5.0"];
const PAGES = ["https://provenant.dev/pricing", "https://provenant.dev/", "https://www.provenant.dev/customers", "https://go.provenant.dev/webinar", "https://docs.provenant.dev/start"];
const REFERRERS = ["https://www.linkedin.com/", "https://news.ycombinator.com/", null, null, "https://www.google.com/"];
const COMPANIES = [
  "Harborview Media", "Northlake Outfitters", "Copperfield Press", "Bluewater Retail", "Juniper Gazette", "Atlas Prints", "Sunfield Foods",
  "Marigold Studio", "Ridgeback Photo", "Lakeshore Weekly", "Oakline Furniture", "Pebble Books", "Silverpine Travel", "Quayside Fashion",
  "Thistle & Co", "Greenway Grocers", "Brightwater News", "Cinder Records", "Foxhollow Bikes", "Granite State Herald", "Ivory Coast Wines",
  "Kelpie Outdoor", "Larch Lane Homes", "Mistral Audio", "Nettle Tea Co", "Orca Surf", "Pinecone Press", "Quill Journal", "Rosewood Living",
  "Saffron Kitchen", "Tamarind Travel", "Umber Art Supply", "Velvet Decor", "Wren Bakery", "Yarrow Herbals", "Zephyr Cycles",
];

const slugify = (s: string) => s.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export const seedAttribution: AreaSeeder = async ({ tx, now, core, faker }) => {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const bySlug = (slug: string) => core.partners.find((p) => p.slug === slug)!;
  const bright = bySlug("brightpixel-studio");
  const ledger = bySlug("ledgerline-assurance");
  const north = bySlug("northwind-integrations");
  const others = faker.helpers.arrayElements(
    core.partners.filter((p) => p.status !== "suspended" && ![bright.id, ledger.id, north.id].includes(p.id!)),
    9,
  );
  const cast = [bright, ledger, north, ...others];

  // The demo partner key also reads and writes this area.
  await tx
    .update(apiKeys)
    .set({ scopes: sql`array(select distinct unnest(${apiKeys.scopes} || array['links:read','links:write','deals:read','deals:write','commissions:read']::text[]))` })
    .where(eq(apiKeys.hash, hashKeySecret(DEMO_PARTNER_API_KEY)));

  // --- Links and clicks -------------------------------------------------------
  const clicksByPartner = new Map<string, ClickRecord[]>();
  let companyIndex = 0;
  for (const [i, p] of cast.entries()) {
    const isBright = p.id === bright.id;
    const nLinks = isBright ? 4 : faker.number.int({ min: 1, max: 3 });
    const clicks: ClickRecord[] = [];
    for (let l = 0; l < nLinks; l++) {
      const campaign = faker.helpers.arrayElement(["spring-webinar", "case-study", "newsletter", "pricing-page", "partner-page", null]);
      const link = {
        id: seedId(faker, "lnk"),
        partnerId: p.id!,
        code: `${p.slug!.slice(0, 30)}-${["pricing", "webinar", "newsletter", "guide"][l]}`,
        destination: PAGES[(i + l) % PAGES.length]!,
        campaign,
        createdAt: at(faker.number.int({ min: 62, max: 120 })),
        archivedAt: l === 3 ? at(5) : null,
      };
      await tx.insert(trackingLinks).values(link);
      const n = isBright ? [260, 140, 90, 30][l]! : faker.number.int({ min: 20, max: 90 });
      for (let k = 0; k < n; k++) {
        const clickedAt = new Date(now.getTime() - faker.number.int({ min: 1, max: 59 * 24 }) * HOUR - faker.number.int({ min: 0, max: 3_599_000 }));
        const bot = faker.number.float() < 0.08;
        const base = {
          linkId: link.id,
          partnerId: p.id!,
          userAgent: bot ? faker.helpers.arrayElement(BOT_UAS) : faker.helpers.arrayElement(UAS),
          referrer: faker.helpers.arrayElement(REFERRERS),
          isBot: bot,
        };
        const ipHash = faker.string.alphanumeric({ length: 32 });
        clicks.push({ id: seedId(faker, "clk"), clickedAt, ipHash, ...base });
        // Some visitors click again within the hour: kept, not counted.
        if (faker.number.float() < 0.15) clicks.push({ id: seedId(faker, "clk"), clickedAt: new Date(clickedAt.getTime() + 5 * 60_000), ipHash, ...base });
      }
    }
    clicksByPartner.set(p.id!, clicks);
  }
  // One visitor hammering Ledgerline's link: a click flood behind one of its customers.
  const ledgerLink = (await tx.select().from(trackingLinks).where(eq(trackingLinks.partnerId, ledger.id!)))[0]!;
  const floodAt = at(12);
  const flood: ClickRecord[] = Array.from({ length: 28 }, (_, k) => ({
    id: seedId(faker, "clk"),
    linkId: ledgerLink.id,
    partnerId: ledger.id!,
    clickedAt: new Date(floodAt.getTime() + k * 90_000),
    ipHash: "flood-ip-0000000000000000000000",
    userAgent: UAS[1]!,
    referrer: null,
    isBot: false,
  }));
  clicksByPartner.get(ledger.id!)!.push(...flood);
  for (const clicks of clicksByPartner.values()) {
    for (let i = 0; i < clicks.length; i += 1000) await insertClicks(tx, clicks.slice(i, i + 1000));
  }

  // --- Customers: signup -> pilot -> paid, reported as the platform would ------
  type Plan = { signups: number; pilots: number; paid: number };
  const plans = new Map<string, Plan>([
    [bright.id!, { signups: 22, pilots: 10, paid: 7 }],
    [ledger.id!, { signups: 8, pilots: 4, paid: 3 }],
    [north.id!, { signups: 9, pilots: 5, paid: 4 }],
  ]);
  const refundCustomers: { customerId: string; invoiceId: string; amount: number; full: boolean }[] = [];
  let customerNo = 0;
  for (const p of cast) {
    const plan = plans.get(p.id!) ?? { signups: faker.number.int({ min: 1, max: 5 }), pilots: 0, paid: 0 };
    if (!plans.has(p.id!)) {
      plan.pilots = faker.number.int({ min: 0, max: plan.signups });
      plan.paid = faker.number.int({ min: 0, max: plan.pilots });
    }
    const humanClicks = clicksByPartner.get(p.id!)!.filter((c) => !c.isBot && c.clickedAt.getTime() < now.getTime() - 3 * DAY);
    const olderClicks = humanClicks.filter((c) => c.clickedAt.getTime() < now.getTime() - 45 * DAY);
    for (let s = 0; s < plan.signups; s++) {
      // Customers who went on to pay came in earlier, so their commissions span the hold period.
      const click = faker.helpers.arrayElement(s < plan.paid && s % 3 !== 0 && olderClicks.length ? olderClicks : humanClicks);
      const company = COMPANIES[companyIndex++ % COMPANIES.length]!;
      const domain = `${slugify(company)}-${++customerNo}.example`;
      const customerId = `cus_demo${String(customerNo).padStart(4, "0")}`;
      const signupAt = new Date(Math.min(click.clickedAt.getTime() + faker.number.int({ min: 1, max: 72 }) * HOUR, now.getTime() - 2 * DAY));
      const rows: (typeof conversions.$inferInsert)[] = [
        { id: seedId(faker, "cnv"), type: "signup", source: "api", externalId: `seed-${customerId}-signup`, customerId, customerDomain: domain, customerEmail: `ops@${domain}`, company, occurredAt: signupAt, receivedAt: signupAt, clickIdHint: click.id },
      ];
      if (s < plan.pilots) {
        const pilotAt = new Date(Math.min(signupAt.getTime() + faker.number.int({ min: 2, max: 6 }) * DAY, now.getTime() - faker.number.int({ min: 24, max: 60 }) * HOUR));
        rows.push({ id: seedId(faker, "cnv"), type: "pilot", source: "api", externalId: `seed-${customerId}-pilot`, customerId, company, occurredAt: pilotAt, receivedAt: pilotAt, amountCents: faker.helpers.arrayElement([49_900, 99_900, 250_000]) * 12, currency: "USD" });
        if (s < plan.paid) {
          const paidAt = new Date(Math.min(pilotAt.getTime() + faker.number.int({ min: 2, max: 6 }) * DAY, now.getTime() - faker.number.int({ min: 2, max: 20 }) * HOUR));
          const sku = p.id === north.id ? "provenance-enterprise" : faker.helpers.arrayElement(["provenance-pro", "provenance-starter", "provenance-pro"]);
          const amount = sku === "provenance-enterprise" ? 250_000 : sku === "provenance-pro" ? 49_900 : 19_900;
          const invoiceId = `in_demo${String(customerNo).padStart(4, "0")}`;
          const addOn = faker.number.float() < 0.4 ? 9_900 : 0;
          await tx.insert(billingInvoices).values({
            id: invoiceId,
            source: "stripe",
            customerId,
            chargeId: `ch_demo${String(customerNo).padStart(4, "0")}`,
            currency: "USD",
            amountPaid: amount + addOn,
            paidAt,
            lines: [
              { id: "il_1", sku, amount, proration: false, periodStart: paidAt.toISOString(), periodEnd: new Date(paidAt.getTime() + 30 * DAY).toISOString() },
              ...(addOn ? [{ id: "il_2", sku: "addon-evidence-packs", amount: addOn, proration: false, periodStart: null, periodEnd: null }] : []),
            ],
            customerEmail: `billing@${domain}`,
          });
          rows.push({ id: seedId(faker, "cnv"), type: "paid", source: "stripe", externalId: invoiceId, customerId, customerDomain: domain, company, occurredAt: paidAt, receivedAt: paidAt, amountCents: amount + addOn, currency: "USD", sku });
          if (s === 0 && p.id === north.id) refundCustomers.push({ customerId, invoiceId, amount: amount + addOn, full: true });
          if (s === 1 && p.id === bright.id) refundCustomers.push({ customerId, invoiceId, amount: amount + addOn, full: false });
          if (s === 2 && p.id === bright.id) refundCustomers.push({ customerId, invoiceId, amount: amount + addOn, full: true });
        }
      }
      await tx.insert(conversions).values(rows);
    }
  }

  // A self-referral: Brightpixel's own domain signs up and pays through its link.
  const brightDomain = normalizeDomain(bright.website)!;
  const selfClick = clicksByPartner.get(bright.id!)!.find((c) => !c.isBot && c.clickedAt.getTime() < now.getTime() - 10 * DAY)!;
  const selfAt = new Date(selfClick.clickedAt.getTime() + 2 * DAY);
  await tx.insert(billingInvoices).values({
    id: "in_demo_self",
    source: "stripe",
    customerId: "cus_demo_self",
    currency: "USD",
    amountPaid: 49_900,
    paidAt: new Date(selfAt.getTime() + DAY),
    lines: [{ id: "il_1", sku: "provenance-pro", amount: 49_900, proration: false, periodStart: null, periodEnd: null }],
    customerEmail: `finance@${brightDomain}`,
  });
  await tx.insert(conversions).values([
    { id: seedId(faker, "cnv"), type: "signup", source: "api", externalId: "seed-self-signup", customerId: "cus_demo_self", customerDomain: brightDomain, customerEmail: `finance@${brightDomain}`, company: "Brightpixel Studio (own account)", occurredAt: selfAt, receivedAt: selfAt, clickIdHint: selfClick.id },
    { id: seedId(faker, "cnv"), type: "paid", source: "stripe", externalId: "in_demo_self", customerId: "cus_demo_self", customerDomain: brightDomain, occurredAt: new Date(selfAt.getTime() + DAY), receivedAt: new Date(selfAt.getTime() + DAY), amountCents: 49_900, currency: "USD", sku: "provenance-pro" },
  ]);
  // A click flood behind a Ledgerline customer.
  await tx.insert(billingInvoices).values({
    id: "in_demo_flood",
    source: "stripe",
    customerId: "cus_demo_flood",
    currency: "USD",
    amountPaid: 19_900,
    paidAt: new Date(floodAt.getTime() + 2 * DAY),
    lines: [{ id: "il_1", sku: "provenance-starter", amount: 19_900, proration: false, periodStart: null, periodEnd: null }],
    customerEmail: "owner@quickflip-deals.example",
  });
  await tx.insert(conversions).values([
    { id: seedId(faker, "cnv"), type: "signup", source: "api", externalId: "seed-flood-signup", customerId: "cus_demo_flood", customerDomain: "quickflip-deals.example", company: "Quickflip Deals", occurredAt: new Date(floodAt.getTime() + HOUR), receivedAt: new Date(floodAt.getTime() + HOUR), clickIdHint: flood[27]!.id },
    { id: seedId(faker, "cnv"), type: "paid", source: "stripe", externalId: "in_demo_flood", customerId: "cus_demo_flood", customerDomain: "quickflip-deals.example", occurredAt: new Date(floodAt.getTime() + 2 * DAY), receivedAt: new Date(floodAt.getTime() + 2 * DAY), amountCents: 19_900, currency: "USD", sku: "provenance-starter" },
  ]);
  // Refunds land before the commissions are computed: one in full (reversed), one half.
  for (const r of refundCustomers) {
    await tx.insert(billingRefunds).values({ chargeId: `ch_${r.invoiceId.slice(3)}`, invoiceId: r.invoiceId, customerId: r.customerId, refundedCents: r.full ? r.amount : Math.floor(r.amount / 2), currency: "USD", updatedAt: now });
  }
  // A paid event nobody could match: stored, not dropped.
  await tx.insert(conversions).values({ id: seedId(faker, "cnv"), type: "paid", source: "stripe", externalId: "in_demo_orphan", customerId: "cus_demo_orphan", occurredAt: at(3), receivedAt: at(3), amountCents: 19_900, currency: "USD", sku: "provenance-starter" });

  // --- Deals --------------------------------------------------------------------
  type DealSeed = { partner: typeof bright; company: string; daysAgo: number; stage: "registered" | "accepted" | "won" | "lost" | "expired"; value: number; products: string[]; reminded?: boolean };
  const dealSeeds: DealSeed[] = [
    { partner: bright, company: "Harborview Media Group", daysAgo: 10, stage: "accepted", value: 2_400_000, products: ["provenance-enterprise", "addon-survival-monitor"] },
    { partner: bright, company: "Lumen Outdoor Co", daysAgo: 4, stage: "registered", value: 598_800, products: ["provenance-pro"] },
    { partner: bright, company: "Canopy Publishing", daysAgo: 55, stage: "registered", value: 1_198_800, products: ["provenance-pro", "addon-evidence-packs"], reminded: true },
    { partner: bright, company: "Fernbrook Retail", daysAgo: 40, stage: "won", value: 598_800, products: ["provenance-pro"] },
    { partner: bright, company: "Mesa Ceramics", daysAgo: 50, stage: "lost", value: 238_800, products: ["provenance-starter"] },
    { partner: bright, company: "Driftline Surf", daysAgo: 75, stage: "expired", value: 598_800, products: ["provenance-pro"] },
    { partner: ledger, company: "Copperleaf Insurance", daysAgo: 20, stage: "accepted", value: 3_000_000, products: ["provenance-enterprise"] },
    { partner: ledger, company: "Kestrel Bank", daysAgo: 66, stage: "expired", value: 3_000_000, products: ["provenance-enterprise"] },
    { partner: north, company: "Atlas Broadcasting", daysAgo: 30, stage: "accepted", value: 6_000_000, products: ["provenance-enterprise", "addon-cdn-connector"] },
    { partner: north, company: "Meridian Health", daysAgo: 2, stage: "registered", value: 4_500_000, products: ["provenance-enterprise"] },
    ...others.slice(0, 5).map((p, i) => ({ partner: p, company: COMPANIES[(i * 5 + 3) % COMPANIES.length]! + " Group", daysAgo: 5 + i * 11, stage: (["registered", "accepted", "won", "expired", "lost"] as const)[i]!, value: 500_000 + i * 250_000, products: ["provenance-pro"] })),
  ];
  const dealIds = new Map<string, string>();
  for (const d of dealSeeds) {
    const registeredAt = at(d.daysAgo);
    const protectedUntil = new Date(registeredAt.getTime() + DEAL_POLICY.protectionDays * DAY);
    const closed = d.stage === "won" || d.stage === "lost" || d.stage === "expired";
    const id = seedId(faker, "deal");
    const domain = `${slugify(d.company)}.example`;
    dealIds.set(d.company, id);
    await tx.insert(deals).values({
      id,
      partnerId: d.partner.id!,
      company: d.company,
      domain,
      contactName: faker.person.fullName(),
      contactEmail: `${faker.person.firstName().toLowerCase()}@${domain}`,
      estimatedValueCents: d.value,
      currency: "USD",
      products: d.products,
      expectedCloseAt: new Date(now.getTime() + faker.number.int({ min: 10, max: 80 }) * DAY),
      stage: d.stage,
      registeredAt,
      protectedUntil,
      reminderSentAt: d.reminded ? at(1) : null,
      closedAt: closed ? (d.stage === "expired" ? protectedUntil : at(Math.max(1, d.daysAgo - 20))) : null,
      closeReason: d.stage === "won" ? "Customer paid" : d.stage === "lost" ? "Customer chose to build in-house" : d.stage === "expired" ? "Protection ended" : null,
      updatedAt: now,
    });
    await tx.insert(crmOpportunities).values({ company: d.company, domain, stage: d.stage === "won" ? "closed_won" : d.stage === "lost" ? "closed_lost" : "qualification", amountCents: d.value, currency: "USD", partnerId: d.partner.id!, dealId: id, createdAt: registeredAt, updatedAt: now });
  }
  // Open conflicts: Brightpixel and Northwind each register a domain another partner holds.
  const conflictSeeds: { first: typeof bright; second: typeof bright; company: string; firstDaysAgo: number; secondDaysAgo: number; value: number }[] = [
    { first: ledger, second: bright, company: "Saltmarsh Gallery", firstDaysAgo: 12, secondDaysAgo: 3, value: 1_198_800 },
    { first: bright, second: north, company: "Orchid Hotels", firstDaysAgo: 18, secondDaysAgo: 6, value: 4_800_000 },
  ];
  for (const c of conflictSeeds) {
    const domain = `${slugify(c.company)}.example`;
    const ids: string[] = [];
    for (const [p, daysAgo] of [
      [c.first, c.firstDaysAgo],
      [c.second, c.secondDaysAgo],
    ] as const) {
      const id = seedId(faker, "deal");
      ids.push(id);
      await tx.insert(deals).values({
        id,
        partnerId: p.id!,
        company: c.company,
        domain,
        contactName: faker.person.fullName(),
        contactEmail: `buyer@${domain}`,
        estimatedValueCents: c.value,
        currency: "USD",
        products: ["provenance-pro"],
        expectedCloseAt: new Date(now.getTime() + 30 * DAY),
        stage: "registered",
        inConflict: "open",
        registeredAt: at(daysAgo),
        protectedUntil: new Date(at(daysAgo).getTime() + DEAL_POLICY.protectionDays * DAY),
        updatedAt: now,
      });
    }
    await tx.insert(dealConflicts).values({ id: seedId(faker, "dcf"), domain, firstDealId: ids[0]!, secondDealId: ids[1]!, createdAt: at(c.secondDaysAgo) });
  }
  // A conflict decided earlier, for the record.
  {
    const domain = "pinecrest-outfitters.example";
    const first = seedId(faker, "deal");
    const second = seedId(faker, "deal");
    for (const [id, p, stage, daysAgo] of [
      [first, north, "accepted", 40],
      [second, ledger, "lost", 35],
    ] as const) {
      await tx.insert(deals).values({
        id,
        partnerId: p.id!,
        company: "Pinecrest Outfitters",
        domain,
        contactName: faker.person.fullName(),
        contactEmail: `cto@${domain}`,
        estimatedValueCents: 900_000,
        currency: "USD",
        products: ["provenance-pro"],
        expectedCloseAt: new Date(now.getTime() + 20 * DAY),
        stage,
        registeredAt: at(daysAgo),
        protectedUntil: new Date(at(daysAgo).getTime() + DEAL_POLICY.protectionDays * DAY),
        closedAt: stage === "lost" ? at(30) : null,
        closeReason: stage === "lost" ? "Conflict decided for another partner: registered first with a signed NDA" : null,
        updatedAt: now,
      });
    }
    await tx.insert(dealConflicts).values({ id: seedId(faker, "dcf"), domain, firstDealId: first, secondDealId: second, status: "resolved", winnerDealId: first, reason: "Registered first with a signed NDA and a scheduled demo", createdAt: at(35), resolvedAt: at(30) });
  }

  // --- Match everything and compute commissions with the real engine -----------
  await matchConversions(tx, { now });
  for (;;) {
    const { processed } = await processMatchedConversions(tx, { now, limit: 500 });
    if (!processed.length) break;
  }

  // Older payable commissions were paid out last month.
  const payable = await tx
    .select({ id: commissions.id, earnedAt: commissions.earnedAt })
    .from(commissions)
    .where(and(eq(commissions.status, "payable"), inArray(commissions.partnerId, cast.map((p) => p.id!))));
  const paidIds = payable.filter((c, i) => c.earnedAt.getTime() < now.getTime() - 38 * DAY && i % 2 === 0).map((c) => c.id);
  if (paidIds.length) {
    await tx
      .update(commissions)
      .set({ status: "paid", paidAt: at(8), payoutId: "po_demo_last_month", updatedAt: at(8) })
      .where(inArray(commissions.id, paidIds));
  }
};

