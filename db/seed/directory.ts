import { verifyLinkFor } from "@/lib/partners/constants";
import { recomputeRankings } from "@/lib/ranking/recompute";
import { leads, listingReviews, partnerBadges } from "../schema";
import type { BadgeKey, BadgeState, TrackBadge } from "../schema/badges";
import { seedId, type AreaSeeder } from "./context";

// The directory demo: badges for the listed partners (track badges in every
// state, performance badges for some), leads from prospects (new, answered
// within and after the SLA, closed), proof-link reviews (one pending for
// Brightpixel Studio, one rejected, one approved), then a ranking run so the
// directory opens in rank order. Badges are inserted only where none exists,
// so a badge seeder that ran earlier keeps its rows.

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
const TRACK_BADGE: Record<string, TrackBadge> = {
  installer: "certified_installer",
  auditor: "certified_auditor",
  enterprise_integrator: "enterprise_certified",
};

export const seedDirectory: AreaSeeder = async ({ tx, now, core, faker }) => {
  const listed = core.partners.filter((p) => p.status !== "suspended");
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);

  // Badges: most partners certified; probation partners' track badge on probation; a few lapsed.
  const badgeRows: (typeof partnerBadges.$inferInsert)[] = [];
  listed.forEach((p, i) => {
    const onProbation = p.status === "probation";
    const state: BadgeState = onProbation ? "probation" : i % 17 === 9 ? "expired" : i % 23 === 11 ? "revoked" : i % 13 === 7 ? "probation" : "active";
    const issued = at(onProbation ? faker.number.int({ min: 1, max: 40 }) : faker.number.int({ min: 70, max: 600 }));
    badgeRows.push({
      id: seedId(faker, "bdg"),
      partnerId: p.id!,
      kind: "track",
      badge: TRACK_BADGE[p.track]!,
      tier: p.tier!,
      state,
      issuedAt: issued,
      expiresAt: state === "expired" ? at(faker.number.int({ min: 5, max: 60 })) : new Date(issued.getTime() + 365 * DAY),
      stateChangedAt: state === "active" ? issued : at(faker.number.int({ min: 1, max: 30 })),
      revokedReason: state === "revoked" ? "Proof links no longer showed Content Credentials" : null,
    });
    if (onProbation || state !== "active") return;
    const performance: BadgeKey[] = [];
    if (p.track !== "auditor" && faker.number.int({ min: 1, max: 10 }) <= 4) performance.push("fast_installer");
    if (p.track !== "installer" && faker.number.int({ min: 1, max: 10 }) <= 5) performance.push("compliance_pro");
    if (faker.number.int({ min: 1, max: 10 }) <= 3) performance.push("five_star_nps");
    if (p.slug === "brightpixel-studio") performance.splice(0, performance.length, "fast_installer", "five_star_nps");
    if (p.slug === "ledgerline-assurance") performance.splice(0, performance.length, "compliance_pro");
    for (const badge of performance) {
      const since = at(faker.number.int({ min: 5, max: 200 }));
      badgeRows.push({ id: seedId(faker, "bdg"), partnerId: p.id!, kind: "performance", badge, tier: null, state: "active", issuedAt: since, stateChangedAt: since });
    }
  });
  await tx.insert(partnerBadges).values(badgeRows).onConflictDoNothing();

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
