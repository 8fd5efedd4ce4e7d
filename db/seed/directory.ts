import { verifyLinkFor } from "@/lib/partners/constants";
import { recomputeRankings } from "@/lib/ranking/recompute";
import { leads, listingReviews } from "../schema";
import { seedId, type AreaSeeder } from "./context";

// The directory demo: leads from prospects (new, answered within and after the
// SLA, closed), proof-link reviews (one pending for Brightpixel Studio, one
// rejected, one approved), then a ranking run so the directory opens in rank
// order. Badges are the certification engine's, seeded earlier.

const DAY = 86_400_000;
const HOUR = 3_600_000;

const PROSPECTS = [
  ["Maya Lindqvist", "Nordlys Magazine"],
  ["Tomás Reyes", "Orbit Sneakers"],
  ["Priya Raman", "Aperture Weekly"],
  ["Jonas Weber", "Ironwood Furniture"],
  ["Aiko Tanaka", "Pocket Atlas"],
  ["Leila Haddad", "Saffron Kitchen"],
  ["Sam Okafor", "Lighthouse Daily"],
  ["Chloé Martin", "Atelier Mirela"],
  ["Ben Carter", "Summit Trail Gear"],
  ["Ana Sousa", "Brightwater Wines"],
] as const;
const MESSAGES = [
  "We run a WooCommerce store with about 4,000 product images and want Content Credentials to survive our CDN. Could you scope an install?",
  "Our newsroom needs provenance on every published photo before the election coverage starts. What would a rollout look like?",
  "Our SOC 2 auditor asked for evidence that image provenance controls work. Can you help us produce an evidence pack?",
  "We are migrating to a headless CMS and need C2PA manifests preserved. Do you have capacity next month?",
  "Looking for a partner for a Shopify Plus store in Europe, with German-speaking support.",
  "Could you audit our Cloudflare Workers setup? Credentials seem to disappear on resized images.",
];

export const seedDirectory: AreaSeeder = async ({ tx, now, core, faker }) => {
  const listed = core.partners.filter((p) => p.status !== "suspended");
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);

  // Badges come from the certification engine (and the badges area), seeded before this one.

  // Leads: a few per partner for about two thirds of the directory, more for the demo partners.
  const leadRows: (typeof leads.$inferInsert)[] = [];
  for (const p of listed) {
    const demo = p.slug === "brightpixel-studio" || p.slug === "ledgerline-assurance";
    const n = demo ? 9 : faker.number.int({ min: 1, max: 3 }) === 1 ? 0 : faker.number.int({ min: 1, max: 4 });
    for (let k = 0; k < n; k++) {
      const [name, company] = faker.helpers.arrayElement(PROSPECTS);
      const createdAt = new Date(now.getTime() - (demo && k < 2 ? faker.number.int({ min: 1, max: 20 }) * HOUR : faker.number.int({ min: 1, max: 110 }) * DAY));
      const sla = p.slaResponseHours ?? 48;
      const roll = faker.number.int({ min: 1, max: 10 });
      const outcome = createdAt.getTime() > now.getTime() - 24 * HOUR ? "new" : roll <= 6 ? "on_time" : roll <= 8 ? "late" : roll === 9 ? "new" : "closed";
      const answeredAt =
        outcome === "on_time"
          ? new Date(createdAt.getTime() + faker.number.int({ min: 1, max: Math.max(1, sla) }) * HOUR * 0.9)
          : outcome === "late" || outcome === "closed"
            ? new Date(createdAt.getTime() + (sla + faker.number.int({ min: 2, max: 72 })) * HOUR)
            : null;
      leadRows.push({
        id: seedId(faker, "lead"),
        partnerId: p.id!,
        name,
        email: `${name.split(" ")[0]!.toLowerCase()}@${company.toLowerCase().replace(/[^a-z0-9]+/g, "")}.example`,
        company,
        message: faker.helpers.arrayElement(MESSAGES),
        status: outcome === "new" ? "new" : outcome === "closed" ? "closed" : "answered",
        createdAt,
        answeredAt: answeredAt && answeredAt.getTime() <= now.getTime() ? answeredAt : null,
      });
    }
  }
  for (const l of leadRows) if (l.status !== "new" && !l.answeredAt) l.status = "new";
  for (let i = 0; i < leadRows.length; i += 200) await tx.insert(leads).values(leadRows.slice(i, i + 200));

  // Proof-link reviews.
  const bright = listed.find((p) => p.slug === "brightpixel-studio")!;
  const northwind = listed.find((p) => p.slug === "northwind-integrations")!;
  const others = listed.filter((p) => p.proofLinks && p.proofLinks.length > 0 && p.id !== bright.id);
  const rejected = others[3]!;
  const approved = others[5]!;
  const proposal = (slug: string, names: string[]) => names.map((n) => verifyLinkFor(`https://${slug}.example.com/work/${n}`));
  await tx.insert(listingReviews).values([
    {
      id: seedId(faker, "lrv"),
      partnerId: bright.id!,
      proposedProofLinks: proposal(bright.slug!, ["spring-campaign-hero.jpg", "product-launch-still.jpg", "editorial-cover.png"]),
      previousProofLinks: bright.proofLinks ?? [],
      state: "pending",
      submittedBy: "Olivia Owner <olivia@brightpixel.studio>",
      submittedAt: at(1),
    },
    {
      id: seedId(faker, "lrv"),
      partnerId: northwind.id!,
      proposedProofLinks: proposal(northwind.slug!, ["dam-rollout-hero.jpg", "cdn-edge-resize.jpg", "annual-report-cover.png"]),
      previousProofLinks: northwind.proofLinks ?? [],
      state: "pending",
      submittedBy: "Sam Integrator <sam@northwind-integrations.com>",
      submittedAt: at(2),
    },
    {
      id: seedId(faker, "lrv"),
      partnerId: rejected.id!,
      proposedProofLinks: ["https://contentcredentials.org/verify?source=https%3A%2F%2Fstock.example.org%2Fnot-ours.jpg"],
      previousProofLinks: rejected.proofLinks ?? [],
      state: "rejected",
      submittedBy: "Partner owner",
      submittedAt: at(12),
      decidedAt: at(11),
      reason: "The asset is a stock photo on a site you did not install; send assets from your customers' sites.",
    },
    {
      id: seedId(faker, "lrv"),
      partnerId: approved.id!,
      proposedProofLinks: approved.proofLinks ?? [],
      previousProofLinks: [],
      state: "approved",
      submittedBy: "Partner owner",
      submittedAt: at(30),
      decidedAt: at(29),
    },
  ]);

  await recomputeRankings(tx, now);
};
