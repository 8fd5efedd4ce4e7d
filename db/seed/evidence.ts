import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import { quarterOf, quarterRange, previousQuarter } from "@/lib/nps/score";
import { STACKS, type Stack } from "@/lib/partners/constants";
import { runRollups } from "@/lib/quality/rollups";
import { evidenceExports, installs, npsInvitations, npsResponses, npsSurveys, survivalReports } from "../schema";
import { seedId, type AreaSeeder } from "./context";

// The evidence demo: installs on every stack for most Installers and
// Enterprise Integrators plus a self-serve control group, a daily survival
// check per verified install over ~120 days (generated set-based in SQL, with
// a few partners' survival dropping below 99.9% for a while), rollups,
// Survival Reports (most published), Evidence Pack exports and NPS surveys
// with responses over the last five quarters. Brightpixel Studio's first
// installs sample the local fixture site, so "Check now" works in the demo.

const DAY = 86_400_000;
const MIN = 60_000;

const CUSTOMERS = [
  "Harborline Outfitters", "Nordlys Magazine", "Copper Kettle Coffee", "Atelier Mirela", "Greenfield Gazette", "Summit Trail Gear",
  "Lumen Photo Co-op", "Bayside Florists", "Orbit Sneakers", "Riverstone Press", "Kiln & Clay", "Aperture Weekly", "Maple Street Books",
  "Blue Fern Botanics", "Northgate Museum", "Velvet Hour Records", "Sandpiper Travel", "Ironwood Furniture", "Pocket Atlas", "Tidal Surf Shop",
  "Meadowlark Studio", "Cinder Coffee Roasters", "Frame & Focus", "Glacier Outdoor", "Paper Lantern Press", "Quartz Jewelry", "Solace Spa",
  "Wildrose Bakery", "Lighthouse Daily", "Oak & Iron Tools", "Crimson Kite Toys", "Drift Magazine", "Harvest Table", "Urban Canvas",
  "Starling Fashion House", "Pinecone Kids", "Brightwater Wines", "Northwind Newsroom", "Saffron Kitchen", "Polar Optics",
];
const ASSETS = ["hero.jpg", "product-01.jpg", "product-02.jpg", "lookbook.png", "banner.jpg", "team.jpg", "cover.png", "feature.jpg"];
const FIXTURE_SAMPLE = ["embedded.jpg", "remote.jpg", "embedded.png", "redirect.jpg"];

const COMMENTS: Record<"promoter" | "passive" | "detractor", string[]> = {
  promoter: [
    "Set up in an afternoon and the Verify links just work.",
    "They explained provenance to our editors better than we could have.",
    "Credentials survived our CDN migration without a hitch.",
    "Fast, careful and great documentation.",
    "Our auditors were happy with the evidence pack.",
  ],
  passive: ["Good work, a bit slow to answer emails.", "Fine overall; the theme update broke images once.", "Solid install, pricing is steep."],
  detractor: ["Credentials disappeared after a plugin update and it took a week to fix.", "Hard to reach during the rollout.", "The install took much longer than promised."],
};
const PROGRAM_COMMENTS = [
  "The survival reports close deals for us.",
  "Payouts are clear; MDF approvals could be faster.",
  "Certification quizzes were useful.",
  "Would like more co-marketing kits in other languages.",
  "The API and evidence packs save us hours per audit.",
];

/** Median TTI in minutes by stack for partner-led and self-serve installs. */
const TTI_MEDIAN_MIN: Record<Stack, { partner: number; self: number }> = {
  wordpress: { partner: 9, self: 55 },
  shopify: { partner: 11, self: 70 },
  workers: { partner: 240, self: 1500 },
  custom: { partner: 600, self: 3000 },
};
/** Share of surviving assets that kept credentials through a remote manifest, by stack (%). */
const REMOTE_SHARE: Record<Stack, number> = { wordpress: 85, shopify: 90, workers: 100, custom: 60 };

const hash = (s: string) => createHash("sha256").update(s).digest("hex");

export const seedEvidence: AreaSeeder = async ({ tx, now, core, faker }) => {
  const appUrl = getEnv().APP_URL.replace(/\/$/, "");
  const partnersLed = core.partners.filter((p) => p.track !== "auditor" && p.status !== "suspended");
  const bright = core.partners.find((p) => p.slug === "brightpixel-studio")!;
  // A few partners whose survival dropped below the bar in a window of days.
  const droppers = new Set(faker.helpers.arrayElements(partnersLed.filter((p) => p.id !== bright.id).map((p) => p.id!), 6));
  const slow = new Set(faker.helpers.arrayElements(partnersLed.filter((p) => p.id !== bright.id).map((p) => p.id!), 5));

  type Plan = typeof installs.$inferInsert & { dropStart: number; dropEnd: number; dropPermille: number; basePermille: number; assets: number };
  const plans: Plan[] = [];
  const addInstall = (partnerId: string | null, stack: Stack, n: number, opts: { fixture?: boolean; recent?: number } = {}) => {
    const customer = faker.helpers.arrayElement(CUSTOMERS);
    const domain = `${customer.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/-$/, "")}-${n}.example`;
    const daysAgo = opts.recent ?? (faker.number.int({ min: 1, max: 12 }) === 1 ? faker.number.int({ min: 0, max: 6 }) : faker.number.int({ min: 7, max: 400 }));
    const startedAt = new Date(now.getTime() - daysAgo * DAY - faker.number.int({ min: 0, max: 600 }) * MIN);
    const median = TTI_MEDIAN_MIN[stack][partnerId ? "partner" : "self"] * (partnerId && slow.has(partnerId) ? 3 : partnerId === bright.id ? 0.6 : 1);
    // Log-normal spread around the median (sigma 0.8), so p95 sits well above p50.
    const z = Math.sqrt(-2 * Math.log(faker.number.float({ min: 0.0001, max: 1 }))) * Math.cos(2 * Math.PI * faker.number.float({ min: 0, max: 1 }));
    const ttiMin = Math.max(2, median * Math.exp((partnerId === bright.id ? 0.5 : 0.8) * z));
    const pending = daysAgo < 7 && faker.number.int({ min: 1, max: 2 }) === 1;
    const verifiedAt = pending ? null : new Date(startedAt.getTime() + ttiMin * MIN);
    const usable = verifiedAt && verifiedAt < now ? verifiedAt : null;
    const dropper = partnerId !== null && droppers.has(partnerId) && faker.number.int({ min: 1, max: 2 }) === 1;
    const dropStart = faker.number.int({ min: 4, max: 100 });
    plans.push({
      id: seedId(faker, "ins"),
      partnerId,
      stack,
      siteUrl: `https://${domain}`,
      customerName: customer,
      customerEmail: faker.number.int({ min: 1, max: 10 }) <= 8 ? `ops@${domain}` : null,
      startedAt,
      verifiedAt: usable,
      sampleUrls: opts.fixture ? FIXTURE_SAMPLE.map((a) => `${appUrl}/fixture-site/${a}`) : faker.helpers.arrayElements(ASSETS, 3).map((a) => `https://${domain}/media/${a}`),
      source: partnerId ? faker.helpers.arrayElement(["console", "api", "api"] as const) : "api",
      externalRef: partnerId ? null : `site_${faker.string.alphanumeric({ length: 10, casing: "lower" })}`,
      nextProbeAt: opts.fixture ? new Date(now.getTime() + 6 * 3600_000) : null,
      createdAt: startedAt,
      dropStart,
      dropEnd: dropStart - faker.number.int({ min: 3, max: 9 }),
      dropPermille: dropper ? faker.number.int({ min: 15, max: 120 }) : 0,
      basePermille: faker.number.int({ min: 0, max: 25 }),
      assets: faker.number.int({ min: 20, max: 60 }),
    });
  };

  let n = 0;
  // Brightpixel: every stack, the first ones sampling the fixture site.
  for (const stack of STACKS) addInstall(bright.id!, stack, n++, { fixture: true, recent: stack === "wordpress" ? 40 : undefined });
  for (let k = 0; k < 18; k++) addInstall(bright.id!, faker.helpers.arrayElement(["wordpress", "shopify", "shopify", "wordpress", "workers"] as const), n++);
  for (const p of partnersLed.filter((x) => x.id !== bright.id)) {
    const count = faker.number.int({ min: 2, max: 8 });
    const stacks = (p.stacks?.length ? p.stacks : ["wordpress"]) as Stack[];
    for (let k = 0; k < count; k++) addInstall(p.id!, faker.helpers.arrayElement(stacks), n++);
  }
  for (let k = 0; k < 60; k++) addInstall(null, STACKS[k % STACKS.length]!, n++);
  // One fresh Brightpixel customer, verified 20 days ago and not surveyed yet this quarter.
  addInstall(bright.id!, "shopify", n++, { recent: 21 });
  const fresh = plans[plans.length - 1]!;
  fresh.customerName = "Harborline Outfitters";
  fresh.siteUrl = "https://harborline-outfitters.example";
  fresh.sampleUrls = ["hero.jpg", "product-01.jpg"].map((a) => `https://harborline-outfitters.example/media/${a}`);
  fresh.customerEmail = "buyer@harborline-outfitters.example";
  fresh.verifiedAt = new Date(fresh.startedAt!.getTime() + 12 * MIN);

  const rows = plans.map(({ dropStart: _a, dropEnd: _b, dropPermille: _c, basePermille: _d, assets: _e, ...row }) => row);
  for (let i = 0; i < rows.length; i += 150) await tx.insert(installs).values(rows.slice(i, i + 150));

  // Daily checks from verification (or 120 days ago) until now, generated in SQL.
  const nowIso = now.toISOString();
  for (let i = 0; i < plans.length; i += 150) {
    const batch = plans.slice(i, i + 150).filter((p) => p.verifiedAt);
    if (!batch.length) continue;
    const values = sql.join(
      batch.map((p) => sql`(${p.id}, ${p.dropStart}::int, ${p.dropEnd}::int, ${p.dropPermille}::int, ${p.basePermille}::int, ${p.assets}::int, ${REMOTE_SHARE[p.stack as Stack]}::int)`),
      sql`, `,
    );
    await tx.execute(sql`
      with plan(install_id, drop_start, drop_end, drop_permille, base_permille, assets, remote_share) as (values ${values}),
      days as (
        select i.id, i.partner_id, i.stack, p.*, d,
               greatest(i.verified_at, ${nowIso}::timestamptz - interval '120 days') + d * interval '1 day' as at,
               extract(day from ${nowIso}::timestamptz - (greatest(i.verified_at, ${nowIso}::timestamptz - interval '120 days') + d * interval '1 day'))::int as ago,
               abs(hashtext(i.id || ':' || d)) % 1000 as r
        from plan p join installs i on i.id = p.install_id
        cross join generate_series(0, 120) as d
        where greatest(i.verified_at, ${nowIso}::timestamptz - interval '120 days') + d * interval '1 day' < ${nowIso}::timestamptz
      ),
      counted as (
        select *, least(assets,
                 case when d = 0 then 0
                      when ago <= drop_start and ago >= drop_end and drop_permille > 0 then greatest(1, (assets * drop_permille * (500 + r)) / 1000000)
                      when r < base_permille then 1 else 0 end) as failed
        from days
      )
      insert into survival_checks (id, install_id, partner_id, stack, checked_at, assets_checked, assets_survived, survived_embedded, survived_remote, errors, source, note, created_at)
      select 'chk_' || substr(md5(id || ':' || d), 1, 20), id, partner_id, stack, at, assets, assets - failed,
             (assets - failed) - ((assets - failed) * remote_share) / 100, ((assets - failed) * remote_share) / 100,
             case when r % 3 = 0 then failed else 0 end, 'seed',
             case when failed > 0 then failed || ' assets without credentials' else null end, at
      from counted`);
  }

  // Survival Reports: most partners with installs have one or two, most published.
  const reports: (typeof survivalReports.$inferInsert)[] = [];
  const verifiedPlans = plans.filter((p) => p.partnerId && p.verifiedAt && now.getTime() - p.verifiedAt.getTime() > 10 * DAY);
  const byPartner = new Map<string, Plan[]>();
  for (const p of verifiedPlans) byPartner.set(p.partnerId!, [...(byPartner.get(p.partnerId!) ?? []), p]);
  for (const [partnerId, list] of byPartner) {
    const picks = partnerId === bright.id ? list.slice(0, 3) : faker.helpers.arrayElements(list, { min: 0, max: 2 });
    picks.forEach((p, k) => {
      const days = faker.helpers.arrayElement([30, 90]);
      const end = new Date(now.getTime() - faker.number.int({ min: 1, max: 20 }) * DAY);
      reports.push({
        id: seedId(faker, "rpt"),
        installId: p.id!,
        partnerId,
        periodStart: new Date(end.getTime() - days * DAY),
        periodEnd: end,
        publishedAt: partnerId === bright.id && k === 2 ? null : faker.number.int({ min: 1, max: 5 }) <= 4 ? end : null,
        createdAt: end,
      });
    });
  }
  if (reports.length) await tx.insert(survivalReports).values(reports);
  await tx.execute(sql`
    update survival_reports r set stated_checks = t.checks, stated_assets_checked = t.checked, stated_assets_survived = t.survived
    from (select r2.id, count(c.id)::int as checks, coalesce(sum(c.assets_checked), 0) as checked, coalesce(sum(c.assets_survived), 0) as survived
          from survival_reports r2 left join survival_checks c on c.install_id = r2.install_id and c.checked_at >= r2.period_start and c.checked_at < r2.period_end
          group by r2.id) t
    where t.id = r.id`);

  // Evidence Pack exports: auditors export often, some installers now and then.
  const exportsRows: (typeof evidenceExports.$inferInsert)[] = [];
  for (const p of core.partners) {
    const times = p.track === "auditor" ? faker.number.int({ min: 1, max: 6 }) : p.id === bright.id ? 2 : faker.number.int({ min: 0, max: 10 }) <= 2 ? 1 : 0;
    for (let k = 0; k < times; k++) {
      const at = new Date(now.getTime() - faker.number.int({ min: 1, max: 300 }) * DAY);
      const manifest = {
        kind: "survival_evidence_pack",
        generated_at: at.toISOString(),
        subject: { partnerId: p.id, installId: null },
        files: ["README.txt", "assets.csv", "checks.csv", "checks.json", "installs.csv", "report.html"].map((path) => ({ path, sha256: hash(`${p.id}:${k}:${path}`), bytes: 1000 + path.length * 37 })),
      };
      exportsRows.push({
        id: seedId(faker, "evx"),
        partnerId: p.id!,
        installId: null,
        periodStart: new Date(at.getTime() - 90 * DAY),
        periodEnd: at,
        files: 7,
        bytes: faker.number.int({ min: 8_000, max: 400_000 }),
        manifestSha256: hash(JSON.stringify(manifest)),
        checks: faker.number.int({ min: 40, max: 2_000 }),
        manifest,
        createdAt: at,
      });
    }
  }
  if (exportsRows.length) await tx.insert(evidenceExports).values(exportsRows);

  // NPS: the last five quarters, customers about partners and partners about the program.
  const quarters = [quarterOf(now)];
  while (quarters.length < 5) quarters.unshift(previousQuarter(quarters[0]!));
  const owners = new Map(core.memberships.filter((m) => m.role === "owner").map((m) => [m.partnerId, core.users.find((u) => u.id === m.userId)!.email]));
  const invitations: (typeof npsInvitations.$inferInsert)[] = [];
  const responses: (typeof npsResponses.$inferInsert)[] = [];
  const partnerMood = new Map(core.partners.map((p) => [p.id!, p.id === bright.id ? 2 : droppers.has(p.id!) || slow.has(p.id!) ? -1 : faker.number.int({ min: 0, max: 2 })]));
  const score = (mood: number) => {
    const r = faker.number.int({ min: 1, max: 100 });
    const promoter = mood < 0 ? 35 : mood === 0 ? 50 : mood === 1 ? 62 : 72;
    const detractor = mood < 0 ? 30 : mood === 0 ? 16 : 10;
    return r <= promoter ? faker.number.int({ min: 9, max: 10 }) : r <= promoter + (100 - promoter - detractor) ? faker.number.int({ min: 7, max: 8 }) : faker.number.int({ min: 2, max: 6 });
  };
  for (const quarter of quarters) {
    const { start, end } = quarterRange(quarter);
    const current = quarter === quarterOf(now);
    const sentAt = new Date(Math.min(start.getTime() + 20 * DAY, now.getTime() - 3 * DAY));
    for (const audience of ["customer", "partner"] as const) {
      const surveyId = seedId(faker, "nps");
      await tx.insert(npsSurveys).values({ id: surveyId, audience, quarter, openedAt: sentAt, closesAt: end });
      const recipients: { email: string; partnerId: string; installId: string | null }[] =
        audience === "customer"
          ? plans
              .filter((p) => p.partnerId && p.customerEmail && p.verifiedAt && p.verifiedAt.getTime() < sentAt.getTime() - 14 * DAY && p.id !== fresh.id)
              .map((p) => ({ email: p.customerEmail!, partnerId: p.partnerId!, installId: p.id! }))
          : core.partners.filter((p) => p.joinedAt! < sentAt && owners.has(p.id!)).map((p) => ({ email: owners.get(p.id!)!.toLowerCase(), partnerId: p.id!, installId: null }));
      const seen = new Set<string>();
      for (const r of recipients) {
        const key = `${r.email}|${r.partnerId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const answered = faker.number.int({ min: 1, max: 100 }) <= (current ? 35 : 55);
        const respondedAt = answered ? new Date(Math.min(sentAt.getTime() + faker.number.int({ min: 1, max: 12 }) * DAY, now.getTime() - DAY)) : null;
        const invitationId = seedId(faker, "npi");
        invitations.push({
          id: invitationId,
          surveyId,
          partnerId: r.partnerId,
          installId: r.installId,
          email: r.email,
          tokenHash: hash(`seed:${invitationId}`),
          sentAt,
          remindedAt: answered ? null : new Date(sentAt.getTime() + 7 * DAY),
          reminders: answered ? 0 : 1,
          expiresAt: new Date(sentAt.getTime() + 30 * DAY),
          respondedAt,
        });
        if (respondedAt) {
          const s = score(audience === "customer" ? partnerMood.get(r.partnerId)! : 1);
          const cat = s >= 9 ? "promoter" : s >= 7 ? "passive" : "detractor";
          const withComment = faker.number.int({ min: 1, max: 100 }) <= 45;
          responses.push({
            id: seedId(faker, "npr"),
            invitationId,
            surveyId,
            audience,
            quarter,
            partnerId: r.partnerId,
            score: s,
            comment: withComment ? faker.helpers.arrayElement(audience === "customer" ? COMMENTS[cat] : PROGRAM_COMMENTS) : null,
            respondedAt,
          });
        }
      }
    }
  }
  for (let i = 0; i < invitations.length; i += 300) await tx.insert(npsInvitations).values(invitations.slice(i, i + 300));
  for (let i = 0; i < responses.length; i += 300) await tx.insert(npsResponses).values(responses.slice(i, i + 300));

  await runRollups(tx, now);
};
