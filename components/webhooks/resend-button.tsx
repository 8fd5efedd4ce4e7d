"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

export function ResendButton({ resend, label }: { resend: () => Promise<ActionResult<{ status: string; message: string }>>; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant="secondary"
        pending={pending}
        onClick={() =>
          start(async () => {
            const res = await resend();
            setMessage(res.ok ? res.data.message : res.error.message);
            router.refresh();
          })
        }
      >
        Resend<span className="sr-only"> {label}</span>
      </Button>
      {message ? (
        <span className="max-w-56 text-right text-xs text-ink-muted" role="status">
          {message}
        </span>
      ) : null}
    </span>
  );
}
