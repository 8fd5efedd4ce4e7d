import { Badge, type Tone } from "@/components/ui/badge";
import type { BadgeState } from "@/db/schema/badges";
import type { ViolationStatus } from "@/db/schema/badge-monitoring";
import { STATE_LABELS } from "@/lib/badges/model";

const STATE_TONES: Record<BadgeState, Tone> = { active: "green", probation: "gray", expired: "amber", revoked: "red" };

export function BadgeStateBadge({ state }: { state: BadgeState }) {
  return (
    <span data-testid="badge-state">
      <Badge tone={STATE_TONES[state]}>{STATE_LABELS[state]}</Badge>
    </span>
  );
}

const VIOLATION_TONES: Record<ViolationStatus, Tone> = { open: "red", fix_claimed: "amber", resolved: "green", escalated: "violet" };
const VIOLATION_STATUS_LABELS: Record<ViolationStatus, string> = { open: "Open", fix_claimed: "Fix claimed: rescan pending", resolved: "Resolved", escalated: "Escalated" };

export function ViolationStatusBadge({ status }: { status: ViolationStatus }) {
  return <Badge tone={VIOLATION_TONES[status]}>{VIOLATION_STATUS_LABELS[status]}</Badge>;
}
