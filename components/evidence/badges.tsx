import { Badge } from "@/components/ui/badge";
import { STACK_LABELS, type Stack } from "@/lib/partners/constants";
import { categoryOf } from "@/lib/nps/score";
import { formatRate, meetsSurvivalBar } from "@/lib/quality/rules";

export function StackBadge({ stack }: { stack: Stack }) {
  return <Badge tone="neutral">{STACK_LABELS[stack]}</Badge>;
}

/** A survival rate coloured against the 99.9% bar. */
export function SurvivalBadge({ checked, survived }: { checked: number; survived: number }) {
  if (checked <= 0) return <Badge tone="gray">No checks</Badge>;
  const ok = meetsSurvivalBar(checked, survived);
  return (
    <Badge tone={ok ? "green" : survived / checked >= 0.99 ? "amber" : "red"}>
      <span aria-hidden="true">{ok ? "●" : "▲"}</span> {formatRate(survived / checked)}
      <span className="sr-only">{ok ? " (meets the 99.9% bar)" : " (below the 99.9% bar)"}</span>
    </Badge>
  );
}

export function VerifiedBadge({ verifiedAt }: { verifiedAt: Date | null }) {
  return verifiedAt ? <Badge tone="green">Verified</Badge> : <Badge tone="amber">Awaiting verification</Badge>;
}

export function ScoreBadge({ score }: { score: number }) {
  const c = categoryOf(score);
  return (
    <Badge tone={c === "promoter" ? "green" : c === "passive" ? "amber" : "red"}>
      {score}
      <span className="sr-only"> ({c})</span>
    </Badge>
  );
}
