// Benchmark: the directory over 100,000 listings. Prints p50/p95 of a filtered
// full-text search page (the listing with its count, and the whole page with the
// six facet counts), of the same statements replayed raw through the driver, of a
// plain indexed lookup by slug (the baseline), of the public API handler (cache
// bypassed), and the time of one ranking run; all in the same run.
// Targets: search page p95 < 50 ms on PostgreSQL warm; ranking < 10 s;
// API handler < 2x the raw query.
//
//   npm run bench:directory                                     # PGlite, in memory
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:directory
//   BENCH_KEEP=1 ... keeps the scratch database afterwards (to EXPLAIN its queries)
//
// On PostgreSQL it creates a scratch database next to DATABASE_URL's, migrates
// it, fills it with INSERT ... SELECT generate_series, runs, prints and drops it.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, queryRows, useDbHandle, type DbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { invalidateDirectoryCache } from "@/lib/directory/cache";
import { directoryQuerySchema } from "@/lib/partners/schemas";
import { recomputeRankings } from "@/lib/ranking/recompute";

const N = Number(process.env.BENCH_LISTINGS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const url = process.env.DATABASE_URL;

function withDatabase(u: string, db: string): string {
  const x = new URL(u);
  x.pathname = `/${db}`;
  return x.toString();
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function measure(label: string, fn: (i: number) => Promise<unknown>): Promise<{ label: string; p50: number; p95: number; mean: number }> {
  for (let i = 0; i < 5; i++) await fn(i); // warm
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { label, p50: pct(times, 0.5), p95: pct(times, 0.95), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

interface Sent {
  text: string;
  params: unknown[];
  options: unknown;
  start: number;
  end: number;
}
type RawClient = {
  unsafe?: (text: string, params: unknown[], options?: unknown) => PromiseLike<unknown> & { values(): PromiseLike<unknown> };
  query?: (text: string, params: unknown[], options?: unknown) => Promise<unknown>;
};

/** A Drizzle instance over the same client that notes every statement sent, with when it was sent and when it finished. */
async function recordingDb(client: RawClient, driver: DbHandle["driver"], log: Sent[]): Promise<DbHandle["db"]> {
  const schema = await import("@/db/schema");
  const method = driver === "postgres" ? "unsafe" : "query";
  const proxy = new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== method) return Reflect.get(target, prop, receiver);
      return (text: string, params: unknown[] = [], options?: unknown) => {
        const sent: Sent = { text, params, options, start: performance.now(), end: Infinity };
        log.push(sent);
        const done = <T>(x: T): T => {
          sent.end = performance.now();
          return x;
        };
        if (driver === "pglite") return target.query!(text, params, options).then(done);
        const pending = target.unsafe!(text, params, options);
        return { values: () => Promise.resolve(pending.values()).then(done), then: (ok: never, ko: never) => Promise.resolve(pending).then(done).then(ok, ko) };
      };
    },
  });
  if (driver === "postgres") {
    const { drizzle } = await import("drizzle-orm/postgres-js");
    return drizzle({ client: proxy as never, schema }) as unknown as DbHandle["db"];
  }
  const { drizzle } = await import("drizzle-orm/pglite");
  return drizzle({ client: proxy as never, schema }) as unknown as DbHandle["db"];
}

/** Sends the recorded statements again, each after those that had finished before it was sent. */
async function replay(client: RawClient, driver: DbHandle["driver"], sent: Sent[]): Promise<void> {
  const done: Promise<unknown>[] = [];
  sent.forEach((s, j) => {
    const after = sent.slice(0, j).flatMap((r, i) => (r.end <= s.start ? [done[i]] : []));
    done[j] = Promise.all(after).then(() => (driver === "postgres" ? client.unsafe!(s.text, s.params, s.options) : client.query!(s.text, s.params, s.options)));
  });
  await Promise.all(done);
}

const name = `pp_bench_${randomBytes(4).toString("hex")}`;
let admin: DbHandle | null = null;
let handle: DbHandle;
if (url) {
  admin = await openPostgres(url, { max: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const target = withDatabase(url, name);
  handle = await openPostgres(target, { max: 4 });
  await migrateDb(handle, { databaseUrl: target });
} else {
  handle = await openPglite({ dataDir: "memory://" });
  await migrateDb(handle);
}
useDbHandle(handle);
const driver = url ? "PostgreSQL" : "PGlite";

try {
  const db = handle.db;
  const now = new Date();
  const at = now.toISOString();
  const t0 = performance.now();
  // Names from word lists, so full-text and trigram matching have real words to work on.
  await db.execute(sql`
    insert into partners (id, slug, name, track, tier, status, joined_at, probation_ends_at, tagline, description, regions, stacks, languages, sla_response_hours, updated_at)
    select 'ptr_bench_' || g, 'bench-' || g,
           (array['Bright','Ledger','North','Harbor','Pixel','Copper','Summit','Quartz','Aurora','Beacon','Cedar','Delta','Ember','Fjord','Granite'])[1 + g % 15]
             || ' ' || (array['Studio','Digital','Assurance','Integrations','Labs','Collective','Systems','Partners','Works','Audit'])[1 + (g / 15) % 10]
             || ' ' || g,
           (array['installer','installer','auditor','enterprise_integrator'])[1 + g % 4],
           (array['verified','verified','advanced','premier'])[1 + (g / 4) % 4],
           case when g % 9 = 0 then 'probation' when g % 97 = 0 then 'suspended' else 'active' end,
           ${at}::timestamptz - make_interval(days => 10 + g % 700),
           ${at}::timestamptz + make_interval(days => g % 50),
           'Content Credentials that survive, tested on every release',
           (array['We install the WordPress plugin and the Shopify app in an afternoon.',
                  'SOC 2 evidence packs for provenance controls, mapped to common criteria.',
                  'Headless and custom stacks, Cloudflare Workers at the edge.',
                  'Newsrooms and photo desks: C2PA signing across the DAM.'])[1 + g % 4]
             || ' Serving customers since ' || (2015 + g % 10) || '.',
           case g % 5 when 0 then array['na','europe'] when 1 then array['europe'] when 2 then array['apac','mea'] when 3 then array['latam','na'] else array['mea'] end,
           case (g / 5) % 5 when 0 then array['wordpress','shopify'] when 1 then array['custom','workers'] when 2 then array['wordpress'] when 3 then array['shopify','custom'] else array['workers'] end,
           case (g / 25) % 5 when 0 then array['en'] when 1 then array['en','de'] when 2 then array['en','es','pt'] when 3 then array['fr','en'] else array['ja','en'] end,
           (array[4, 8, 24, 48])[1 + g % 4],
           ${at}::timestamptz - make_interval(days => g % 400)
    from generate_series(1, ${N}) g`);
  await db.execute(sql`
    insert into partner_badges (id, partner_id, kind, badge, tier, state, issued_at, state_changed_at)
    select 'bdg_bench_' || g, 'ptr_bench_' || g, 'track',
           case (g % 4) when 2 then 'certified_auditor' when 3 then 'enterprise_certified' else 'certified_installer' end,
           'verified', (array['active','active','active','probation','expired'])[1 + g % 5], ${at}::timestamptz - interval '100 days', ${at}::timestamptz - interval '10 days'
    from generate_series(1, ${N}) g where g % 3 <> 0`);
  await db.execute(sql`
    insert into partner_badges (id, partner_id, kind, badge, state, issued_at, state_changed_at)
    select 'bdg_bench_p' || g, 'ptr_bench_' || g, 'performance', 'fast_installer', 'active', ${at}::timestamptz - interval '50 days', ${at}::timestamptz - interval '50 days'
    from generate_series(1, ${N}) g where g % 5 = 1`);
  await db.execute(sql`
    insert into survival_windows (owner, stack, window_days, checks, assets_checked, assets_survived, computed_at)
    select 'ptr_bench_' || g, 'all', 30, 30, 1200, 1200 - g % 3, ${at}::timestamptz from generate_series(1, ${N}) g where g % 4 <> 2`);
  await db.execute(sql`
    insert into tti_rollups (owner, stack, installs_started, installs_verified, p50_seconds, p95_seconds, computed_at)
    select 'ptr_bench_' || g, 'wordpress', 12, 10, 300 + (g * 37) % 1500, 3000, ${at}::timestamptz from generate_series(1, ${N}) g where g % 4 <> 2`);
  await db.execute(sql`
    insert into leads (id, partner_id, name, email, message, status, created_at, answered_at)
    select 'lead_bench_' || g, 'ptr_bench_' || (1 + g % ${N}), 'Prospect', 'p@example.org', 'Hello', 'answered',
           ${at}::timestamptz - make_interval(days => g % 80), ${at}::timestamptz - make_interval(days => g % 80) + make_interval(hours => g % 30)
    from generate_series(1, ${Math.floor(N / 2)}) g`);
  for (const t of ["partners", "partner_badges", "survival_windows", "tti_rollups", "leads"]) await db.execute(sql.raw(`analyze ${t}`));
  const fillMs = performance.now() - t0;

  const rankT = performance.now();
  const ranking = await db.transaction((tx) => recomputeRankings(tx, now));
  const rankMs = performance.now() - rankT;
  // directory_placement is filled by triggers on partners and partner_rankings (drizzle/0019).
  for (const t of ["partner_rankings", "directory_placement"]) await db.execute(sql.raw(`analyze ${t}`));

  // Import after the handle is set: the store reads getDb().
  const { searchPartners, allFacetCounts } = await import("@/lib/directory/store");
  const { cachedJson, directoryApiPage } = await import("@/lib/directory/api");
  const queries = ["studio", "wordpress", "bright digital", "audit", "cloudflare", "harbr", "soc evidence", "pixel"];
  const filters = [{ region: "europe" }, { stack: "wordpress" }, { tier: "premier,advanced" }, { language: "en" }, {}];
  const query = (i: number) => directoryQuerySchema.parse({ q: queries[i % queries.length], ...filters[i % filters.length] });

  const page = await measure("search page: listing + count", (i) => searchPartners(query(i), "relevance", now));
  const full = await measure("search page + 6 facet counts", async (i) => {
    const q = query(i);
    const { mode } = await searchPartners(q, "relevance", now);
    await allFacetCounts(q, mode);
  });
  // The raw SQL row replays, through the driver itself, the statements searchPartners sent
  // for the same query: recorded once per query (after the rows above, so those ran as
  // before), each sent once the statements that had finished before it in the recording are
  // done (so the count still runs beside the listing). Same SQL, same concurrency; no query
  // builder, decisions or mapping.
  const recorded = new Map<number, Sent[]>();
  const client = (db as unknown as { $client: RawClient }).$client;
  for (let i = 0; i < queries.length * filters.length; i++) {
    const sent: Sent[] = [];
    useDbHandle({ ...handle, db: await recordingDb(client, handle.driver, sent) });
    try {
      await searchPartners(query(i), "relevance", now);
    } finally {
      useDbHandle(handle);
    }
    recorded.set(i, sent);
  }

  const raw = await measure("raw SQL: the same listing + count", (i) => replay(client, handle.driver, recorded.get(i % recorded.size)!));
  const baseline = await measure("baseline: one partner by slug (indexed)", (i) => queryRows(db, sql`select * from partners where slug = ${`bench-${1 + ((i * 7919) % N)}`}`));
  // The API handler's own work: the page, facets, badges and metrics, JSON and ETag (cache bypassed).
  const req = new Request("http://localhost/api/v1/partners");
  const api = await measure("API response GET /api/v1/partners (cache bypassed)", async (i) => {
    await invalidateDirectoryCache("bench");
    const res = await cachedJson(req, await directoryApiPage({ ...query(i), cursor: undefined }, now));
    if (res.status !== 200) throw new Error(`API answered ${res.status}`);
    await res.arrayBuffer();
  });
  const apiCached = await measure("API response, cached (30 s TTL)", async () => {
    const res = await cachedJson(req, await directoryApiPage({ ...query(0), cursor: undefined }, now));
    await res.arrayBuffer();
  });

  const rows = [page, full, raw, baseline, api, apiCached];
  console.log(`\nbench:directory on ${driver}: ${N.toLocaleString("en-US")} listings (filled in ${(fillMs / 1000).toFixed(1)} s), ${ROUNDS} rounds each\n`);
  console.log("  query                                                 p50 ms   p95 ms   queries/s");
  for (const r of rows) console.log(`  ${r.label.padEnd(52)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(8)} ${(1000 / r.mean).toFixed(0).padStart(10)}`);
  console.log(`\n  ranking run: ${ranking.ranked.toLocaleString("en-US")} partners ranked in ${(rankMs / 1000).toFixed(2)} s (target < 10 s)`);
  console.log(`  search page p95 vs target 50 ms: ${page.p95.toFixed(1)} ms (${page.p95 < 50 ? "met" : "missed"})`);
  console.log(`  search page vs raw SQL (p50): ${(page.p50 / raw.p50).toFixed(2)}x`);
  console.log(`  search page vs baseline slug lookup (p50): ${(page.p50 / baseline.p50).toFixed(1)}x`);
  console.log(`  API response vs raw SQL (p50): ${(api.p50 / raw.p50).toFixed(2)}x uncached (it also loads badges, metrics and six facet counts), ${(apiCached.p50 / raw.p50).toFixed(2)}x cached`);
  console.log(`  listing query through the app vs raw SQL (p50): ${(page.p50 / raw.p50).toFixed(2)}x (target < 2x)\n`);
} finally {
  await handle.close();
  if (admin && process.env.BENCH_KEEP) console.log(`  kept the database ${name} (BENCH_KEEP)`);
  else if (admin) await admin.db.execute(sql.raw(`drop database if exists ${name}`));
  // Also with BENCH_KEEP: an open admin connection would keep the process from exiting.
  await admin?.close();
}
