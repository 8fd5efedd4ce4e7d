import { Badge, type Tone } from "@/components/ui/badge";
import { TIER_LABELS, TRACK_LABELS, type Tier, type Track } from "@/lib/partners/constants";

const TIER_TONES: Record<Tier, Tone> = { verified: "blue", advanced: "violet", premier: "amber" };

export function TierBadge({ tier, probation }: { tier: Tier; probation?: boolean }) {
  if (probation) {
    return (
      <Badge tone="gray">
        <span aria-hidden="true">◌</span> {TIER_LABELS[tier]} · Probation
      </Badge>
    );
  }
  return (
    <Badge tone={TIER_TONES[tier]}>
      <span aria-hidden="true">{tier === "premier" ? "★" : tier === "advanced" ? "◆" : "●"}</span> {TIER_LABELS[tier]}
    </Badge>
  );
}

export function TrackBadge({ track }: { track: Track }) {
  return <Badge tone="brand">{TRACK_LABELS[track]}</Badge>;
}
