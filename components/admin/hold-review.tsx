"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

export function HoldReview({ commissionId, review }: { commissionId: string; review: (commissionId: string, input: unknown) => Promise<ActionResult> }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  const fields = result && !result.ok ? (result.error.fields ?? {}) : {};
  const id = `hold-reason-${commissionId}`;
  const decide = (decision: "clear" | "reject") =>
    start(async () => {
      const res = await review(commissionId, { decision, reason });
      setResult(res);
      if (res.ok) router.refresh();
    });
  return (
    <div className="space-y-2">
      <Field id={id} label="Decision reason" error={fields.reason?.[0]}>
        <Textarea {...fieldAria(id, fields.reason?.[0])} rows={2} className="min-h-16" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" pending={pending} onClick={() => decide("clear")}>
          Clear hold
        </Button>
        <Button size="sm" variant="danger" pending={pending} onClick={() => decide("reject")}>
          Reject
        </Button>
        {result && !result.ok && !result.error.fields ? <Alert tone="error">{result.error.message}</Alert> : null}
      </div>
    </div>
  );
}
