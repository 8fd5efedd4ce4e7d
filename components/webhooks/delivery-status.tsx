import { Badge } from "@/components/ui/badge";

const DELIVERY = {
  pending: { tone: "blue", label: "Pending" },
  succeeded: { tone: "green", label: "Delivered" },
  failed: { tone: "amber", label: "Retrying" },
  dead: { tone: "red", label: "Failed" },
} as const;

export function DeliveryStatus({ status }: { status: keyof typeof DELIVERY }) {
  const s = DELIVERY[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

export function EndpointStatus({ status, failing }: { status: "active" | "disabled"; failing?: boolean }) {
  if (status === "disabled") return <Badge tone="gray">Disabled</Badge>;
  return failing ? <Badge tone="amber">Failing</Badge> : <Badge tone="green">Active</Badge>;
}

export function HttpStatus({ status, error }: { status: number | null; error: string | null }) {
  if (status === null) return <span className="text-ink-muted">{error ? "No response" : "—"}</span>;
  const ok = status >= 200 && status < 300;
  return <span className={ok ? "font-mono text-emerald-700" : "font-mono text-red-700"}>{status}</span>;
}
