import { Badge, type Tone } from "@/components/ui/badge";
import type { MarketingStatus } from "@/db/schema";

export const MARKETING_STATUS_LABELS: Record<MarketingStatus, string> = {
  pending: "Waiting for review",
  changes_requested: "Changes requested",
  approved: "Approved",
};
const TONES: Record<MarketingStatus, Tone> = { pending: "amber", changes_requested: "red", approved: "green" };

export function MarketingStatusBadge({ status }: { status: MarketingStatus }) {
  return <Badge tone={TONES[status]}>{MARKETING_STATUS_LABELS[status]}</Badge>;
}
