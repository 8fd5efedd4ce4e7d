// Benchmark: the certification evaluation over N partners (default 10,000) with
// their evidence — the pure engine alone, the set-based evidence loader, and the
// whole cron (first run writes every certification, tier and badge; the second
// run must change nothing) — each beside a baseline measured in the same run:
// one plain GROUP BY over the same installs and checks.
//
//   npm run bench:certification                      (in-memory PGlite)
//   DATABASE_URL=postgres://... npm run bench:certification
//   BENCH_PARTNERS=2000 npm run bench:certification
import { sql } from "drizzle-orm";
import { queryRows, useDbHandle } from "@/db/client";
import { evaluatePartner } from "@/lib/certification/evaluate";
import { syncQuestionBank } from "@/lib/certification/quiz-store";
import { runCertification } from "@/lib/certification/run-certification";
import { loadEvidence } from "@/lib/certification/store";
import { openBenchDb } from "./fresh-db";

const N = Number(process.env.BENCH_PARTNERS ?? 10_000);
const url = process.env.DATABASE_URL;

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

const { handle, close } = await openBenchDb(url && /^postgres(ql)?:\/\//.test(url) ? url : undefined, { max: 4 });
useDbHandle(handle);
const db = handle.db;
const now = new Date();
const at = now.toISOString();

try {
  const fill = await time(async () => {
    await syncQuestionBank(db);
    await db.execute(sql`
      insert into partners (id, slug, name, track, tier, status, joined_at)
      select 'ptr_bench_' || g, 'bench-' || g, 'Bench partner ' || g,
             (array['installer', 'auditor', 'enterprise_integrator'])[1 + g % 3], (array['verified', 'advanced', 'premier'])[1 + (g / 3) % 3], 'active', ${at}::timestamptz - interval '500 days'
      from generate_series(1, ${N}) g`);
    // Every 10th partner has a webhook endpoint for every event type (deliveries fan out).
    await db.execute(sql`
      insert into webhook_endpoints (id, partner_id, url, event_types, secret_encrypted, secret_hint)
      select 'whe_bench_' || g, 'ptr_bench_' || g, 'https://hooks.example/' || g, array['*'], 'bench', 'bench'
      from generate_series(1, ${N}) g where g % 10 = 0`);
    // A fifth of the auditors held a certification that lapsed five days ago (it expires, its badge too).
    await db.execute(sql`
      insert into certifications (partner_id, status, certified_at, expires_at, requirements_met, requirements_total, evaluated_at, updated_at)
      select 'ptr_bench_' || g, 'recertifying', ${at}::timestamptz - interval '370 days', ${at}::timestamptz - interval '5 days', 0, 0, ${at}::timestamptz - interval '6 days', ${at}::timestamptz - interval '6 days'
      from generate_series(1, ${N}) g where g % 3 = 1 and g % 5 = 0`);
    await db.execute(sql`
      insert into partner_badges (id, partner_id, kind, badge, tier, state, issued_at, expires_at, state_changed_at, created_at, updated_at)
      select 'bdg_bench' || g, 'ptr_bench_' || g, 'track', 'certified_auditor', (array['verified', 'advanced', 'premier'])[1 + (g / 3) % 3], 'active',
             ${at}::timestamptz - interval '370 days', ${at}::timestamptz - interval '5 days', ${at}::timestamptz - interval '310 days', ${at}::timestamptz - interval '370 days', ${at}::timestamptz - interval '370 days'
      from generate_series(1, ${N}) g where g % 3 = 1 and g % 5 = 0`);
    // Three installs each (WordPress, Shopify, Workers), most verified within their bar.
    await db.execute(sql`
      insert into installs (id, partner_id, stack, site_url, customer_name, started_at, verified_at, source, created_at)
      select 'ins_bench_' || g || '_' || s, 'ptr_bench_' || g, (array['wordpress', 'shopify', 'workers'])[s], 'https://b' || g || '-' || s || '.example', 'Customer',
             ${at}::timestamptz - (20 + s) * interval '1 day',
             ${at}::timestamptz - (20 + s) * interval '1 day' + (5 + (g * 7 + s) % 30) * interval '1 minute', 'seed', ${at}::timestamptz - interval '30 days'
      from generate_series(1, ${N}) g cross join generate_series(1, 3) s`);
    // Ten daily checks per install over the last 30 days.
    await db.execute(sql`
      insert into survival_checks (id, install_id, partner_id, stack, checked_at, assets_checked, assets_survived, survived_remote, source)
      select 'chk_bench_' || i.id || '_' || d, i.id, i.partner_id, i.stack, ${at}::timestamptz - d * interval '3 days', 100, 100 - (case when (d + length(i.id)) % 13 = 0 then 1 else 0 end), 100 - (case when (d + length(i.id)) % 13 = 0 then 1 else 0 end), 'seed'
      from installs i cross join generate_series(0, 9) d`);
    // Installers passed their quiz (most of them), some incidents, some exports.
    await db.execute(sql`
      insert into quiz_attempts (id, partner_id, assessment, question_ids, choice_order, answers, started_at, deadline_at, submitted_at, correct, score_pct, passed)
      select 'qat_bench_' || g, 'ptr_bench_' || g, 'installer_playbook', '{}', '[]'::jsonb, '[]'::jsonb, ${at}::timestamptz - interval '40 days', ${at}::timestamptz - interval '40 days' + interval '15 minutes',
             ${at}::timestamptz - interval '40 days' + interval '10 minutes', q.c, q.c * 10, q.c >= 9
      from generate_series(1, ${N}) g cross join lateral (select case when (g / 3) % 4 = 0 then 8 else 9 end as c) q where g % 3 = 0`);
    await db.execute(sql`
      insert into incidents (id, partner_id, title, severity, sla_hours, opened_at, opened_by, first_response_at)
      select 'inc_bench_' || g, 'ptr_bench_' || g, 'Bench incident', 'high', case when g % 3 = 2 then 4 else 48 end, ${at}::timestamptz - interval '10 days', 'bench',
             ${at}::timestamptz - interval '10 days' + (g % 60) * interval '1 hour'
      from generate_series(1, ${N}) g where g % 4 = 0`);
  });

  const baseline = await time(() =>
    queryRows(db, sql`select i.partner_id, count(distinct i.id) as installs, sum(c.assets_checked) as checked, sum(c.assets_survived) as survived from installs i join survival_checks c on c.install_id = i.id group by i.partner_id`),
  );
  const loaded = await time(() => loadEvidence(db, null, now));
  const all = [...loaded.value.evidence.values()];
  const engine = await time(() => all.map((e) => evaluatePartner(e, now)));
  const first = await time(() => runCertification({ now, db, notify: false }));
  const second = await time(() => runCertification({ now, db, notify: false }));

  const ratio = (ms: number) => `${(ms / baseline.ms).toFixed(1)}x baseline`;
  console.log(`bench:certification — ${N.toLocaleString("en-US")} partners on ${handle.driver} (${all.reduce((n, e) => n + e.installs.length, 0).toLocaleString("en-US")} installs)`);
  console.log(`  fill                                   ${fmt(fill.ms)}`);
  console.log(`  baseline: one GROUP BY over the same evidence  ${fmt(baseline.ms)}`);
  console.log(`  load evidence (set-based, 9 queries)   ${fmt(loaded.ms)}  ${ratio(loaded.ms)}`);
  console.log(`  evaluatePartner x ${N} (pure)          ${fmt(engine.ms)}  ${(engine.ms / N * 1000).toFixed(1)} µs/partner  ${ratio(engine.ms)}`);
  console.log(`  cron, first run (writes)               ${fmt(first.ms)}  ${ratio(first.ms)}  changed ${first.value.changed}, certified ${first.value.certified}, expired ${first.value.expired}, tier changes ${first.value.tierChanges}, badge changes ${first.value.badgeChanges}`);
  console.log(`  cron, second run (idempotent)          ${fmt(second.ms)}  ${ratio(second.ms)}  changed ${second.value.changed}`);
  if (second.value.changed !== 0) {
    console.error("the second run changed something: the evaluation is not idempotent");
    process.exitCode = 1;
  }
} finally {
  await close();
}
