import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { STACKS, TIERS } from "@/lib/partners/constants";
import { TTI_BAR_SECONDS } from "@/lib/quality/rules";
import { RANKING, placementBand } from "./score";

// The ranking run (no server-only import: the seed runs it too), set-based: one INSERT ... SELECT computes every listed
// partner's components and rank with window functions, from the same
// constants as the pure module lib/ranking/score.ts (which documents the
// formulas). The two are checked against each other in ranking.test.ts.

const DAY_MS = 86_400_000;

const f = (x: number) => sql`${x}::float8`;

export interface RankingRunResult {
  ranked: number;
  changed: number;
  removed: number;
}

export async function recomputeRankings(db: Queryable, now: Date): Promise<RankingRunResult> {
  const at = now.toISOString();
  const since = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const bars = sql.join(
    STACKS.map((s) => sql`(${s}::text, ${f(TTI_BAR_SECONDS[s])})`),
    sql`, `,
  );
  const bands = sql.join(
    TIERS.map((t) => sql`(${t}::text, ${placementBand(t)}::int)`),
    sql`, `,
  );
  const c = RANKING.compliance;
  const ac = RANKING.auditorCompliance;
  const w = RANKING.weights;
  const [row] = await queryRows<{ ranked: number; changed: number }>(db, sql`
    with listed as (
      select p.id, p.name, p.track, p.tier, p.sla_response_hours, b.band,
             (p.status = 'probation' and (p.probation_ends_at is null or p.probation_ends_at > ${at}::timestamptz)) as on_probation
      from partners p join (values ${bands}) as b(tier, band) on b.tier = p.tier
      where p.status <> 'suspended'
    ),
    surv as (
      select owner as partner_id, assets_checked::float8 as checked, assets_survived::float8 as survived
      from survival_windows where stack = 'all' and window_days = ${RANKING.survivalWindowDays}
    ),
    badge as (
      select l.id as partner_id,
             max(case pb.state when 'active' then ${f(RANKING.badgeCredit.active!)} when 'probation' then ${f(RANKING.badgeCredit.probation!)} else 0::float8 end) as credit
      from listed l join partner_badges pb on pb.partner_id = l.id and pb.kind = 'track'
        and pb.badge = case l.track when 'installer' then 'certified_installer' when 'auditor' then 'certified_auditor' else 'enterprise_certified' end
      group by l.id
    ),
    evidence as (
      select partner_id, count(*)::float8 as n from (
        select partner_id from survival_reports
        where published_at >= ${since(RANKING.evidenceWindowDays)}::timestamptz and published_at <= ${at}::timestamptz
        union all
        select partner_id from evidence_exports
        where created_at >= ${since(RANKING.evidenceWindowDays)}::timestamptz and created_at <= ${at}::timestamptz
      ) e group by partner_id
    ),
    tti as (
      select r.owner as partner_id,
             sum(r.installs_verified * greatest(0::float8, least(1::float8,
               (${f(RANKING.ttiZeroRatio)} - r.p50_seconds / bars.bar) / ${f(RANKING.ttiZeroRatio - 1)})))
               / sum(r.installs_verified) as t
      from tti_rollups r join (values ${bars}) as bars(stack, bar) on bars.stack = r.stack
      where r.installs_verified > 0 and r.p50_seconds is not null
      group by r.owner
    ),
    sla as (
      select l.partner_id,
             count(*) filter (where (l.answered_at is not null and l.answered_at <= ${at}::timestamptz)
                                 or l.created_at + p.sla_response_hours * interval '1 hour' <= ${at}::timestamptz)::float8 as counted,
             count(*) filter (where l.answered_at is not null and l.answered_at <= ${at}::timestamptz
                                 and l.answered_at <= l.created_at + p.sla_response_hours * interval '1 hour')::float8 as met
      from leads l join listed p on p.id = l.partner_id
      where p.sla_response_hours is not null
        and l.created_at >= ${since(RANKING.slaWindowDays)}::timestamptz and l.created_at <= ${at}::timestamptz
      group by l.partner_id
    ),
    nps as (
      select r.partner_id,
             count(*) filter (where r.score >= 9)::float8 as promoters,
             count(*) filter (where r.score between 7 and 8)::float8 as passives,
             count(*) filter (where r.score <= 6)::float8 as detractors
      from nps_responses r join listed l on l.id = r.partner_id
      where r.audience = 'customer'
        and r.responded_at >= ${since(RANKING.npsWindowDays)}::timestamptz and r.responded_at <= ${at}::timestamptz
      group by r.partner_id
    ),
    program as (
      select coalesce((sum(promoters) - sum(detractors)) / nullif(sum(promoters + passives + detractors), 0), 0::float8) as mean from nps
    ),
    activity as (
      select partner_id,
             sum(power(2::float8, -(extract(epoch from (${at}::timestamptz - at))::float8 / 86400) / ${f(RANKING.activityHalfLifeDays)})) as mass
      from (
        select partner_id, started_at as at from installs where partner_id is not null
        union all select partner_id, published_at from survival_reports where published_at is not null
        union all select partner_id, created_at from evidence_exports
        union all select partner_id, answered_at from leads where answered_at is not null
        union all select id, updated_at from partners
      ) a
      where at >= ${since(RANKING.activityWindowDays)}::timestamptz and at <= ${at}::timestamptz
      group by partner_id
    ),
    parts as (
      select l.*,
             case when l.track = 'auditor' then null
                  when coalesce(s.checked, 0) <= 0 then 0::float8
                  else greatest(0::float8, least(1::float8, (s.survived / s.checked - ${f(RANKING.survivalFloor)}) / ${f(RANKING.survivalBar - RANKING.survivalFloor)}))
             end as survival,
             coalesce(b.credit, 0::float8) as certification,
             least(1::float8, coalesce(e.n, 0) / ${f(RANKING.evidenceTarget)}) as evidence,
             case when l.track = 'auditor' then null else coalesce(t.t, 0::float8) end as tti,
             case when l.sla_response_hours is null then 0::float8
                  when coalesce(sl.counted, 0) = 0 then ${f(RANKING.slaNothingDue)}
                  else sl.met / sl.counted end as sla,
             coalesce(n.promoters, 0) as promoters, coalesce(n.passives, 0) as passives, coalesce(n.detractors, 0) as detractors,
             (coalesce(n.promoters, 0) - coalesce(n.detractors, 0) + ${f(RANKING.npsPriorWeight)} * program.mean)
               / (coalesce(n.promoters + n.passives + n.detractors, 0) + ${f(RANKING.npsPriorWeight)}) as nps_shrunk,
             coalesce(a.mass, 0::float8) as mass
      from listed l
      cross join program
      left join surv s on s.partner_id = l.id
      left join badge b on b.partner_id = l.id
      left join evidence e on e.partner_id = l.id
      left join tti t on t.partner_id = l.id
      left join sla sl on sl.partner_id = l.id
      left join nps n on n.partner_id = l.id
      left join activity a on a.partner_id = l.id
    ),
    components as (
      select parts.*,
             case when track = 'auditor'
                  then ${f(ac.certification)} * certification + ${f(ac.evidence)} * evidence
                  else ${f(c.survival)} * survival + ${f(c.certification)} * certification + ${f(c.evidence)} * evidence
             end as compliance,
             case when track = 'auditor' then sla
                  else ${f(RANKING.performance.tti)} * tti + ${f(RANKING.performance.sla)} * sla
             end as performance,
             (nps_shrunk + 1) / 2 as satisfaction,
             mass / (mass + ${f(RANKING.activityHalfSaturation)}) as recency
      from parts
    ),
    scored as (
      select components.*,
             round((${f(w.compliance)} * compliance + ${f(w.performance)} * performance
                    + ${f(w.satisfaction)} * satisfaction + ${f(w.recency)} * recency)::numeric, 6)::float8 as score
      from components
    ),
    prev as (select partner_id, rank, score from partner_rankings),
    written as (
      insert into partner_rankings (partner_id, score, compliance, performance, satisfaction, recency, placement_band, on_probation, rank, inputs, computed_at)
      select id, score, compliance, performance, satisfaction, recency, band, on_probation::int,
             row_number() over (order by band, on_probation, score desc, name collate "C", id collate "C"),
             jsonb_build_object(
               'survival', survival, 'certification', certification, 'evidence', evidence, 'tti', tti, 'sla', sla,
               'promoters', promoters, 'passives', passives, 'detractors', detractors, 'npsShrunk', nps_shrunk,
               'activityMass', mass),
             ${at}::timestamptz
      from scored
      on conflict (partner_id) do update set
        score = excluded.score, compliance = excluded.compliance, performance = excluded.performance,
        satisfaction = excluded.satisfaction, recency = excluded.recency, placement_band = excluded.placement_band,
        on_probation = excluded.on_probation, rank = excluded.rank, inputs = excluded.inputs, computed_at = excluded.computed_at
      returning partner_id, rank, score
    )
    select count(*)::int as ranked,
           count(*) filter (where prev.partner_id is null or prev.rank <> written.rank or prev.score <> written.score)::int as changed
    from written left join prev using (partner_id)
  `);
  const removed = await queryRows(db, sql`
    delete from partner_rankings r using partners p where p.id = r.partner_id and p.status = 'suspended' returning r.partner_id
  `);
  return { ranked: Number(row?.ranked ?? 0), changed: Number(row?.changed ?? 0), removed: removed.length };
}

