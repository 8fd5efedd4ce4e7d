import { createHash } from "node:crypto";
import { budgetSummary, type MdfStatus } from "@/lib/mdf/rules";
import { qualifyLead } from "@/lib/marketing/lead-qualification";
import { referenceIdOf } from "@/lib/marketing/reference";
import { getStorage } from "@/lib/storage/storage";
import type { Tier } from "@/lib/partners/constants";
import {
  conversions,
  customerAttributions,
  marketingComments,
  marketingReferenceCounters,
  marketingSubmissions,
  mdfBudgets,
  mdfRequests,
  onePagers,
  partnerProofs,
  uploads,
  webinarRegistrations,
  webinars,
} from "../schema";
import { seedId, type AreaSeeder } from "./context";

// The co-marketing and MDF demo: one-pagers, webinars with registrations (some
// qualified, each one a lead in the partner's funnel), brand-use submissions in
// every state with their review threads, proof links, and MDF requests in every
// state (pending, approved, partly approved, rejected, claim submitted,
// reimbursed, claim rejected) that stay within each partner's budget.

const DAY = 86_400_000;

const PEOPLE = [
  ["Nora Lindqvist", "northwind.example", "201-1000", "marketing"],
  ["Omar Haddad", "harborline.example", "51-200", "engineering"],
  ["Priya Raman", "gmail.com", "11-50", "marketing"],
  ["Lucas Moreau", "atelier-mirela.example", "1-10", "executive"],
  ["Hana Sato", "aperture-weekly.example", "51-200", "product"],
  ["Diego Alvarez", "summit-gear.example", "1001-5000", "compliance"],
  ["Emma Becker", "outlook.com", "201-1000", "engineering"],
  ["Tom Okafor", "riverstone.example", "11-50", "student"],
  ["Ines Costa", "lumen-coop.example", "11-50", "executive"],
  ["Ben Carter", "orbit-sneakers.example", "5000+", "marketing"],
  ["Yuki Tanaka", "polar-optics.example", "201-1000", "agency"],
  ["Sara Nilsen", "drift-mag.example", "51-200", "product"],
] as const;

const RECEIPT = (title: string) => new TextEncoder().encode(`%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

export const seedComarketing: AreaSeeder = async ({ tx, now, core, faker }) => {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const day = (days: number) => at(days).toISOString().slice(0, 10);
  const bySlug = new Map(core.partners.map((p) => [p.slug, p]));
  const userOf = (email: string) => core.users.find((u) => u.email === email)?.id ?? null;
  const admin = userOf("admin@provenant.dev");
  const brightpixel = bySlug.get("brightpixel-studio")!;
  const ledgerline = bySlug.get("ledgerline-assurance")!;
  const northwind = bySlug.get("northwind-integrations")!;
  const olivia = userOf("olivia@brightpixel.studio");
  const grace = userOf("grace@ledgerline.io");

  // One-pagers -----------------------------------------------------------------
  const pagers: [typeof brightpixel, string, string][] = [
    [brightpixel, "green-checklist", "Green in fifteen minutes, on your own store"],
    [brightpixel, "survival-doctrine", "Provenance that survives your CDN"],
    [ledgerline, "badge-vs-watermark", "Why auditors ask for a live badge"],
    [northwind, "remote-manifest", "Credentials no resizer can strip"],
  ];
  for (const [i, [p, template, headline]] of pagers.entries()) {
    await tx.insert(onePagers).values({
      id: seedId(faker, "opg"),
      partnerId: p.id!,
      template,
      headline,
      intro: "",
      proofLinks: (p.proofLinks ?? []).slice(0, 3),
      createdBy: p === brightpixel ? olivia : p === ledgerline ? grace : null,
      createdAt: at(-20 + i * 3),
      updatedAt: at(-20 + i * 3),
    });
  }

  // Proofs: the listing's Verify links, checked. -----------------------------------
  for (const p of [brightpixel, ledgerline, northwind]) {
    for (const [i, link] of (p.proofLinks ?? []).entries()) {
      await tx.insert(partnerProofs).values({
        id: seedId(faker, "prf"),
        partnerId: p.id!,
        kind: "link",
        title: `Customer asset ${i + 1}`,
        verifyUrl: link,
        assetUrl: new URL(link).searchParams.get("source"),
        assetStatus: 200,
        checkedAt: at(-10 + i),
        createdAt: at(-10 + i),
      });
    }
  }

  // Webinars and registrations (leads attributed to the partner) --------------------
  const webinarPlans = [
    { p: brightpixel, title: "Content Credentials that survive your storefront", startsIn: -12, people: PEOPLE.slice(0, 9) },
    { p: brightpixel, title: "Green in fifteen minutes: a live WordPress install", startsIn: 9, people: PEOPLE.slice(6, 12) },
    { p: ledgerline, title: "Survival Reports your auditor can re-perform", startsIn: -5, people: PEOPLE.slice(3, 8) },
  ];
  for (const [wi, w] of webinarPlans.entries()) {
    const webinarId = seedId(faker, "wbn");
    const startsAt = new Date(Date.UTC(at(w.startsIn).getUTCFullYear(), at(w.startsIn).getUTCMonth(), at(w.startsIn).getUTCDate(), 16));
    await tx.insert(webinars).values({
      id: webinarId,
      partnerId: w.p.id!,
      slug: `${w.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 48).replace(/-+$/, "")}-demo${wi}`,
      title: w.title,
      description: "A live session from the Provenant webinar-in-a-box: the survival doctrine, a strip / preserve / remote demo, and a Survival Report run live.",
      startsAt,
      durationMinutes: 45,
      createdAt: at(w.startsIn - 20),
    });
    for (const [i, [name, domain, size, role]] of w.people.entries()) {
      const registeredAt = new Date(Math.min(now.getTime() - 3_600_000, startsAt.getTime() - (i + 1) * 0.7 * DAY));
      const regId = seedId(faker, "wbr");
      const email = `${name.split(" ")[0]!.toLowerCase()}@${domain}`;
      const company = domain.endsWith(".example") ? domain.replace(".example", "").split("-").map((s) => s[0]!.toUpperCase() + s.slice(1)).join(" ") : `${name.split(" ")[1]} Consulting`;
      const verdict = qualifyLead({ email, companySize: size, role });
      const conversionId = seedId(faker, "cnv");
      const attributionId = seedId(faker, "attr");
      await tx.insert(webinarRegistrations).values({
        id: regId,
        webinarId,
        partnerId: w.p.id!,
        name,
        email,
        company,
        companySize: size,
        role,
        qualified: verdict.qualified,
        reasons: verdict.reasons,
        conversionId,
        createdAt: registeredAt,
      });
      // The lead in the partner's funnel, as the registration page records it.
      await tx.insert(conversions).values({
        id: conversionId,
        type: "signup",
        source: "api",
        externalId: `webinar:${regId}`,
        customerId: regId,
        customerDomain: domain,
        customerEmail: email,
        company,
        occurredAt: registeredAt,
        receivedAt: registeredAt,
        partnerIdHint: w.p.id!,
        status: "matched",
        partnerId: w.p.id!,
        matchedVia: "partner_id",
        attributionId,
        matchedAt: registeredAt,
        processedAt: registeredAt,
      });
      await tx.insert(customerAttributions).values({
        id: attributionId,
        customerId: regId,
        partnerId: w.p.id!,
        via: "partner_id",
        touchedAt: registeredAt,
        matchedAt: registeredAt,
        conversionId,
        customerDomain: domain,
        signupAt: registeredAt,
      });
    }
  }

  // Brand-use submissions with their threads ------------------------------------------
  let approved = 0;
  const year = now.getUTCFullYear();
  const submissions: { p: typeof brightpixel; by: string | null; title: string; usage: string; url: string; status: "pending" | "changes_requested" | "approved"; daysAgo: number; thread: [("partner" | "program"), string][] }[] = [
    {
      p: brightpixel, by: olivia, title: "Homepage banner: Certified Installer", usage: "brightpixel.studio homepage", url: "https://brightpixel.studio/assets/certified-banner.png", status: "approved", daysAgo: 40,
      thread: [["partner", "Banner for our homepage hero, using the badge and the program name."], ["program", "Looks good. Quote the reference id in the page footer."]],
    },
    {
      p: brightpixel, by: olivia, title: "LinkedIn campaign: 15-minute green", usage: "Paid LinkedIn campaign, December", url: "https://brightpixel.studio/campaigns/green-in-15", status: "changes_requested", daysAgo: 8,
      thread: [
        ["partner", "Three ad variants for our December campaign."],
        ["program", "Please use the current badge artwork and drop \"official partner of C2PA\": the program is not the C2PA."],
        ["partner", "Understood, we will update the copy."],
      ],
    },
    {
      p: brightpixel, by: olivia, title: "Trade-show booth backdrop", usage: "Web Summit booth", url: "https://brightpixel.studio/events/booth-backdrop.pdf", status: "pending", daysAgo: 2,
      thread: [["partner", "Print deadline is next Friday, thank you!"]],
    },
    {
      p: ledgerline, by: grace, title: "Audit methodology brochure", usage: "Sales collateral (PDF)", url: "https://ledgerline.io/brochure/provenance-audit.pdf", status: "approved", daysAgo: 25,
      thread: [["program", "Approved. Nice use of the survival bar."]],
    },
    {
      p: ledgerline, by: grace, title: "Webinar landing page", usage: "ledgerline.io/webinars", url: "https://ledgerline.io/webinars/survival-reports", status: "pending", daysAgo: 1,
      thread: [],
    },
    {
      p: northwind, by: null, title: "Enterprise rollout case study", usage: "Case study on northwind-integrations.com", url: "https://northwind-integrations.com/case-studies/provenance", status: "approved", daysAgo: 60,
      thread: [["partner", "Customer has signed off on the quotes."]],
    },
  ];
  for (const s of submissions) {
    const id = seedId(faker, "cms");
    const created = at(-s.daysAgo);
    const decided = s.status === "pending" ? null : at(-s.daysAgo + 1);
    const referenceId = s.status === "approved" ? referenceIdOf(decided!.getUTCFullYear(), ++approved) : null;
    await tx.insert(marketingSubmissions).values({
      id, partnerId: s.p.id!, title: s.title, usage: s.usage, url: s.url, status: s.status, referenceId, submittedBy: s.by,
      createdAt: created, updatedAt: decided ?? created, decidedAt: decided,
    });
    for (const [i, [side, body]] of s.thread.entries()) {
      await tx.insert(marketingComments).values({
        id: seedId(faker, "cmc"), submissionId: id, side, body,
        authorId: side === "program" ? admin : s.by,
        authorLabel: side === "program" ? "Provenant program team" : s.p.name!,
        createdAt: new Date(created.getTime() + i * 3_600_000 * 5),
      });
    }
  }
  // Reference numbers continue after the seeded approvals (all decided this year or last).
  const years = new Map<number, number>();
  for (const s of submissions.filter((x) => x.status === "approved")) years.set(at(-s.daysAgo + 1).getUTCFullYear(), 0);
  for (const y of years.keys()) await tx.insert(marketingReferenceCounters).values({ year: y, last: approved }).onConflictDoNothing();
  void year;

  // MDF: every state, within budget ------------------------------------------------------
  const storage = getStorage();
  type Plan = { p: typeof brightpixel; title: string; type: string; start: number; end: number; requested: number; status: MdfStatus; approved?: number; claimed?: number; reimbursed?: number; reason?: string; leads: number; actual?: number };
  const plans: Plan[] = [
    { p: brightpixel, title: "Spring storefront webinar series", type: "webinar", start: 20, end: 40, requested: 300_000, status: "pending", leads: 60 },
    { p: brightpixel, title: "Provenance meetup, Berlin", type: "event", start: 30, end: 30, requested: 400_000, status: "approved", approved: 400_000, leads: 35, reason: undefined },
    { p: brightpixel, title: "LinkedIn campaign: green in 15", type: "digital_campaign", start: 10, end: 45, requested: 500_000, status: "partly_approved", approved: 250_000, leads: 120, reason: "Creative production is covered; media spend above $2,500 is not." },
    { p: brightpixel, title: "Branded merchandise", type: "other", start: 15, end: 15, requested: 200_000, status: "rejected", leads: 0, reason: "Merchandise is not a demand-generation activity under the MDF guide." },
    { p: brightpixel, title: "Shopify agency roundtable", type: "event", start: -40, end: -39, requested: 350_000, status: "claim_submitted", approved: 350_000, claimed: 342_000, leads: 25, actual: 31 },
    { p: brightpixel, title: "Case study video: Harborline", type: "content", start: -90, end: -60, requested: 200_000, status: "reimbursed", approved: 200_000, claimed: 185_000, reimbursed: 185_000, leads: 15, actual: 22 },
    { p: ledgerline, title: "SOC 2 provenance controls webinar", type: "webinar", start: 12, end: 12, requested: 250_000, status: "pending", leads: 40 },
    { p: ledgerline, title: "Audit committee breakfast", type: "event", start: -30, end: -30, requested: 300_000, status: "claim_rejected", approved: 300_000, claimed: 300_000, leads: 20, actual: 4, reason: undefined },
    { p: northwind, title: "Enterprise provenance summit booth", type: "trade_show", start: 45, end: 47, requested: 900_000, status: "pending", leads: 150 },
    { p: northwind, title: "DAM integration guide", type: "content", start: -50, end: -20, requested: 400_000, status: "reimbursed", approved: 400_000, claimed: 410_000, reimbursed: 400_000, leads: 30, actual: 41 },
  ];
  // Other Advanced and Premier partners fill the admin queue.
  const others = core.partners.filter((p) => p !== brightpixel && p !== ledgerline && p !== northwind && p.status === "active" && (p.tier === "advanced" || p.tier === "premier")).slice(0, 8);
  for (const [i, p] of others.entries()) {
    const [title, type] = faker.helpers.arrayElement([["Regional partner webinar", "webinar"], ["Trade-show presence", "trade_show"], ["Paid search campaign", "digital_campaign"], ["Customer workshop", "training"]] as const);
    plans.push({ p, title, type, start: 14 + i * 3, end: 16 + i * 3, requested: (2 + (i % 5)) * 50_000, status: "pending", leads: 20 + i * 5 });
  }
  const budgets = new Set<string>();
  for (const m of plans) {
    const id = seedId(faker, "mdf");
    const startsOn = day(m.start);
    const budgetYear = Number(startsOn.slice(0, 4));
    const decided = m.status === "pending" ? null : at(Math.min(m.start, 0) - 10);
    const claimed = m.claimed !== undefined ? at(m.end + 3) : null;
    const claimDecided = m.status === "reimbursed" || m.status === "claim_rejected" ? at(m.end + 6) : null;
    const receiptIds: string[] = [];
    if (m.claimed !== undefined) {
      const uploadId = seedId(faker, "upl");
      const bytes = RECEIPT(`Receipt for ${m.title}`);
      const storageKey = `uploads/${m.p.id}/${uploadId}`;
      await storage.put(storageKey, bytes, "application/pdf");
      await tx.insert(uploads).values({
        id: uploadId, partnerId: m.p.id!, uploadedBy: null, purpose: "receipt", storageKey, filename: `receipt-${id.slice(4, 10)}.pdf`,
        contentType: "application/pdf", sizeBytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex"), createdAt: claimed!,
      });
      receiptIds.push(uploadId);
    }
    const key = `${m.p.id}:${budgetYear}`;
    if (!budgets.has(key)) {
      budgets.add(key);
      await tx.insert(mdfBudgets).values({ partnerId: m.p.id!, year: budgetYear, createdAt: at(-100) });
    }
    await tx.insert(mdfRequests).values({
      id, partnerId: m.p.id!, budgetYear, activityType: m.type, title: m.title,
      description: "Target audience, channels and follow-up plan are in the attached brief.",
      startsOn, endsOn: day(m.end), currency: "USD", requestedCents: m.requested, expectedLeads: m.leads, status: m.status,
      approvedCents: m.approved ?? null, decisionReason: m.reason ?? null, decidedBy: decided ? admin : null, decidedAt: decided,
      claimedCents: m.claimed ?? null, actualLeads: m.actual ?? null,
      resultsSummary: m.claimed !== undefined ? `Ran as planned; ${m.actual} leads captured and passed to sales within a week.` : null,
      proofUrl: m.claimed !== undefined ? `https://${(m.p.slug ?? "partner")}.example/recap` : null,
      receiptUploadIds: receiptIds, claimSubmittedAt: claimed,
      claimDecisionReason: m.status === "claim_rejected" ? "The receipts are for a different event; resubmit with the venue invoice." : null,
      claimDecidedBy: claimDecided ? admin : null, claimDecidedAt: claimDecided,
      reimbursedCents: m.reimbursed ?? null, reimbursedAt: m.status === "reimbursed" ? claimDecided : null,
      requestedBy: m.p === brightpixel ? olivia : m.p === ledgerline ? grace : null,
      createdAt: at(Math.min(m.start, 0) - 14), updatedAt: claimDecided ?? claimed ?? decided ?? at(Math.min(m.start, 0) - 14),
    });
  }
  // The demo never overspends a budget either.
  for (const key of budgets) {
    const [partnerId, y] = key.split(":");
    const p = core.partners.find((x) => x.id === partnerId)!;
    const rows = plans.filter((m) => m.p.id === partnerId && day(m.start).startsWith(y!)).map((m) => ({ status: m.status, requestedCents: m.requested, approvedCents: m.approved ?? null, reimbursedCents: m.reimbursed ?? null }));
    const s = budgetSummary(p.tier as Tier, Number(y), rows);
    if (s.budgetCents - s.pendingCents - s.committedCents - s.reimbursedCents < 0) throw new Error(`Seeded MDF overspends ${p.slug} ${y}`);
  }
};
