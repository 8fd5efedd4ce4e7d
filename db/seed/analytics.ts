import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { buildSnapshot } from "@/lib/analytics/nps-publication";
import { quarterAudienceCounts, quarterCustomerCountsByPartner } from "@/lib/analytics/store";
import { previousQuarter, quarterOf, quarterRange } from "@/lib/nps/score";
import { evaluateAll } from "@/lib/exit-tests/evaluate";
import { loadExitTestData } from "@/lib/exit-tests/load";
import { buildExitTestFiles, packageOf } from "@/lib/exit-tests/package";
import { SIGN_OFF_STATEMENT } from "@/lib/exit-tests/sign-off-statement";
import { conversions, crmOpportunities, customerAttributions, exitTestRuns, exitTestSignoffs, npsPublications, users } from "../schema";
import type { AreaSeeder } from "./context";
import { seedId } from "./context";

// Program analytics for the demo: the CRM opportunities that prove partners'
// paid customers (all but the suspicious ones), direct-sales opportunities to
// compare partner-sourced deals with, last quarter's NPS published, and the
// demo admin as an executive who signs the exit tests. Under this data exit
// tests 1 (deal closure) and 2 (TTI) pass; test 3 waits for webinar data.
// One scheduled run from earlier today is on record, signed by the demo admin.

const DAY = 86_400_000;
const DIRECT_COMPANIES = [
  "Oakmont Logistics", "Bramblewood Hotels", "Crestline Media", "Dunmore Retail", "Eastgate Publishing", "Fairhaven Foods", "Glenrock Studios",
  "Highmoor Apparel", "Inglewood Press", "Jasper & Vale", "Kingsbridge Auto", "Linden Health", "Marlowe Books", "Northgate Sports",
  "Oldfield Wines", "Portland Prints", "Queensway Travel", "Riverside Gazette", "Stonebridge Homes", "Thornbury Crafts",
];

export const seedAnalytics: AreaSeeder = async ({ tx, now, faker }) => {
  // The demo admin signs off the exit tests.
  await tx.update(users).set({ isExec: true }).where(sql`lower(${users.email}) = 'admin@provenant.dev'`);

  // CRM proof for partners' paid customers; customers flagged for fraud get none (they show up as unproven).
  const paid = await tx
    .select({ id: customerAttributions.id, customerId: customerAttributions.customerId, partnerId: customerAttributions.partnerId, domain: customerAttributions.customerDomain, paidAt: customerAttributions.paidAt, matchedAt: customerAttributions.matchedAt })
    .from(customerAttributions)
    .where(isNotNull(customerAttributions.paidAt));
  const flagged = new Set(
    (
      await tx
        .select({ customerId: conversions.customerId })
        .from(conversions)
        .where(and(inArray(conversions.customerId, paid.map((p) => p.customerId).concat("")), sql`${conversions.fraudFlags} is not null and jsonb_array_length(${conversions.fraudFlags}) > 0`))
    ).map((r) => r.customerId),
  );
  for (const a of paid) {
    if (flagged.has(a.customerId)) continue;
    const [conv] = await tx
      .select({ amount: conversions.amountCents, currency: conversions.currency, company: conversions.company })
      .from(conversions)
      .where(and(eq(conversions.customerId, a.customerId), eq(conversions.type, "paid")))
      .limit(1);
    const id = seedId(faker, "opp");
    await tx.insert(crmOpportunities).values({
      id,
      company: conv?.company ?? a.domain ?? a.customerId,
      domain: a.domain,
      customerId: a.customerId,
      stage: "closed_won",
      amountCents: conv?.amount ?? null,
      currency: conv?.currency ?? "USD",
      partnerId: a.partnerId,
      createdAt: a.matchedAt,
      updatedAt: a.paidAt!,
    });
    await tx.update(customerAttributions).set({ crmSystem: "local", crmOpportunityId: id, crmSyncedAt: a.paidAt }).where(eq(customerAttributions.id, a.id));
  }

  // Direct sales (no partner): the comparison group for close rate and average selling price.
  for (const [i, company] of DIRECT_COMPANIES.entries()) {
    const createdAt = new Date(now.getTime() - faker.number.int({ min: 20, max: 300 }) * DAY);
    const won = i % 4 === 0;
    await tx.insert(crmOpportunities).values({
      id: seedId(faker, "opp"),
      company,
      domain: `${company.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "-")}.example`,
      stage: i % 7 === 6 ? "negotiation" : won ? "closed_won" : "closed_lost",
      amountCents: faker.helpers.arrayElement([19_900, 49_900, 49_900, 99_900]),
      currency: "USD",
      createdAt,
      updatedAt: new Date(Math.min(createdAt.getTime() + faker.number.int({ min: 10, max: 60 }) * DAY, now.getTime() - DAY)),
    });
  }

  // Last quarter's NPS, published a few days after it closed.
  const quarter = previousQuarter(quarterOf(now));
  const { start, end } = quarterRange(quarter);
  const [partner, customer, perPartner] = await Promise.all([
    quarterAudienceCounts(tx, "partner", quarter),
    quarterAudienceCounts(tx, "customer", quarter),
    quarterCustomerCountsByPartner(tx, quarter),
  ]);
  if (partner.promoters + partner.passives + partner.detractors > 0) {
    const admin = (await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = 'admin@provenant.dev'`))[0];
    await tx.insert(npsPublications).values({
      id: seedId(faker, "npq"),
      quarter,
      periodStart: start,
      periodEnd: end,
      snapshot: buildSnapshot({ quarter, periodStart: start, periodEnd: end, partner, customer, perPartner }),
      publishedByUserId: admin?.id ?? null,
      publishedAt: new Date(Math.min(end.getTime() + 5 * DAY, now.getTime() - DAY)),
    });
  }

  // This morning's scheduled run, with its evidence package, signed by the demo admin.
  const ranAt = new Date(now.getTime() - 3 * 3_600_000);
  const data = await loadExitTestData(tx, ranAt);
  const results = evaluateAll(data, ranAt);
  const passed = results.every((r) => r.status === "PASS");
  const runId = seedId(faker, "etr");
  const files = buildExitTestFiles(data, results, { id: runId, passed });
  const pkg = packageOf(files, ranAt, runId);
  await tx.insert(exitTestRuns).values({ id: runId, ranAt, trigger: "cron", passed, results, packageFiles: files, manifest: pkg.manifest, manifestSha256: pkg.manifestSha256 });
  const [exec] = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(sql`lower(${users.email}) = 'admin@provenant.dev'`);
  if (exec) {
    await tx.insert(exitTestSignoffs).values({
      id: seedId(faker, "ets"),
      runId,
      signerUserId: exec.id,
      signerName: exec.name ?? exec.email,
      signerEmail: exec.email,
      packageSha256: pkg.manifestSha256,
      statement: SIGN_OFF_STATEMENT,
      signedAt: new Date(now.getTime() - 2 * 3_600_000),
    });
  }
};
