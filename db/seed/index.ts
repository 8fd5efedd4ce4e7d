import { eq } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { appMeta } from "../schema";
import { seedAttribution } from "./attribution";
import { seedBadges } from "./badges";
import { fakerFor, type AreaSeeder } from "./context";
import { buildDemoData, insertCoreData } from "./core";
import { seedWebhooks } from "./webhooks";
import { seedEvidence } from "./evidence";
import { seedPayouts } from "./payouts";
import { seedAnalytics } from "./analytics";
import { seedComarketing } from "./comarketing";
import { seedLegal } from "./legal";
import { seedCertification } from "./certification";
import { seedDirectory } from "./directory";

// The demo data a fresh install starts with. Deterministic: fixed random seeds
// and dates relative to `now`, so two runs on the same day give the same data.

export { buildDemoData, DEMO_PARTNER_API_KEY, DEMO_PLATFORM_API_KEY } from "./core";

export const SEED_VERSION = 1;
export const SEED_MARKER = "demo_seed";

/** Each capability's demo data, run in this order after the core rows. */
const AREAS: [string, AreaSeeder][] = [
  ["attribution", seedAttribution],
  ["webhooks", seedWebhooks],
  ["evidence", seedEvidence],
  ["certification", seedCertification],
  ["badges", seedBadges],
  ["payouts", seedPayouts],
  ["comarketing", seedComarketing],
  ["legal", seedLegal],
  ["analytics", seedAnalytics],
  ["directory", seedDirectory],
];

/** True when the demo data is already there (a second `npm run dev` must not reseed). */
export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, SEED_MARKER));
  return Boolean(row);
}

export async function seedDemo(db: Db, options: { now: Date }): Promise<{ partners: number; users: number }> {
  const core = buildDemoData(options.now);
  return db.transaction(async (tx: Tx) => {
    await insertCoreData(tx, core);
    for (const [area, seed] of AREAS) await seed({ tx, now: options.now, core, faker: fakerFor(area) });
    await tx
      .insert(appMeta)
      .values({ key: SEED_MARKER, value: { version: SEED_VERSION, seededAt: options.now.toISOString() }, updatedAt: options.now });
    return { partners: core.partners.length, users: core.users.length };
  });
}
