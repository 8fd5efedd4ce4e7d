import { Badge } from "@/components/ui/badge";

const TONES = { sent: "green", stored: "blue", pending: "amber", failed: "red" } as const;
const LABELS = { sent: "Sent", stored: "In outbox", pending: "Sending", failed: "Failed" } as const;

export function EmailStatus({ status }: { status: keyof typeof TONES }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}
