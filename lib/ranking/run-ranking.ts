import "server-only";
import { getDb } from "@/db/client";
import { invalidateDirectoryCache } from "@/lib/directory/cache";
import { recomputeRankings, type RankingRunResult } from "./recompute";

/** Recomputes every listed partner's score and rank in one statement, then drops cached directory pages. */
export async function runRanking(now: Date): Promise<RankingRunResult> {
  const db = await getDb();
  const result = await db.transaction((tx) => recomputeRankings(tx, now));
  await invalidateDirectoryCache("ranking");
  return result;
}
