// Benchmark: a monthly payout run over many partners and their commissions.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:payouts
//   BENCH_PARTNERS=10000 BENCH_PER_PARTNER=100 ...   (1,000,000 commissions)
//   BENCH_MONTHS=2 ...   (then a month later: as many new commissions, a ledger with history)
//
// Creates a fresh database (PGlite in memory without DATABASE_URL), migrates it,
// generates partners with payout settings and their payable commissions with
// generate_series (5% clawbacks, 3% of partners below the minimum), then times
//   - the baseline: one plain aggregate of what each partner is owed (the least
//     any payout run must do), and
//   - the run (lib/payouts/run.ts): ledger postings, payouts, lines, commissions
//     marked paid, events and audit, set-based: chunks of 500 partners, one
//     transaction per chunk and one statement per step for the whole chunk;
// and prints both, the ratio, payouts per second and the peak memory of the process.
// With BENCH_MONTHS > 1, each following month earns as many new commissions and is
// paid by the next month's run, over the ledger and lines the earlier runs left.
import { sql } from "drizzle-orm";
import { queryRows, useDbHandle } from "@/db/client";
import { runPayouts } from "@/lib/payouts/run";
import { openBenchDb } from "./fresh-db";

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 2_000);
const PER_PARTNER = Number(process.env.BENCH_PER_PARTNER ?? 50);
const MONTHS = Math.max(1, Number(process.env.BENCH_MONTHS ?? 1));

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ out: T; seconds: number }> {
  const t = performance.now();
  const out = await fn();
  const seconds = (performance.now() - t) / 1000;
  console.log(`${label.padEnd(52)} ${seconds.toFixed(2).padStart(8)} s`);
  return { out, seconds };
}

async function main() {
  const { handle, label, close } = await openBenchDb(process.env.DATABASE_URL, { max: 4 });
  console.log(label);
  useDbHandle(handle);
  const db = handle.db;
  const now = new Date("2026-12-01T06:00:00Z");
  const total = PARTNERS * PER_PARTNER;
  try {
    await timed(`generate ${PARTNERS.toLocaleString("en-US")} partners, ${total.toLocaleString("en-US")} commissions`, async () => {
      await db.execute(sql`insert into partners (id, slug, name, track, tier, status)
        select 'ptr_b' || i, 'bench-' || i, 'Bench ' || i, 'installer', 'advanced', 'active' from generate_series(1, ${PARTNERS}::int) i`);
      await db.execute(sql`insert into partner_payout_settings (partner_id, terms_accepted_at, terms_version, tax_form_type, tax_form_status, updated_at)
        select 'ptr_b' || i, '2026-01-01', '2026-11', 'w9', 'verified', '2026-01-01' from generate_series(1, ${PARTNERS}::int) i`);
      await db.execute(sql`insert into commissions (id, partner_id, customer_id, kind, source_key, sku, base_cents, rate_bps, gross_cents, refunded_cents, amount_cents, currency, status, earned_at, hold_until, created_at, updated_at)
        select 'com_b' || n, 'ptr_b' || p, 'cus_b' || n,
               case when n % 20 = 0 then 'clawback' else 'subscription' end,
               'bench:' || n, 'provenance-pro', 49900, 2500,
               case when p % 33 = 0 then 10 when n % 20 = 0 then -500 else 1000 + (n % 7) * 100 end, 0,
               case when p % 33 = 0 then 10 when n % 20 = 0 then -500 else 1000 + (n % 7) * 100 end,
               'USD', 'payable',
               timestamptz '2026-08-01' + ((n % 90) || ' days')::interval,
               timestamptz '2026-08-31' + ((n % 90) || ' days')::interval,
               '2026-08-01', '2026-08-01'
          from generate_series(1, ${PARTNERS}::int) p, generate_series(1, ${PER_PARTNER}::int) k, lateral (select (p - 1) * ${PER_PARTNER}::int + k as n) x`);
      await db.execute(sql`analyze`);
    });

    const baseline = await timed("baseline: one aggregate of what each partner is owed", async () =>
      queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from (select partner_id, sum(amount_cents) s from commissions where status = 'payable' and earned_at < timestamptz '2026-11-01' group by partner_id having sum(amount_cents) >= 5000) t`,
      ),
    );
    const run = await timed("payout run (ledger, payouts, lines, events, audit)", () => runPayouts({ now, gateway: null }));
    const [check] = await queryRows<{ payouts: number; lines: number; unbalanced: number; balance: string }>(
      db,
      sql`select (select count(*)::int from payouts) as payouts, (select count(*)::int from payout_lines) as lines,
                 (select count(*)::int from (select p.id from payouts p join payout_lines l on l.payout_id = p.id group by p.id, p.total_cents having sum(l.amount_cents) <> p.total_cents) u) as unbalanced,
                 (select coalesce(sum(amount_cents), 0)::bigint from ledger_entries) as balance`,
    );
    console.log("");
    console.log(`partners ${PARTNERS.toLocaleString("en-US")}, commissions ${total.toLocaleString("en-US")}`);
    console.log(`payouts created ${run.out.created.toLocaleString("en-US")} (baseline counts ${baseline.out[0]?.n}), carried ${run.out.carried}, lines ${check?.lines}, unbalanced ${check?.unbalanced}`);
    console.log(`open ledger balance after the run: ${Number(check?.balance ?? 0) / 100} USD (the partners below the minimum)`);
    console.log(`run ${run.seconds.toFixed(2)} s, ${(run.out.created / run.seconds).toFixed(0)} payouts/s, ${((total / run.seconds) | 0).toLocaleString("en-US")} commissions/s`);
    console.log(`ratio run / baseline aggregate: ${(run.seconds / baseline.seconds).toFixed(1)}x`);
    console.log(`peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
    const again = await timed("second run the same day (nothing to pay)", () => runPayouts({ now, gateway: null }));
    console.log(`second run created ${again.out.created}`);

    for (let month = 2; month <= MONTHS; month++) {
      // Earned in the month after the previous run's period, paid by the run a month later.
      const earnedFrom = new Date(Date.UTC(2026, 8 + month, 1));
      const runAt = new Date(Date.UTC(2026, 10 + month, 1, 6));
      console.log("");
      await timed(`month ${month}: ${total.toLocaleString("en-US")} new commissions earned from ${earnedFrom.toISOString().slice(0, 10)}`, async () => {
        await db.execute(sql`insert into commissions (id, partner_id, customer_id, kind, source_key, sku, base_cents, rate_bps, gross_cents, refunded_cents, amount_cents, currency, status, earned_at, hold_until, created_at, updated_at)
          select 'com_b' || ${month}::int || '_' || n, 'ptr_b' || p, 'cus_b' || n,
                 case when n % 20 = 0 then 'clawback' else 'subscription' end,
                 'bench:' || ${month}::int || ':' || n, 'provenance-pro', 49900, 2500,
                 case when p % 33 = 0 then 10 when n % 20 = 0 then -500 else 1000 + (n % 7) * 100 end, 0,
                 case when p % 33 = 0 then 10 when n % 20 = 0 then -500 else 1000 + (n % 7) * 100 end,
                 'USD', 'payable',
                 ${earnedFrom.toISOString()}::timestamptz + ((n % 28) || ' days')::interval,
                 ${earnedFrom.toISOString()}::timestamptz + ((n % 28 + 30) || ' days')::interval,
                 ${earnedFrom.toISOString()}::timestamptz, ${earnedFrom.toISOString()}::timestamptz
            from generate_series(1, ${PARTNERS}::int) p, generate_series(1, ${PER_PARTNER}::int) k, lateral (select (p - 1) * ${PER_PARTNER}::int + k as n) x`);
        await db.execute(sql`analyze`);
      });
      peakRss = process.memoryUsage().rss;
      const next = await timed(`month ${month}: payout run on ${runAt.toISOString().slice(0, 10)}`, () => runPayouts({ now: runAt, gateway: null }));
      const [after] = await queryRows<{ lines: number; entries: number }>(db, sql`select (select count(*)::int from payout_lines) as lines, (select count(*)::int from ledger_entries) as entries`);
      console.log(`month ${month}: payouts created ${next.out.created.toLocaleString("en-US")}, carried ${next.out.carried}; ledger ${after?.entries.toLocaleString("en-US")} entries, ${after?.lines.toLocaleString("en-US")} lines`);
      console.log(`month ${month}: run ${next.seconds.toFixed(2)} s, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
    }
  } finally {
    clearInterval(sampler);
    await close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
