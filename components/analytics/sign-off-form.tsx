"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

/** Executive sign-off of a run's evidence package: the hash shown is the one signed. */
export function SignOffForm({
  runId,
  packageSha256,
  statement,
  action,
}: {
  runId: string;
  packageSha256: string;
  statement: string;
  action: (input: { runId: string; packageSha256: string; confirm: boolean }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [confirm, setConfirm] = useState(false);
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [pending, start] = useTransition();
  const error = result && !result.ok ? (result.error.fields?.confirm?.[0] ?? result.error.message) : null;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const res = await action({ runId, packageSha256, confirm });
          setResult(res);
          if (res.ok) router.refresh();
        });
      }}
    >
      <p className="text-sm text-ink-muted">{statement}</p>
      <p className="break-all font-mono text-xs text-ink">SHA-256 {packageSha256}</p>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5 size-4" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />
        <span>I reviewed this run and its evidence package</span>
      </label>
      <Button type="submit" pending={pending}>
        Sign off this package
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {result?.ok ? <Alert tone="success">Signed.</Alert> : null}
    </form>
  );
}
