import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { partnerRankings } from "@/db/schema";

export type RankingRow = typeof partnerRankings.$inferSelect;

export async function rankingOf(partnerId: string): Promise<RankingRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(partnerRankings).where(eq(partnerRankings.partnerId, partnerId));
  return row ?? null;
}

export async function rankingSummary(): Promise<{ ranked: number; computedAt: Date | null }> {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)::int`, at: sql<string | null>`max(${partnerRankings.computedAt})` }).from(partnerRankings);
  return { ranked: row?.n ?? 0, computedAt: row?.at ? new Date(row.at) : null };
}

/** Rank among listed partners of the same track (what the partner sees beside its overall rank). */
export async function trackRankOf(partnerId: string): Promise<{ rank: number; of: number } | null> {
  const db = await getDb();
  const rows = await queryRows<{ r: number; n: number }>(
    db,
    sql`
      select partner_id, r, n from (
        select r.partner_id, row_number() over (order by r.rank) as r, count(*) over () as n
        from partner_rankings r join partners p on p.id = r.partner_id
        where p.track = (select track from partners where id = ${partnerId})
      ) x where partner_id = ${partnerId}
    `,
  );
  const row = rows[0];
  return row ? { rank: Number(row.r), of: Number(row.n) } : null;
}
