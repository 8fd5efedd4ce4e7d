import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { partners } from "@/db/schema";
import { TIERS, type Tier } from "@/lib/partners/constants";
import { TIER_BENEFITS } from "@/lib/tiers/benefits";

// Reading the directory in placement order without sorting every match.
//
// Placement (lib/ranking/score.ts): tier band, probation after the rest of its band, score
// (high first; 0 until ranked), name and id by code point. directory_placement
// (drizzle/0019_directory_placement.sql) holds those keys per listing, kept live by triggers,
// indexed in that order within each tier. A result is a list of steps (relevance steps, or
// one step for rank order); each step's rows come in placement order:
//
// - a step is walked per tier (by band) and probation state: the placement index read in
//   order, each listing checked against the step by primary key, until the page is full;
// - a probe reads a few of the step's rows through its indexes (text, filters); fewer than
//   TUNING.probe is the whole step, sorted there and then. Steps that are usually small (words
//   in the name) are probed first; others after a short first walk, since a broad word's
//   index is costly to read while a walk finds a page of it at once;
// - when walking a large step does not fill the page (its rows sit low in their tier), and
//   for rows deeper than TUNING.deep, the rest of the step comes from stepPage: one pass over
//   its rows through its indexes, with placement looked up only where it decides.
//
// Every path gives the same order (placement.test.ts holds them to a reference sort); only
// the cost differs.

/** How much each path may read; tests shrink them to take every path on a small fixture. */
export const TUNING = {
  /** Rows a probe reads: fewer means the step is complete. */
  probe: 200,
  /** Placement rows the first walk of a step reads, before anything tells the step's size. */
  firstWalk: 200,
  /** Placement rows a walk reads per tier and probation state before giving up... */
  walk: 1000,
  /** ...or up to this many, when the step's matches are known to be that many. */
  walkMax: 4000,
  /** Beyond this many rows from the top, sort instead of walking. */
  deep: 500,
};

export interface Step {
  /** The step's rows, on "partners" (filters and text). */
  where: SQL;
  relevance: number | null;
  /** Probe before walking: the step is usually small and its index cheap to read (words in the name). */
  probeFirst?: boolean;
}

/** How many rows the steps have in all, once someone has counted them (set while reading). */
export interface SizeHint {
  total?: number;
}

export interface Placed {
  id: string;
  relevance: number | null;
}

/** Tiers in placement order (band), or null when two tiers share a band (then a walk cannot read one tier at a time). */
const TIERS_BY_BAND: Tier[] | null = (() => {
  const tiers = [...TIERS].sort((a, b) => TIER_BENEFITS[a].placementBand - TIER_BENEFITS[b].placementBand);
  const bands = new Set(tiers.map((t) => TIER_BENEFITS[t].placementBand));
  return bands.size === tiers.length ? tiers : null;
})();

/** A tier's placement band, as SQL over a tier column. */
export const bandOf = (tier: SQL) =>
  sql`case ${tier} ${sql.join(
    TIERS.map((t) => sql`when ${t} then ${TIER_BENEFITS[t].placementBand}::int`),
    sql` `,
  )} end`;

const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/** Whether the listing is on probation at `now`, over partners' own columns (what directory_placement.probation_until mirrors). */
export const onProbationNow = (now: Date) =>
  sql`(${partners.status} = 'probation' and (${partners.probationEndsAt} is null or ${partners.probationEndsAt} > ${at(now)}))`;

const probationIs = (now: Date, on: boolean) =>
  on ? sql`dp.probation_until > ${at(now)}` : sql`(dp.probation_until is null or dp.probation_until <= ${at(now)})`;

/**
 * Placement order over directory_placement's columns (tier, probation_until, score, name,
 * partner_id) under `alias`: dp itself, or a subquery that selected them.
 */
export function placementOrderBy(now: Date, alias = "dp"): SQL {
  const c = (column: string) => sql.raw(`${alias}.${column}`);
  return sql`${bandOf(c("tier"))}, case when ${c("probation_until")} > ${at(now)} then 1 else 0 end, ${c("score")} desc, ${c("name")} collate "C", ${c("partner_id")} collate "C"`;
}

/** A listing's placement keys, looked up by primary key (a lateral join kept a lookup by `offset 0`). */
export const placementOf = (id: SQL) =>
  sql`cross join lateral (select dp.tier, dp.probation_until, dp.score, dp.name, dp.partner_id from directory_placement dp where dp.partner_id = ${id} offset 0) dp`;

async function ids(db: Queryable, query: SQL): Promise<string[]> {
  return (await queryRows<{ id: string }>(db, query)).map((r) => r.id);
}

/**
 * At most TUNING.probe of the step's rows. When there are fewer, that is the whole step: its first
 * `take` in placement order come back too (the lookups are only made then).
 */
async function probe(db: Queryable, step: Step, now: Date, take: number): Promise<{ complete: boolean; ids: string[] }> {
  const rows = await queryRows<{ n: number; id: string | null }>(
    db,
    // s is planned for all its rows (through the indexes: a LIMIT would tempt the planner into a
    // sequential scan that, when the step is empty, reads the whole table); x stops it early.
    sql`with s as materialized (select ${partners.id} as id from ${partners} where ${step.where}),
        x as materialized (select id from s limit ${TUNING.probe})
        select c.n, p.id
        from (select count(*)::int as n from x) c
        left join lateral (
          select x.id, row_number() over (order by ${placementOrderBy(now)}) as k
          from x ${placementOf(sql`x.id`)}
          where c.n < ${TUNING.probe}
          order by ${placementOrderBy(now)}
          limit ${take}
        ) p on true
        order by p.k`,
  );
  const complete = Number(rows[0]?.n ?? 0) < TUNING.probe;
  return { complete, ids: rows.flatMap((r) => (r.id === null ? [] : [r.id])) };
}

/**
 * The step's rows [skip, skip + take) in placement order, and how many rows the step has, in
 * one pass over its rows (through the step's indexes) that takes band and probation from
 * partners. Placement is looked up for the rows ahead of the last one needed (the "edge");
 * the edge's own group (same band and probation) is read off the placement index in order,
 * keeping its members, so even a large group costs little.
 */
export async function stepPage(db: Queryable, step: Step, now: Date, skip: number, take: number): Promise<{ ids: string[]; total: number }> {
  const end = skip + take;
  // With one tier per band, the group is one range of the placement index.
  const sameBand = TIERS_BY_BAND ? sql`dp.tier = e.tier` : sql`${bandOf(sql`dp.tier`)} = e.band`;
  const rows = await queryRows<{ total: number; id: string | null }>(
    db,
    sql`with t as materialized (
          select ${partners.id} as id, ${partners.tier} as tier, ${bandOf(sql`${partners.tier}`)} as band,
                 case when ${onProbationNow(now)} then 1 else 0 end as probation
          from ${partners} where ${step.where}
        ),
        edge as materialized (select tier, band, probation from t order by band, probation offset ${Math.max(0, end - 1)} limit 1),
        head as materialized (
          select t.id, t.band, t.probation from t
          where not exists (select 1 from edge) or (t.band, t.probation) < (select e.band, e.probation from edge e)
        ),
        grp as materialized (select t.id from t where (t.band, t.probation) = (select e.band, e.probation from edge e))
        select c.total, p.id
        from (select count(*)::int as total from t) c
        left join lateral (
          select u.id, row_number() over (order by u.band, u.probation, u.score desc, u.name collate "C", u.id collate "C") as k
          from (
            select h.id, h.band, h.probation, dp.score, dp.name from head h ${placementOf(sql`h.id`)}
            union all
            select g.* from (
              -- "or false" keeps the membership test a hashed subplan over grp instead of a join.
              select dp.partner_id as id, e.band, e.probation, dp.score, dp.name
              from edge e cross join lateral (
                select dp.partner_id, dp.score, dp.name from directory_placement dp
                where ${sameBand} and (case when dp.probation_until > ${at(now)} then 1 else 0 end) = e.probation
                  and (dp.partner_id in (select id from grp) or false)
                order by dp.score desc, dp.name collate "C", dp.partner_id collate "C"
                limit ${end} - (select count(*) from head)
              ) dp
            ) g
          ) u
          order by u.band, u.probation, u.score desc, u.name collate "C", u.id collate "C"
          offset ${skip} limit ${take}
        ) p on true
        order by p.k`,
  );
  return { total: Number(rows[0]?.total ?? 0), ids: rows.flatMap((r) => (r.id === null ? [] : [r.id])) };
}

/**
 * Walks one tier and probation state in placement order: its placement rows [from, from + size),
 * at most `take` matches. `cut` tells whether the branch goes on beyond them.
 */
async function walk(
  db: Queryable,
  step: Step,
  now: Date,
  branch: { tier: Tier; probation: boolean },
  from: number,
  size: number,
  take: number,
): Promise<{ ids: string[]; cut: boolean }> {
  const inBranch = sql`dp.tier = ${branch.tier} and ${probationIs(now, branch.probation)}`;
  // The lateral lookup (fenced with offset 0) keeps the plan a walk: one listing at a
  // time by primary key, in placement order, whatever the planner guesses of the text.
  const rows = await queryRows<{ cut: boolean; id: string | null }>(
    db,
    sql`select c.cut, p.id
        from (select count(*) > ${from + size} as cut from (select 1 from directory_placement dp where ${inBranch} limit ${from + size + 1}) x) c
        left join lateral (
          select f.partner_id as id, row_number() over (order by f.score desc, f.name collate "C", f.partner_id collate "C") as k
          from (
            select w.partner_id, w.score, w.name
            from (
              select dp.partner_id, dp.score, dp.name from directory_placement dp
              where ${inBranch}
              order by dp.score desc, dp.name collate "C", dp.partner_id collate "C"
              offset ${from} limit ${size}
            ) w
            cross join lateral (select 1 from ${partners} where ${partners.id} = w.partner_id and ${step.where} offset 0) m
            order by w.score desc, w.name collate "C", w.partner_id collate "C"
            limit ${take}
          ) f
        ) p on true
        order by p.k`,
  );
  return { cut: Boolean(rows[0]?.cut), ids: rows.flatMap((r) => (r.id === null ? [] : [r.id])) };
}

/**
 * The first `offset + limit` rows of the steps, one step after the other, each in placement
 * order; returns the rows from `offset`. `tiers` may leave out tiers no row can have (a tier
 * filter); `hint` may learn the steps' total size meanwhile.
 */
export async function readInPlacement(
  db: Queryable,
  steps: Step[],
  now: Date,
  offset: number,
  limit: number,
  options: { tiers?: readonly Tier[]; hint?: SizeHint } = {},
): Promise<Placed[]> {
  const tiers = options.tiers ?? TIERS;
  const hint = options.hint ?? {};
  const end = offset + limit;
  const out: Placed[] = [];
  const push = (list: string[], relevance: number | null) => {
    for (const id of list) out.push({ id, relevance });
  };
  for (const step of steps) {
    if (hint.total === 0) break;
    let need = end - out.length;
    if (need <= 0) break;
    if (need > TUNING.deep || !TIERS_BY_BAND) {
      push((await stepPage(db, step, now, 0, need)).ids, step.relevance);
      continue;
    }
    // The rows of this step taken so far are always its first ones in placement order.
    let taken = 0;
    let probed = false;
    const probeStep = async (): Promise<boolean> => {
      probed = true;
      const first = await probe(db, step, now, end - out.length + taken);
      if (!first.complete) return false;
      push(first.ids.slice(taken), step.relevance);
      return true;
    };
    const few = hint.total !== undefined && hint.total < TUNING.probe;
    if ((step.probeFirst || few) && (await probeStep())) continue;
    // Once the step is known to be large, walking about as many placement rows as it has
    // matches costs about what sorting it would; a known count lets a walk go further.
    const longWalk = () => Math.max(TUNING.walk, Math.min(hint.total ?? 0, TUNING.walkMax));
    branches: for (const tier of TIERS_BY_BAND.filter((t) => tiers.includes(t))) {
      for (const probation of [false, true]) {
        // Before the probe, a short walk: enough for a dense step, little lost on an empty one.
        let from = 0;
        let found = 0;
        let size = probed ? longWalk() : TUNING.firstWalk;
        for (;;) {
          need = end - out.length;
          if (need <= 0) break branches;
          const walked = await walk(db, step, now, { tier, probation }, from, size, need);
          push(walked.ids, step.relevance);
          taken += walked.ids.length;
          found += walked.ids.length;
          if (walked.ids.length >= need || !walked.cut) break;
          from += size;
          // Where the rest of the page lies at the density met so far in this branch: near
          // enough, walk on (the step is not small, no probe needed).
          const ahead = found ? Math.ceil(((need - walked.ids.length) * from) / found) : Infinity;
          if (from + ahead <= 2 * TUNING.walkMax) {
            size = Math.max(TUNING.walk, Math.ceil(ahead * 1.25));
            continue;
          }
          if (!probed) {
            // A small step is sorted whole; a large one is walked further.
            if (await probeStep()) break branches;
            size = longWalk();
            continue;
          }
          // Its rows sit too far down this branch: the rest of the step in one pass.
          push((await stepPage(db, step, now, taken, end - out.length)).ids, step.relevance);
          break branches;
        }
      }
    }
  }
  return out.slice(offset, end);
}
