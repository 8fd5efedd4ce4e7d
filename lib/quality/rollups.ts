import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";

// The evidence rollups: set-based SQL that rebuilds the summary tables from
// installs and survival_checks. Idempotent: every run replaces the summaries
// in one transaction, so a second run at the same `now` gives the same rows.
//
// Owners: a partner id, 'self_serve' (installs without a partner: the control
// group) and 'program' (every partner-led install; self-serve stays apart so
// the two can be compared). Stacks: each stack and 'all'.
//
// TTI percentiles use percentile_cont: linear interpolation, the same method
// as lib/quality/percentile.ts (see its header for a worked example).
//
// No "server-only" import: the seed and the benchmark run this outside Next.

export interface RollupCounts {
  ttiRows: number;
  ttiWeeklyRows: number;
  survivalDailyRows: number;
  survivalWindowRows: number;
}

/** How far back the daily survival trend goes. */
export const DAILY_HISTORY_DAYS = 400;

async function count(db: Queryable, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
  return Number(row?.n ?? 0);
}

export async function runRollups(db: Queryable, now: Date): Promise<RollupCounts> {
  const at = now.toISOString();
  const run = async (tx: Queryable) => {
    await tx.execute(sql`delete from tti_rollups`);
    await tx.execute(sql`
      insert into tti_rollups (owner, stack, installs_started, installs_verified, p50_seconds, p95_seconds, computed_at)
      select coalesce(owner, 'program'), coalesce(stack, 'all'), count(*)::int, count(tti)::int,
             percentile_cont(0.5) within group (order by tti), percentile_cont(0.95) within group (order by tti), ${at}::timestamptz
      from (
        select coalesce(partner_id, 'self_serve') as owner, stack,
               extract(epoch from (verified_at - started_at))::float8 as tti
        from installs where started_at <= ${at}::timestamptz
      ) i
      group by grouping sets ((owner, stack), (owner))
      union all
      select 'program', coalesce(stack, 'all'), count(*)::int, count(tti)::int,
             percentile_cont(0.5) within group (order by tti), percentile_cont(0.95) within group (order by tti), ${at}::timestamptz
      from (
        select stack, extract(epoch from (verified_at - started_at))::float8 as tti
        from installs where partner_id is not null and started_at <= ${at}::timestamptz
      ) p
      group by grouping sets ((stack), ())`);

    await tx.execute(sql`delete from tti_weekly`);
    await tx.execute(sql`
      insert into tti_weekly (owner, stack, week_start, installs_verified, p50_seconds, p95_seconds, computed_at)
      select coalesce(owner, 'program'), coalesce(stack, 'all'), week, count(*)::int,
             percentile_cont(0.5) within group (order by tti), percentile_cont(0.95) within group (order by tti), ${at}::timestamptz
      from (
        select coalesce(partner_id, 'self_serve') as owner, stack,
               date_trunc('week', verified_at at time zone 'UTC')::date as week,
               extract(epoch from (verified_at - started_at))::float8 as tti
        from installs where verified_at is not null and verified_at <= ${at}::timestamptz
      ) i
      group by grouping sets ((owner, stack, week), (owner, week))
      union all
      select 'program', coalesce(stack, 'all'), week, count(*)::int,
             percentile_cont(0.5) within group (order by tti), percentile_cont(0.95) within group (order by tti), ${at}::timestamptz
      from (
        select stack, date_trunc('week', verified_at at time zone 'UTC')::date as week,
               extract(epoch from (verified_at - started_at))::float8 as tti
        from installs where partner_id is not null and verified_at is not null and verified_at <= ${at}::timestamptz
      ) p
      group by grouping sets ((stack, week), (week))`);

    const since = new Date(now.getTime() - DAILY_HISTORY_DAYS * 86_400_000).toISOString();
    await tx.execute(sql`delete from survival_daily`);
    await tx.execute(sql`
      with c as (
        select coalesce(partner_id, 'self_serve') as owner, stack, (checked_at at time zone 'UTC')::date as day,
               assets_checked, assets_survived, survived_embedded, survived_remote, partner_id is not null as partner_led
        from survival_checks
        where checked_at >= ${since}::timestamptz and checked_at < ${at}::timestamptz
      )
      insert into survival_daily (owner, stack, day, checks, assets_checked, assets_survived, survived_embedded, survived_remote, computed_at)
      select coalesce(owner, 'program'), coalesce(stack, 'all'), day, count(*)::int, sum(assets_checked), sum(assets_survived),
             sum(survived_embedded), sum(survived_remote), ${at}::timestamptz
      from c group by grouping sets ((owner, stack, day), (owner, day))
      union all
      select 'program', coalesce(stack, 'all'), day, count(*)::int, sum(assets_checked), sum(assets_survived),
             sum(survived_embedded), sum(survived_remote), ${at}::timestamptz
      from c where partner_led group by grouping sets ((stack, day), (day))`);

    await tx.execute(sql`delete from survival_windows`);
    await tx.execute(sql`
      with c as (
        select coalesce(partner_id, 'self_serve') as owner, stack, w.days, assets_checked, assets_survived,
               partner_id is not null as partner_led
        from survival_checks
        join (values (7), (30), (90)) as w(days)
          on checked_at >= ${at}::timestamptz - make_interval(days => w.days)
        where checked_at >= ${at}::timestamptz - interval '90 days' and checked_at < ${at}::timestamptz
      )
      insert into survival_windows (owner, stack, window_days, checks, assets_checked, assets_survived, computed_at)
      select coalesce(owner, 'program'), coalesce(stack, 'all'), days, count(*)::int, sum(assets_checked), sum(assets_survived), ${at}::timestamptz
      from c group by grouping sets ((owner, stack, days), (owner, days))
      union all
      select 'program', coalesce(stack, 'all'), days, count(*)::int, sum(assets_checked), sum(assets_survived), ${at}::timestamptz
      from c where partner_led group by grouping sets ((stack, days), (days))`);
  };
  // One transaction (a savepoint when called inside one): readers never see half a rebuild.
  await db.transaction(async (tx) => run(tx));
  return {
    ttiRows: await count(db, "tti_rollups"),
    ttiWeeklyRows: await count(db, "tti_weekly"),
    survivalDailyRows: await count(db, "survival_daily"),
    survivalWindowRows: await count(db, "survival_windows"),
  };
}
