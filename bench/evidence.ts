// Benchmark: the evidence rollups over 100,000 installs and 1,000,000 survival
// checks on PostgreSQL, timed beside plain aggregate queries over the same
// rows in the same run (the baseline). Target: rollups under 10 s.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:evidence
//
// It creates a scratch database next to DATABASE_URL's, migrates it, fills it
// with INSERT ... SELECT generate_series, runs, prints and drops it.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { openPostgres, queryRows } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { runRollups } from "@/lib/quality/rollups";

const INSTALLS = Number(process.env.BENCH_INSTALLS ?? 100_000);
const CHECKS = Number(process.env.BENCH_CHECKS ?? 1_000_000);
const PARTNERS = 200;

const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error("bench:evidence needs PostgreSQL: set DATABASE_URL=postgres://...");
  process.exit(1);
}

function withDatabase(u: string, db: string): string {
  const x = new URL(u);
  x.pathname = `/${db}`;
  return x.toString();
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const name = `pp_bench_${randomBytes(4).toString("hex")}`;
const admin = await openPostgres(url, { max: 1 });
await admin.db.execute(sql.raw(`create database ${name}`));
const target = withDatabase(url, name);
const handle = await openPostgres(target, { max: 2 });
try {
  await migrateDb(handle, { databaseUrl: target });
  const db = handle.db;
  const now = new Date();
  const at = now.toISOString();

  const fill = await time(async () => {
    await db.execute(sql`
      insert into partners (id, slug, name, track, tier, status, joined_at)
      select 'ptr_bench_' || g, 'bench-' || g, 'Bench partner ' || g,
             (array['installer', 'auditor', 'enterprise_integrator'])[1 + g % 3], 'verified', 'active', ${at}::timestamptz - interval '500 days'
      from generate_series(1, ${PARTNERS}) g`);
    // One install in ten is self-serve; TTI spreads from minutes to days by stack.
    await db.execute(sql`
      insert into installs (id, partner_id, stack, site_url, customer_name, started_at, verified_at, source, created_at)
      select 'ins_bench_' || g,
             case when g % 10 = 0 then null else 'ptr_bench_' || (1 + g % ${PARTNERS}) end,
             (array['wordpress', 'shopify', 'workers', 'custom'])[1 + g % 4],
             'https://site-' || g || '.example', 'Customer ' || g,
             ${at}::timestamptz - make_interval(days => 1 + g % 400),
             case when g % 17 = 0 then null
                  else ${at}::timestamptz - make_interval(days => 1 + g % 400)
                       + make_interval(mins => (1 + (g * 7919) % 997) * (case g % 4 when 2 then 20 when 3 then 60 else 1 end)) end,
             'seed', ${at}::timestamptz
      from generate_series(1, ${INSTALLS}) g`);
    // Checks spread over 120 days; about one in fifty loses an asset.
    await db.execute(sql`
      insert into survival_checks (id, install_id, partner_id, stack, checked_at, assets_checked, assets_survived, survived_embedded, survived_remote, errors, source, created_at)
      select 'chk_bench_' || g, 'ins_bench_' || i,
             case when i % 10 = 0 then null else 'ptr_bench_' || (1 + i % ${PARTNERS}) end,
             (array['wordpress', 'shopify', 'workers', 'custom'])[1 + i % 4],
             ${at}::timestamptz - make_interval(secs => ((g::bigint * 10368) % (120::bigint * 86400 * 1000)) / 1000.0),
             40, 40 - f, (40 - f) / 5, (40 - f) - (40 - f) / 5, 0, 'seed', ${at}::timestamptz
      from (select g, 1 + g % ${INSTALLS} as i, case when (g * 2654435761) % 50 = 0 then 1 else 0 end as f
            from generate_series(1, ${CHECKS}) g) s`);
    await db.execute(sql`analyze installs`);
    await db.execute(sql`analyze survival_checks`);
  });
  const [counts] = await queryRows<{ installs: number; checks: number }>(
    db,
    sql`select (select count(*) from installs)::int as installs, (select count(*) from survival_checks)::int as checks`,
  );
  console.log(`Filled ${counts!.installs.toLocaleString("en-US")} installs and ${counts!.checks.toLocaleString("en-US")} checks in ${fmt(fill.ms)}.`);

  // Baseline: one aggregate query over the same rows each (no writes).
  const checksAgg = await time(() =>
    queryRows(db, sql`select coalesce(partner_id, 'self_serve'), stack, count(*), sum(assets_checked), sum(assets_survived) from survival_checks group by 1, 2`),
  );
  const installsAgg = await time(() =>
    queryRows(
      db,
      sql`select coalesce(partner_id, 'self_serve'), stack, percentile_cont(0.5) within group (order by extract(epoch from verified_at - started_at)) from installs group by 1, 2`,
    ),
  );
  const first = await time(() => runRollups(db, now));
  const second = await time(() => runRollups(db, now));
  const r = first.value;

  console.log("");
  console.log("| what | time |");
  console.log("|---|---|");
  console.log(`| baseline: one GROUP BY over ${counts!.checks.toLocaleString("en-US")} checks | ${fmt(checksAgg.ms)} |`);
  console.log(`| baseline: one percentile_cont GROUP BY over ${counts!.installs.toLocaleString("en-US")} installs | ${fmt(installsAgg.ms)} |`);
  console.log(`| rollups, first run (TTI, weekly TTI, daily survival, windows) | ${fmt(first.ms)} |`);
  console.log(`| rollups, second run (idempotent rebuild) | ${fmt(second.ms)} |`);
  console.log("");
  console.log(`Rows written: ${r.ttiRows} TTI, ${r.ttiWeeklyRows} weekly TTI, ${r.survivalDailyRows} daily survival, ${r.survivalWindowRows} window rows.`);
  console.log(`Rollups vs the two baselines together: ${(first.ms / (checksAgg.ms + installsAgg.ms)).toFixed(1)}x. Target: under 10 s -> ${first.ms < 10_000 ? "met" : "NOT met"}.`);
} finally {
  await handle.close();
  await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
  await admin.close();
}
