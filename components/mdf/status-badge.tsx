import { Badge, type Tone } from "@/components/ui/badge";
import { MDF_STATUS_LABELS, type MdfStatus } from "@/lib/mdf/rules";

const TONES: Record<MdfStatus, Tone> = {
  pending: "amber",
  approved: "green",
  partly_approved: "blue",
  rejected: "red",
  claim_submitted: "violet",
  reimbursed: "brand",
  claim_rejected: "red",
};

export function MdfStatusBadge({ status }: { status: MdfStatus }) {
  return <Badge tone={TONES[status]}>{MDF_STATUS_LABELS[status]}</Badge>;
}
