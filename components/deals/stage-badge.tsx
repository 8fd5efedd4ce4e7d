import { Badge } from "@/components/ui/badge";
import { DEAL_STAGE_LABELS, type DealStage } from "@/lib/deals/rules";

const TONES: Record<DealStage, "blue" | "brand" | "green" | "gray" | "red"> = {
  registered: "blue",
  accepted: "brand",
  won: "green",
  lost: "red",
  expired: "gray",
};

export function DealStageBadge({ stage, inConflict }: { stage: DealStage; inConflict?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={TONES[stage]}>{DEAL_STAGE_LABELS[stage]}</Badge>
      {inConflict ? <Badge tone="amber">In conflict review</Badge> : null}
    </span>
  );
}
