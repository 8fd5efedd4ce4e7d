import { Faker, en } from "@faker-js/faker";
import { hashKeySecret, displayPrefix } from "@/lib/api-keys/keys";
import { DEMO_ACCOUNTS } from "@/lib/auth/demo-accounts";
import {
  LANGUAGES,
  REGIONS,
  STACKS,
  type Language,
  type Region,
  type Stack,
  type Tier,
  type Track,
  verifyLinkFor,
} from "@/lib/partners/constants";
import { probationEndsAt } from "@/lib/partners/rules";
import type { Tx } from "../client";
import { apiKeys, auditEvents, emailOutbox, memberships, partners, users } from "../schema";

// The core of the demo: people, partners, teams and keys. Deterministic: a fixed faker seed
// and dates relative to `now`, so two runs on the same day give the same data.

/** Fixed secrets for the seeded demo only (README lists them). Real keys are random. */
export const DEMO_PARTNER_API_KEY = "ppk_demo_Brightpixel0Studio0Demo0Key";
export const DEMO_PLATFORM_API_KEY = "plk_demo_Provenant0Platform0Demo0Key";

const DAY = 24 * 60 * 60 * 1000;

const PREFIXES = [
  "Aurora", "Cobalt", "Harbor", "Lumen", "Meridian", "Northstar", "Oakridge", "Pixelforge", "Quill", "Redwood",
  "Sable", "Tidewater", "Verity", "Wildflower", "Zenith", "Amberline", "Bluecrest", "Cedar & Pine", "Driftwood",
  "Ember", "Foxglove", "Granite", "Helios", "Ironbark", "Juniper", "Kestrel", "Larkspur", "Mosaic", "Nimbus",
  "Orchard", "Paragon", "Quartz", "Riverbend", "Solstice", "Trellis", "Umbra", "Vantage", "Willow", "Yellowpine",
  "Atlas", "Beacon", "Copperleaf", "Dune", "Evergreen", "Fjord", "Glasshouse", "Halcyon", "Indigo", "Jetty",
  "Keystone", "Lighthouse", "Monarch", "Nova", "Overland", "Pinnacle", "Quarry", "Rook", "Summit", "Tandem",
  "Upland", "Vista", "Waypoint", "Alder", "Bramble", "Crescent", "Delta", "Equinox", "Fernhill", "Gilded",
];
const SUFFIXES: Record<Track, string[]> = {
  installer: ["Digital", "Studio", "Labs", "Collective", "Interactive", "Web Studio", "Creative", "Commerce"],
  auditor: ["Assurance", "Audit Group", "Compliance", "Risk Advisory", "Trust Services", "Attest"],
  enterprise_integrator: ["Integrations", "Consulting", "Systems", "Solutions", "Technologies", "Engineering"],
};
const COUNTRIES: Record<Region, string[]> = {
  na: ["US", "CA"],
  latam: ["BR", "MX", "AR", "CO"],
  europe: ["DE", "GB", "FR", "NL", "ES", "IT", "SE"],
  mea: ["AE", "ZA", "IL"],
  apac: ["JP", "AU", "SG", "KR", "IN"],
};
const REGION_LANGUAGES: Record<Region, Language[]> = {
  na: ["en", "es", "fr"],
  latam: ["es", "pt", "en"],
  europe: ["en", "de", "fr", "nl", "es", "it"],
  mea: ["en", "ar"],
  apac: ["en", "ja", "ko", "zh", "hi"],
};

const TRACK_PITCH: Record<Track, string[]> = {
  installer: [
    "We set up Content Credentials on storefronts and publishing sites so provenance survives every resize, CDN hop and theme change.",
    "Our team installs and tunes the provenance plugin for media-heavy sites, then proves survival with public Verify links.",
    "From the first manifest to a green survival check in under fifteen minutes on WordPress and Shopify.",
  ],
  auditor: [
    "Independent survival testing and evidence packs your SOC 2 auditor can trace control by control.",
    "We audit Content Credentials deployments against the remote-manifest bar and hand over hash-listed evidence.",
    "Compliance reviews for provenance programs: sampling plans, survival reports and remediation guidance.",
  ],
  enterprise_integrator: [
    "Large-scale provenance rollouts across DAMs, CDNs and custom publishing stacks, with canary releases and rollback plans.",
    "We integrate C2PA signing and remote manifests into enterprise media pipelines, with 24/7 support.",
    "Architecture, rollout and run-books for Content Credentials in regulated enterprises.",
  ],
};

const TAGLINES: Record<Track, string[]> = {
  installer: [
    "Content Credentials on WordPress and Shopify, live in an afternoon",
    "Provenance that survives your CDN, your theme and your image pipeline",
    "We install, tune and prove C2PA survival for media-heavy storefronts",
    "Fifteen-minute installs, with public proof you can verify",
    "Provenance for publishers, shops and creative studios",
  ],
  auditor: [
    "Survival testing and evidence packs your SOC 2 auditor can trace",
    "Independent checks that your Content Credentials really survive",
    "Provenance controls, tested and documented for compliance teams",
    "Sampling plans, survival reports and hash-listed evidence",
  ],
  enterprise_integrator: [
    "C2PA signing and remote manifests across enterprise media pipelines",
    "Provenance rollouts for DAMs, CDNs and custom publishing stacks",
    "Canary releases, rollback plans and 24/7 support for provenance at scale",
    "Content Credentials for regulated, multi-brand enterprises",
  ],
};
const CLOSERS: Record<Track, string[]> = {
  installer: [
    "Every install ends with a survival check on real pages, not a screenshot.",
    "We hand over a short runbook so your team can keep credentials intact after theme and plugin updates.",
    "Typical projects: storefront product imagery, editorial photo desks and portfolio sites.",
  ],
  auditor: [
    "Deliverables map to SOC 2 common criteria and include the raw check data behind every figure.",
    "We re-run the checks on a schedule so evidence stays current between audit periods.",
    "Our reports state sample sizes, exclusions and methods, so your auditor can re-perform them.",
  ],
  enterprise_integrator: [
    "We work inside your change-management process, with staged rollouts and tested rollback.",
    "Our engineers have integrated signing into DAMs, image CDNs and headless CMSs.",
    "Support runs around the clock with a four-hour response commitment.",
  ],
};
const ASSETS = [
  "hero-banner", "product-shot", "lookbook-cover", "editorial-portrait", "campaign-still", "press-photo",
  "homepage-feature", "catalog-detail", "team-photo", "case-study-header", "event-gallery", "launch-visual",
];

interface PartnerPlan {
  slug: string;
  name: string;
  track: Track;
  tier: Tier;
  probation: boolean;
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function plan(faker: Faker): PartnerPlan[] {
  const fixed: PartnerPlan[] = [
    { slug: "brightpixel-studio", name: "Brightpixel Studio", track: "installer", tier: "premier", probation: false },
    { slug: "ledgerline-assurance", name: "Ledgerline Assurance", track: "auditor", tier: "advanced", probation: false },
    { slug: "northwind-integrations", name: "Northwind Integrations", track: "enterprise_integrator", tier: "premier", probation: false },
  ];
  const tracks: Track[] = [
    ...Array<Track>(33).fill("installer"),
    ...Array<Track>(17).fill("auditor"),
    ...Array<Track>(19).fill("enterprise_integrator"),
  ];
  const used = new Set(fixed.map((p) => p.slug));
  const prefixes = faker.helpers.shuffle([...PREFIXES]);
  const out = [...fixed];
  tracks.forEach((track, i) => {
    const name = `${prefixes[i % prefixes.length]} ${faker.helpers.arrayElement(SUFFIXES[track])}`;
    let slug = slugify(name);
    while (used.has(slug)) slug = `${slug}-${i}`;
    used.add(slug);
    const roll = faker.number.int({ min: 1, max: 100 });
    const tier: Tier = roll <= 50 ? "verified" : roll <= 82 ? "advanced" : "premier";
    // Roughly one in six joined in the last 60 days and is still on probation (always Verified).
    const probation = i % 6 === 5;
    out.push({ slug, name, track, tier: probation ? "verified" : tier, probation });
  });
  return out;
}

function pickSome<T>(faker: Faker, values: readonly T[], min: number, max: number): T[] {
  return faker.helpers.arrayElements([...values], { min, max });
}

export interface DemoData {
  users: (typeof users.$inferInsert)[];
  partners: (typeof partners.$inferInsert)[];
  memberships: (typeof memberships.$inferInsert)[];
  apiKeys: (typeof apiKeys.$inferInsert)[];
  auditEvents: (typeof auditEvents.$inferInsert)[];
  emails: (typeof emailOutbox.$inferInsert)[];
}

/** Every row of the demo, as plain data. Pure: the same `now` gives the same rows. */
/** The demo's second admin (not an exec, no demo sign-in button: an emailed link signs them in). */
export const SECOND_ADMIN_EMAIL = "jordan@provenant.dev";

export function buildDemoData(now: Date): DemoData {
  const faker = new Faker({ locale: [en] });
  faker.seed(20_261_126);
  const id = (prefix: string) => `${prefix}_${faker.string.alphanumeric({ length: 20, casing: "lower" })}`;
  const plans = plan(faker);
  // Admin and demo accounts first, so their ids are stable whatever else changes.
  const userRows: (typeof users.$inferInsert)[] = [];
  const memberRows: (typeof memberships.$inferInsert)[] = [];
  const auditRows: (typeof auditEvents.$inferInsert)[] = [];
  const emails: (typeof emailOutbox.$inferInsert)[] = [];
  const seedActor = { actorType: "system" as const, actorId: "seed", actorLabel: "Demo seed" };

  const demoUserIds = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const uid = id("usr");
    demoUserIds.set(a.email, uid);
    userRows.push({
      id: uid,
      email: a.email,
      name: a.name,
      role: a.role === "admin" ? "admin" : "user",
      emailVerified: new Date(now.getTime() - 200 * DAY),
      createdAt: new Date(now.getTime() - 400 * DAY),
    });
  }

  const partnerRows: (typeof partners.$inferInsert)[] = [];
  plans.forEach((p, index) => {
    const pid = id("ptr");
    const home = faker.helpers.arrayElement(REGIONS);
    const regions = [...new Set([home, ...pickSome(faker, REGIONS, 0, 2)])];
    const languages = [
      ...new Set<Language>(["en", ...pickSome(faker, REGION_LANGUAGES[home], 0, 2)]),
    ].filter((l) => (LANGUAGES as readonly string[]).includes(l));
    const stacks: Stack[] =
      p.track === "installer"
        ? [...new Set<Stack>(["wordpress", ...pickSome(faker, STACKS, 1, 3)])]
        : p.track === "auditor"
          ? pickSome(faker, STACKS, 2, 4)
          : [...new Set<Stack>(["custom", ...pickSome(faker, STACKS, 1, 2)])];
    const joinedDaysAgo = p.probation ? faker.number.int({ min: 3, max: 55 }) : faker.number.int({ min: 75, max: 900 });
    const joinedAt = new Date(now.getTime() - joinedDaysAgo * DAY);
    const domain = `${p.slug}.example.com`;
    const complete = index < 3 || faker.number.int({ min: 1, max: 10 }) <= 8;
    const proofCount = complete ? 3 : faker.number.int({ min: 0, max: 2 });
    const contactFirst = faker.person.firstName();
    const contactLast = faker.person.lastName();
    partnerRows.push({
      id: pid,
      slug: p.slug,
      name: p.name,
      track: p.track,
      tier: p.tier,
      status: p.probation ? "probation" : "active",
      joinedAt,
      probationEndsAt: probationEndsAt(joinedAt),
      tagline: faker.helpers.arrayElement(TAGLINES[p.track]),
      description: [
        faker.helpers.arrayElement(TRACK_PITCH[p.track]),
        `${p.name} has worked with ${faker.number.int({ min: 12, max: 240 })} customers across ${regions.length} region${regions.length > 1 ? "s" : ""}.`,
        faker.helpers.arrayElement(CLOSERS[p.track]),
      ].join(" "),
      website: `https://${domain}`,
      logoUrl: null,
      hqCountry: faker.helpers.arrayElement(COUNTRIES[home]),
      regions,
      stacks,
      languages: languages as Language[],
      contactName: `${contactFirst} ${contactLast}`,
      contactEmail: `partners@${domain}`,
      slaResponseHours: p.track === "enterprise_integrator" ? 4 : faker.helpers.arrayElement([8, 24, 48]),
      proofLinks: Array.from({ length: proofCount }, (_, n) =>
        verifyLinkFor(`https://${domain}/work/${faker.helpers.arrayElement(ASSETS)}-${n + 1}.${n === 2 ? "png" : "jpg"}`),
      ),
      currency: home === "europe" ? "EUR" : "USD",
      createdAt: joinedAt,
      updatedAt: joinedAt,
    });
    auditRows.push({
      id: id("aud"),
      at: joinedAt,
      ...seedActor,
      action: "partner.joined",
      objectType: "partner",
      objectId: pid,
      partnerId: pid,
      after: { name: p.name, track: p.track, tier: p.tier, status: p.probation ? "probation" : "active" },
    });

    // People: demo accounts on their partners, one generated owner elsewhere, some members.
    const demoForPartner = DEMO_ACCOUNTS.filter((a) => a.partnerSlug === p.slug);
    const people: { uid: string; role: "owner" | "member"; email: string }[] = demoForPartner.map((a) => ({
      uid: demoUserIds.get(a.email)!,
      role: a.role === "owner" ? "owner" : "member",
      email: a.email,
    }));
    if (!people.some((x) => x.role === "owner")) {
      const uid = id("usr");
      const email = `${contactFirst}.${contactLast}@${domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, "");
      userRows.push({ id: uid, email, name: `${contactFirst} ${contactLast}`, emailVerified: joinedAt, createdAt: joinedAt });
      people.push({ uid, role: "owner", email });
    }
    const extra = demoForPartner.length ? 1 : faker.number.int({ min: 0, max: 2 });
    for (let m = 0; m < extra; m++) {
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      const uid = id("usr");
      const email = `${first}.${last}.${m}@${domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, "");
      userRows.push({ id: uid, email, name: `${first} ${last}`, createdAt: joinedAt });
      people.push({ uid, role: "member", email });
    }
    for (const person of people) {
      const mid = id("mem");
      memberRows.push({ id: mid, partnerId: pid, userId: person.uid, role: person.role, createdAt: joinedAt });
      auditRows.push({
        id: id("aud"),
        at: joinedAt,
        ...seedActor,
        action: "membership.created",
        objectType: "membership",
        objectId: mid,
        partnerId: pid,
        after: { email: person.email, role: person.role },
      });
    }
    emails.push({
      id: id("eml"),
      kind: "welcome",
      toAddress: people[0]!.email,
      fromAddress: "Provenant Partners <partners@provenant.dev>",
      subject: `Welcome to the Provenant partner program, ${p.name}`,
      html: `<p>Welcome aboard. Your listing is live in the directory${p.probation ? " with a probation badge for your first 60 days" : ""}.</p>`,
      text: `Welcome aboard. Your listing is live in the directory${p.probation ? " with a probation badge for your first 60 days" : ""}.`,
      status: "stored",
      provider: "outbox",
      attempts: 0,
      partnerId: pid,
      createdAt: joinedAt,
    });
  });

  const bright = partnerRows.find((p) => p.slug === "brightpixel-studio")!;
  const olivia = demoUserIds.get("olivia@brightpixel.studio")!;
  const admin = demoUserIds.get("admin@provenant.dev")!;
  const keyRows: (typeof apiKeys.$inferInsert)[] = [
    {
      id: id("key"),
      kind: "partner",
      partnerId: bright.id!,
      name: "Demo partner key",
      prefix: displayPrefix(DEMO_PARTNER_API_KEY),
      hash: hashKeySecret(DEMO_PARTNER_API_KEY),
      scopes: ["partner:read", "listing:write", "activity:read", "certification:read", "badges:read", "mdf:read"],
      createdByUserId: olivia,
      createdAt: new Date(now.getTime() - 30 * DAY),
    },
    {
      id: id("key"),
      kind: "platform",
      partnerId: null,
      name: "Demo platform key",
      prefix: displayPrefix(DEMO_PLATFORM_API_KEY),
      hash: hashKeySecret(DEMO_PLATFORM_API_KEY),
      scopes: ["platform:read", "platform:write"],
      createdByUserId: admin,
      createdAt: new Date(now.getTime() - 90 * DAY),
    },
  ];
  for (const k of keyRows) {
    auditRows.push({
      id: id("aud"),
      at: k.createdAt!,
      ...seedActor,
      action: "api_key.created",
      objectType: "api_key",
      objectId: k.id!,
      partnerId: k.partnerId ?? null,
      after: { name: k.name, prefix: k.prefix, scopes: k.scopes, kind: k.kind },
    });
  }
  auditRows.push({
    id: id("aud"),
    at: new Date(now.getTime() - 12 * DAY),
    actorType: "user",
    actorId: olivia,
    actorLabel: "Olivia Owner <olivia@brightpixel.studio>",
    action: "partner.listing_updated",
    objectType: "partner",
    objectId: bright.id!,
    partnerId: bright.id!,
    before: { slaResponseHours: 24 },
    after: { slaResponseHours: bright.slaResponseHours },
  });
  // A second admin who is not an exec, so the demo has someone to grant the exec
  // role to (/admin/staff). Last, so every id above stays what it was.
  userRows.push({
    id: id("usr"),
    email: SECOND_ADMIN_EMAIL,
    name: "Jordan Ops",
    role: "admin",
    emailVerified: new Date(now.getTime() - 150 * DAY),
    createdAt: new Date(now.getTime() - 160 * DAY),
  });
  return { users: userRows, partners: partnerRows, memberships: memberRows, apiKeys: keyRows, auditEvents: auditRows, emails };
}

/** Inserts the core rows: people, partners, memberships, keys, their audit trail and emails. */
export async function insertCoreData(tx: Tx, data: DemoData): Promise<void> {
  await tx.insert(users).values(data.users);
  await tx.insert(partners).values(data.partners);
  await tx.insert(memberships).values(data.memberships);
  await tx.insert(apiKeys).values(data.apiKeys);
  // Insert in batches: a few hundred rows per statement keeps parameter counts low.
  for (let i = 0; i < data.auditEvents.length; i += 200) {
    await tx.insert(auditEvents).values(data.auditEvents.slice(i, i + 200));
  }
  await tx.insert(emailOutbox).values(data.emails);
}
