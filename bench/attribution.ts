// Benchmark: set-based attribution of 1,000,000 clicks and 100,000 conversions.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:attribution
//
// Creates a fresh database on that server (PGlite in memory without
// DATABASE_URL, much slower), migrates it, generates partners, links, 1M clicks
// (5% bots), 5,000 deal registrations and 100k conversions with generate_series
// (70% carry a click id, 10% a registered domain, 10% a partner id, 10% nothing;
// 20% belong to a customer with an earlier conversion), then times the one
// matching statement (lib/attribution/store.ts matchConversions) and prints it.
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { matchConversions } from "@/lib/attribution/store";
import { openBenchDb } from "./fresh-db";

const CLICKS = Number(process.env.BENCH_CLICKS ?? 1_000_000);
const CONVERSIONS = Number(process.env.BENCH_CONVERSIONS ?? 100_000);
const PARTNERS = 200;
const LINKS = 2_000;
const DEALS = 5_000;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const out = await fn();
  console.log(`${label.padEnd(44)} ${((performance.now() - t) / 1000).toFixed(2).padStart(8)} s`);
  return out;
}

async function main() {
  const { handle, label, close } = await openBenchDb(process.env.DATABASE_URL, { max: 2 });
  console.log(label);
  const db = handle.db;
  const now = new Date("2026-11-26T12:00:00Z");
  const nowSql = sql.raw(`'${now.toISOString()}'::timestamptz`);
  try {
    await timed(`generate ${PARTNERS} partners, ${LINKS} links`, async () => {
      await db.execute(sql`insert into partners (id, slug, name, track, tier, status)
        select 'ptr_b' || i, 'bench-' || i, 'Bench ' || i, 'installer', (array['verified','advanced','premier'])[1 + i % 3], 'active'
        from generate_series(1, ${PARTNERS}::int) i`);
      await db.execute(sql`insert into tracking_links (id, partner_id, code, destination, created_at)
        select 'lnk_b' || i, 'ptr_b' || (1 + i % ${PARTNERS}::int), 'bench-' || i, 'https://provenant.dev/', ${nowSql} - interval '120 days'
        from generate_series(1, ${LINKS}::int) i`);
    });
    await timed(`generate ${CLICKS.toLocaleString("en-US")} clicks`, () =>
      db.execute(sql`insert into link_clicks (id, link_id, partner_id, clicked_at, hour_bucket, ip_hash, user_agent, referrer, is_bot, counted)
        select 'clk_b' || i, 'lnk_b' || (1 + i % ${LINKS}::int), 'ptr_b' || (1 + (1 + i % ${LINKS}::int) % ${PARTNERS}::int),
               t, date_trunc('hour', t, 'UTC'), md5((i % 250000)::text), 'Mozilla/5.0', null, i % 20 = 0, i % 20 <> 0
        from generate_series(1, ${CLICKS}::int) i, lateral (select ${nowSql} - (i % 5400) * interval '1 minute' * 20 as t) x`),
    );
    await timed(`generate ${DEALS.toLocaleString("en-US")} deal registrations`, () =>
      db.execute(sql`insert into deals (id, partner_id, company, domain, contact_name, contact_email, estimated_value_cents, currency,
                                       expected_close_at, stage, registered_at, protected_until, updated_at)
        select 'deal_b' || i, 'ptr_b' || (1 + i % ${PARTNERS}::int), 'Company ' || i, 'company-' || i || '.example', 'C', 'c@x.example', 100000, 'USD',
               ${nowSql}, 'registered', ${nowSql} - interval '50 days', ${nowSql} + interval '10 days', ${nowSql}
        from generate_series(1, ${DEALS}::int) i`),
    );
    await timed(`generate ${CONVERSIONS.toLocaleString("en-US")} conversions`, () =>
      db.execute(sql`insert into conversions (id, type, source, external_id, customer_id, customer_domain, occurred_at, received_at,
                                             click_id_hint, partner_id_hint, status)
        select 'cnv_b' || i, (array['signup','pilot','paid'])[1 + (i / 7) % 3], 'api', 'bench-' || i,
               'cus_b' || case when i % 5 = 0 then i - 1 else i end,
               case when i % 10 = 1 then 'company-' || (1 + i % ${DEALS}::int) || '.example' else 'customer-' || i || '.example' end,
               ${nowSql} - (i % 30) * interval '1 day', ${nowSql},
               case when i % 10 between 2 and 8 then 'clk_b' || (1 + (i * 7919) % ${CLICKS}::int) end,
               case when i % 10 = 9 then 'ptr_b' || (1 + i % ${PARTNERS}::int) end,
               'unmatched'
        from generate_series(1, ${CONVERSIONS}::int) i`),
    );
    await timed("analyze", () => db.execute(sql`analyze`));
    const matched = await timed(`attribution (one set-based statement)`, () => db.transaction((tx) => matchConversions(tx, { now })));
    const [stats] = await queryRows<{ attributions: number; unmatched: number; via: string }>(
      db,
      sql`select (select count(*) from customer_attributions)::int as attributions,
                 (select count(*) from conversions where status = 'unmatched')::int as unmatched,
                 (select string_agg(matched_via || '=' || n, ', ' order by matched_via) from
                    (select matched_via, count(*) n from conversions where status = 'matched' group by 1) s) as via`,
    );
    console.log(`\nmatched ${matched.toLocaleString("en-US")} of ${CONVERSIONS.toLocaleString("en-US")} conversions against ${CLICKS.toLocaleString("en-US")} clicks; ${stats!.attributions.toLocaleString("en-US")} customers attributed; ${stats!.unmatched.toLocaleString("en-US")} left unmatched (no valid touch)`);
    console.log(`by rule: ${stats!.via}`);
    const again = await timed("second run (nothing left to match)", () => db.transaction((tx) => matchConversions(tx, { now })));
    console.log(`second run matched ${again}`);
  } finally {
    await close();
  }
}

await main();
