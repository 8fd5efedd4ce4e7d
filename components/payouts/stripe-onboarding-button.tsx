"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

/** Starts (or resumes) Stripe Express onboarding and sends the browser to Stripe's hosted form. */
export function StripeOnboardingButton({ partnerId, start: startAction, label }: { partnerId: string; start: (partnerId: string) => Promise<ActionResult<{ url: string }>>; label: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        pending={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const res = await startAction(partnerId);
            if (res.ok) window.location.assign(res.data.url);
            else setError(res.error.message);
          })
        }
      >
        {label}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
