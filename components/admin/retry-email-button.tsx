"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

export function RetryEmailButton({ emailId, retry }: { emailId: string; retry: (id: string) => Promise<ActionResult<{ status: string }>> }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-3">
      <Button
        variant="secondary"
        pending={pending}
        onClick={() =>
          start(async () => {
            const res = await retry(emailId);
            setMessage(res.ok ? (res.data.status === "sent" ? "Sent." : "Still failing: see the error above.") : res.error.message);
          })
        }
      >
        Send again
      </Button>
      {message ? <span className="text-sm text-ink-muted" role="status">{message}</span> : null}
    </div>
  );
}
