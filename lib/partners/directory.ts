import "server-only";
import type { DirectoryQuery, PartnerPublic } from "./schemas";
import { getPartner, getPartnerBySlug, listDirectory } from "./store";
import { toPartnerPublic } from "./to-public";

export interface DirectoryPage {
  partners: PartnerPublic[];
  total: number;
  page: number;
  pageSize: number;
}

/** The public directory: listed partners only (never suspended ones), in placement order. */
export async function searchDirectory(query: DirectoryQuery, now: Date): Promise<DirectoryPage> {
  const { rows, total } = await listDirectory(query);
  return { partners: rows.map((r) => toPartnerPublic(r, now)), total, page: query.page, pageSize: query.pageSize };
}

/** A public profile by slug or public id; null when unknown or not listed. */
export async function getPublicPartner(slugOrId: string, now: Date): Promise<PartnerPublic | null> {
  const row = slugOrId.startsWith("ptr_") ? await getPartner(slugOrId) : await getPartnerBySlug(slugOrId);
  if (!row || row.status === "suspended") return null;
  return toPartnerPublic(row, now);
}
