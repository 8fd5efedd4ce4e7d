"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

export function UnsubscribeButton({ token, unsubscribe }: { token: string; unsubscribe: (token: string) => Promise<ActionResult> }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  if (result?.ok) return <Alert tone="success" title="Unsubscribed">You will not receive these surveys any more.</Alert>;
  return (
    <div className="space-y-3">
      <Button pending={pending} onClick={() => start(async () => setResult(await unsubscribe(token)))}>
        Stop receiving surveys
      </Button>
      {result && !result.ok ? <Alert tone="error">{result.error.message}</Alert> : null}
    </div>
  );
}
