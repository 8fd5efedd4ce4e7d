"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

/** Approve, or reject with a reason, one proof-link review. */
export function ReviewDecision({ reviewId, decide }: { reviewId: string; decide: (reviewId: string, input: unknown) => Promise<ActionResult> }) {
  const router = useRouter();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  const run = (input: unknown) =>
    start(async () => {
      const res = await decide(reviewId, input);
      setResult(res);
      if (res.ok) router.refresh();
    });
  const reasonError = result && !result.ok ? result.error.fields?.reason?.[0] : undefined;
  return (
    <div className="space-y-3">
      {rejecting ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            run({ decision: "reject", reason });
          }}
        >
          <Field id={`reason-${reviewId}`} label="Reason (sent to the partner)" error={reasonError}>
            <Input id={`reason-${reviewId}`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} aria-invalid={reasonError ? true : undefined} />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" variant="danger" size="sm" pending={pending}>
              Reject
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => setRejecting(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex gap-2">
          <Button size="sm" pending={pending} onClick={() => run({ decision: "approve" })}>
            Approve
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setRejecting(true)}>
            Reject…
          </Button>
        </div>
      )}
      {result && !result.ok && !reasonError ? (
        <Alert tone="error" testId="review-error">
          {result.error.message}
        </Alert>
      ) : null}
    </div>
  );
}
