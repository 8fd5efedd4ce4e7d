import { Badge, type Tone } from "@/components/ui/badge";
import { PAYOUT_STATUS_HELP, PAYOUT_STATUS_LABELS } from "@/lib/payouts/labels";
import type { PayoutStatus } from "@/lib/payouts/rules";

const TONES: Record<PayoutStatus, Tone> = { held: "amber", pending: "blue", processing: "blue", paid: "green", failed: "red", manual: "violet" };

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  return (
    <span title={PAYOUT_STATUS_HELP[status]}>
      <Badge tone={TONES[status]}>{PAYOUT_STATUS_LABELS[status]}</Badge>
    </span>
  );
}
