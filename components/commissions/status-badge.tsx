import { Badge } from "@/components/ui/badge";
import { COMMISSION_STATUS_LABELS, COMMISSION_STATUS_TONES } from "@/lib/commissions/labels";
import type { CommissionStatus } from "@/lib/commissions/rules";

export function CommissionStatusBadge({ status }: { status: CommissionStatus }) {
  return <Badge tone={COMMISSION_STATUS_TONES[status]}>{COMMISSION_STATUS_LABELS[status]}</Badge>;
}
