import { repoVersion } from "@/lib/legal/documents";
import type { LegalDocument } from "@/lib/legal/constants";
import { CONSENT_TEXT } from "@/lib/legal/constants";
import { auditEvents, legalPublications, legalSignatures } from "../schema";
import type { AreaSeeder } from "./context";
import { seedId } from "./context";

// The program's legal record for the demo: the guide, the terms and the
// agreement published, the agreement's 1.0 superseded by 2.0 three weeks ago;
// most partners signed the versions in force, Northwind Integrations signed only
// the agreement's 1.0 (it must sign again), and a few partners that joined
// recently have not signed anything yet.

const DAY = 86_400_000;
const HOUR = 3_600_000;

const UAS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
];

/** The partner whose owner must sign the agreement's new version in the demo. */
export const RESIGN_PARTNER_SLUG = "northwind-integrations";

const PUBLISHED: { document: LegalDocument; version: string; daysAgo: number }[] = [
  { document: "program_guide", version: "1.0", daysAgo: 420 },
  { document: "marketplace_terms", version: "1.0", daysAgo: 420 },
  { document: "master_agreement", version: "1.0", daysAgo: 420 },
  { document: "master_agreement", version: "2.0", daysAgo: 21 },
];

export const seedLegal: AreaSeeder = async ({ tx, now, core, faker }) => {
  const admin = core.users.find((u) => u.role === "admin")!;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);

  const publications = PUBLISHED.map((p) => {
    const source = repoVersion(p.document, p.version);
    if (!source) throw new Error(`content/legal has no ${p.document} ${p.version}`);
    return {
      id: seedId(faker, "lgp"),
      document: p.document,
      version: p.version,
      title: source.title,
      summary: source.summary,
      body: source.text,
      sha256: source.sha256,
      publishedAt: at(p.daysAgo),
      publishedByUserId: admin.id!,
      publishedByLabel: admin.name ?? admin.email,
    };
  });
  await tx.insert(legalPublications).values(publications);
  const pub = (document: LegalDocument, version: string) => publications.find((p) => p.document === document && p.version === version)!;
  const audits: (typeof auditEvents.$inferInsert)[] = publications.map((p) => ({
    id: seedId(faker, "aud"),
    at: p.publishedAt,
    actorType: "user" as const,
    actorId: admin.id!,
    actorLabel: `${admin.name} <${admin.email}>`,
    action: "legal_document.published",
    objectType: "legal_publication",
    objectId: p.id,
    after: { document: p.document, version: p.version, sha256: p.sha256 },
  }));

  const owners = new Map<string, string>();
  for (const m of core.memberships) if (m.role === "owner" && !owners.has(m.partnerId)) owners.set(m.partnerId, m.userId);
  const users = new Map(core.users.map((u) => [u.id!, u]));
  const v2At = pub("master_agreement", "2.0").publishedAt.getTime();
  const signatures: (typeof legalSignatures.$inferInsert)[] = [];

  let probationSeen = 0;
  core.partners.forEach((partner) => {
    const ownerId = owners.get(partner.id!);
    const owner = ownerId ? users.get(ownerId) : undefined;
    if (!owner) return;
    const joined = (partner.joinedAt as Date).getTime();
    // Some recent joiners have not signed yet: the console asks them to.
    if (partner.status === "probation" && probationSeen++ % 3 === 0) return;
    const ip = faker.internet.ipv4();
    const userAgent = faker.helpers.arrayElement(UAS);
    const sign = (docs: { document: LegalDocument; version: string }[], when: number) => {
      const receiptId = seedId(faker, "rcp");
      for (const d of docs) {
        const p = pub(d.document, d.version);
        const id = seedId(faker, "sig");
        const signedAt = new Date(Math.min(when, now.getTime() - HOUR));
        signatures.push({
          id,
          receiptId,
          partnerId: partner.id!,
          userId: owner.id!,
          signerName: owner.name ?? owner.email,
          signerEmail: owner.email,
          signerRole: "owner",
          publicationId: p.id,
          document: d.document,
          version: d.version,
          documentSha256: p.sha256,
          consentText: CONSENT_TEXT,
          signedAt,
          ip,
          userAgent,
        });
        audits.push({
          id: seedId(faker, "aud"),
          at: signedAt,
          actorType: "user",
          actorId: owner.id!,
          actorLabel: `${owner.name} <${owner.email}>`,
          action: "agreement.signed",
          objectType: "legal_signature",
          objectId: id,
          partnerId: partner.id!,
          after: { document: d.document, version: d.version, sha256: p.sha256, signerName: owner.name },
          meta: { receiptId, ip, userAgent },
        });
      }
    };
    const terms = { document: "marketplace_terms" as const, version: "1.0" };
    if (joined < v2At) {
      const firstAt = Math.max(joined, pub("master_agreement", "1.0").publishedAt.getTime()) + faker.number.int({ min: 1, max: 72 }) * HOUR;
      sign([{ document: "master_agreement", version: "1.0" }, terms], firstAt);
      if (partner.slug !== RESIGN_PARTNER_SLUG) {
        sign([{ document: "master_agreement", version: "2.0" }], v2At + faker.number.int({ min: 2, max: 18 * 24 }) * HOUR);
      }
    } else {
      sign([{ document: "master_agreement", version: "2.0" }, terms], joined + faker.number.int({ min: 1, max: 48 }) * HOUR);
    }
  });

  for (let i = 0; i < signatures.length; i += 500) await tx.insert(legalSignatures).values(signatures.slice(i, i + 500));
  for (let i = 0; i < audits.length; i += 500) await tx.insert(auditEvents).values(audits.slice(i, i + 500));
};
