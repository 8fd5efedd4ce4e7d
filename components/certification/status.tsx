import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import type { RequirementResult } from "@/lib/certification/requirements";

export type CertStatus = "uncertified" | "probation" | "certified" | "recertifying" | "expired";

const STATUS: Record<CertStatus, { label: string; tone: Tone }> = {
  uncertified: { label: "Not certified yet", tone: "gray" },
  probation: { label: "Certified — probation", tone: "amber" },
  certified: { label: "Certified", tone: "green" },
  recertifying: { label: "Re-certification due", tone: "blue" },
  expired: { label: "Expired", tone: "red" },
};

export function CertificationStatusBadge({ status }: { status: CertStatus }) {
  const s = STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

const BADGE_STATE: Record<string, Tone> = { active: "green", probation: "gray", expired: "red", revoked: "red" };

export function BadgeStateBadge({ state }: { state: string }) {
  return <Badge tone={BADGE_STATE[state] ?? "neutral"}>{state === "probation" ? "probation (gray)" : state}</Badge>;
}

export function ReviewStatusBadge({ status }: { status: string }) {
  return <Badge tone={status === "approved" ? "green" : status === "rejected" ? "red" : "amber"}>{status === "pending" ? "In review" : status === "approved" ? "Approved" : "Rejected"}</Badge>;
}

export function SlaBadge({ sla }: { sla: "met" | "missed" | "open" | "overdue" }) {
  const map = { met: ["green", "SLA met"], missed: ["red", "SLA missed"], open: ["blue", "Awaiting response"], overdue: ["red", "Overdue"] } as const;
  return <Badge tone={map[sla][0]}>{map[sla][1]}</Badge>;
}

/** One row per requirement: met or missing, progress, and the next step with its link. */
export function RequirementList({ requirements }: { requirements: RequirementResult[] }) {
  return (
    <ul className="divide-y divide-slate-100" aria-label="Requirements">
      {requirements.map((r) => (
        <li key={r.id} className="flex flex-wrap items-start justify-between gap-3 px-5 py-3" data-testid={`requirement-${r.id}`}>
          <div className="min-w-0 flex-1">
            <div className="flex items-center gap-2">
              <span aria-hidden="true" className={r.met ? "text-emerald-600" : "text-amber-600"}>
                {r.met ? "✔" : "○"}
              </span>
              <span className="font-medium text-ink">{r.label}</span>
            </div>
            <p className="ml-6 text-sm text-ink-muted">{r.progress}</p>
            {!r.met && r.nextStep ? (
              <p className="ml-6 text-sm">
                Next: {r.href ? <Link className="font-medium text-brand-800 underline" href={r.href}>{r.nextStep}</Link> : r.nextStep}
              </p>
            ) : null}
          </div>
          <Badge tone={r.met ? "green" : "amber"}>{r.met ? "Met" : "Missing"}</Badge>
        </li>
      ))}
    </ul>
  );
}
