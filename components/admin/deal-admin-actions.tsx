"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

export function DealAdminActions({
  dealId,
  canExtend,
  canAccept,
  canClose,
  extend,
  setStage,
}: {
  dealId: string;
  canExtend: boolean;
  canAccept: boolean;
  canClose: boolean;
  extend: (dealId: string, input: unknown) => Promise<ActionResult>;
  setStage: (dealId: string, input: unknown) => Promise<ActionResult>;
}) {
  const router = useRouter();
  const [days, setDays] = useState("30");
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  const fields = result && !result.ok ? (result.error.fields ?? {}) : {};
  const run = (fn: () => Promise<ActionResult>) =>
    start(async () => {
      const res = await fn();
      setResult(res);
      if (res.ok) router.refresh();
    });
  return (
    <div className="space-y-4">
      {canExtend ? (
        <form
          className="grid gap-3 sm:grid-cols-[7rem_1fr_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => extend(dealId, { days, reason }));
          }}
        >
          <Field id="extend-days" label="Extend by (days)" error={fields.days?.[0]}>
            <Input {...fieldAria("extend-days", fields.days?.[0])} type="number" min={1} max={90} value={days} onChange={(e) => setDays(e.target.value)} />
          </Field>
          <Field id="extend-reason" label="Reason" error={fields.reason?.[0]}>
            <Input {...fieldAria("extend-reason", fields.reason?.[0])} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <Button type="submit" variant="secondary" pending={pending}>
            Extend protection
          </Button>
        </form>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {canAccept ? (
          <Button size="sm" pending={pending} onClick={() => run(() => setStage(dealId, { stage: "accepted" }))}>
            Accept registration
          </Button>
        ) : null}
        {canClose ? (
          <Button size="sm" variant="danger" pending={pending} onClick={() => run(() => setStage(dealId, { stage: "lost", reason: reason || undefined }))}>
            Close as lost
          </Button>
        ) : null}
      </div>
      {result?.ok ? <Alert tone="success">{result.message ?? "Saved"}</Alert> : null}
      {result && !result.ok && !result.error.fields ? <Alert tone="error">{result.error.message}</Alert> : null}
    </div>
  );
}
