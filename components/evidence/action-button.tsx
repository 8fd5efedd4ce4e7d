"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

/** A button that runs a server action, shows its result and refreshes the page. */
export function ActionButton<T>({
  action,
  label,
  variant = "primary",
  size = "md",
  confirm,
  describe,
  testId,
}: {
  action: () => Promise<ActionResult<T>>;
  label: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  size?: "sm" | "md";
  confirm?: string;
  /** Success message; "{name}" is replaced by that field of the action's data. */
  describe?: string;
  testId?: string;
}) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        variant={variant}
        size={size}
        pending={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          start(async () => {
            const res = await action();
            setResult(res);
            if (res.ok) router.refresh();
          });
        }}
      >
        {label}
      </Button>
      {result ? (
        <Alert tone={result.ok ? "success" : "error"} testId={testId}>
          {result.ok ? (describe ? fill(describe, result.data) : (result.message ?? "Done")) : result.error.message}
        </Alert>
      ) : null}
    </div>
  );
}

function fill(template: string, data: unknown): string {
  const values = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
}
