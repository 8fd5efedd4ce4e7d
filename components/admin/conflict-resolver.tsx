"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

export function ConflictResolver({
  conflictId,
  options,
  resolve,
}: {
  conflictId: string;
  options: { dealId: string; label: string; first: boolean }[];
  resolve: (conflictId: string, input: unknown) => Promise<ActionResult>;
}) {
  const router = useRouter();
  const [winner, setWinner] = useState(options.find((o) => o.first)?.dealId ?? options[0]!.dealId);
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  const fields = result && !result.ok ? (result.error.fields ?? {}) : {};
  const id = `reason-${conflictId}`;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const res = await resolve(conflictId, { winnerDealId: winner, reason });
          setResult(res);
          if (res.ok) router.refresh();
        });
      }}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-ink">Which registration stands?</legend>
        {options.map((o) => (
          <label key={o.dealId} className="flex items-center gap-2 text-sm">
            <input type="radio" name={`winner-${conflictId}`} value={o.dealId} checked={winner === o.dealId} onChange={() => setWinner(o.dealId)} className="accent-brand-700" />
            {o.label}
            {o.first ? <span className="text-xs text-ink-subtle">(registered first: wins by default)</span> : null}
          </label>
        ))}
      </fieldset>
      <Field id={id} label="Reason" hint="Both partners receive it by email." error={fields.reason?.[0]}>
        <Textarea {...fieldAria(id, fields.reason?.[0], true)} rows={2} className="min-h-16" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" pending={pending}>
          Decide conflict
        </Button>
        {result && !result.ok && !result.error.fields ? <Alert tone="error">{result.error.message}</Alert> : null}
        {result?.ok ? <Alert tone="success">Decided. Both partners were notified.</Alert> : null}
      </div>
    </form>
  );
}
