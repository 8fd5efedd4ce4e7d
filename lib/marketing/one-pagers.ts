import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { readUpload } from "@/lib/storage/uploads";
import { coMarketingPartnerOrThrow } from "./access";
import { badgesFor, renderOnePagerHtml, type OnePagerData } from "./one-pager-html";
import { createOnePagerSchema } from "./schemas";
import { badgesOfPartner, findOnePager, insertOnePager, type OnePagerRow } from "./store";
import { templateOf } from "./templates";

const BADGE_LABELS: Record<string, string> = {
  certified_installer: "Certified Installer",
  certified_auditor: "Certified Auditor",
  enterprise_certified: "Enterprise Certified",
  fast_installer: "Fast Installer",
  compliance_pro: "Compliance Pro",
  five_star_nps: "Five-star NPS",
};

/** A one-pager from a template, with the partner's proof links (its listing's first three unless chosen). Audited. */
export async function createOnePager(args: { principal: Principal | null; partnerId: string; input: unknown; now: Date }): Promise<OnePagerRow> {
  assertPartner(args.principal, "marketing:write", args.partnerId);
  const input = parseOrThrow(createOnePagerSchema, args.input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const partner = await coMarketingPartnerOrThrow(tx, args.partnerId);
    const proofLinks = input.proofLinks.length ? input.proofLinks : partner.proofLinks.slice(0, 3);
    const row = await insertOnePager(tx, {
      id: newId("onePager"),
      partnerId: args.partnerId,
      template: input.template,
      headline: input.headline,
      intro: input.intro,
      proofLinks,
      createdBy: args.principal!.kind === "user" ? args.principal!.viewer.userId : null,
      createdAt: args.now,
      updatedAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "one_pager.created",
      object: { type: "one_pager", id: row.id },
      partnerId: args.partnerId,
      after: { template: row.template, headline: row.headline },
      at: args.now,
    });
    return row;
  });
}

/** The listing logo as a data: URI when it is an uploaded file; other URLs are not fetched. */
async function logoDataUri(logoUrl: string | null): Promise<string | null> {
  const id = logoUrl?.match(/^\/api\/files\/(upl_[0-9a-z]+)$/)?.[1];
  if (!id) return null;
  try {
    const { upload, body } = await readUpload(null, id);
    return `data:${upload.contentType};base64,${Buffer.from(body).toString("base64")}`;
  } catch {
    return null;
  }
}

/** Everything the one-pager shows, for the preview, the PDF and the social card. */
export async function onePagerData(principal: Principal | null, partnerId: string, id: string): Promise<{ row: OnePagerRow; data: OnePagerData }> {
  assertPartner(principal, "marketing:read", partnerId);
  const db = await getDb();
  const row = await findOnePager(db, id);
  if (!row || row.partnerId !== partnerId) throw notFound("One-pager");
  const partner = await coMarketingPartnerOrThrow(db, partnerId);
  const template = templateOf(row.template);
  if (!template) throw new AppError({ code: "unprocessable", message: "This one-pager's template is no longer offered" });
  const held = (await badgesOfPartner(db, partnerId)).map((b) => ({ label: BADGE_LABELS[b.badge] ?? b.badge, tier: b.tier, state: b.state }));
  const data: OnePagerData = {
    template,
    headline: row.headline,
    intro: row.intro || template.defaultIntro,
    partner: {
      name: partner.name,
      tagline: partner.tagline,
      website: partner.website,
      contactEmail: partner.contactEmail,
      track: partner.track,
      tier: partner.tier,
      slug: partner.slug,
    },
    logoDataUri: await logoDataUri(partner.logoUrl),
    badges: badgesFor(partner, held),
    proofLinks: row.proofLinks.slice(0, 3),
    profileUrl: `${getEnv().APP_URL.replace(/\/$/, "")}/partners/${partner.slug}`,
  };
  return { row, data };
}

export async function onePagerHtml(principal: Principal | null, partnerId: string, id: string): Promise<{ html: string; filename: string }> {
  const { row, data } = await onePagerData(principal, partnerId, id);
  return { html: renderOnePagerHtml(data), filename: `${data.partner.slug}-${row.template}` };
}
