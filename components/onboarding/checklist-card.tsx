"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ActionResult } from "@/lib/actions";

export interface ChecklistStepView {
  id: string;
  label: string;
  detail: string;
  done: boolean;
  href: string;
  cta: string;
  guide?: { href: string; label: string };
}

export function OnboardingChecklist({
  partnerId,
  steps,
  complete,
  canDismiss,
  dismiss,
}: {
  partnerId: string;
  steps: ChecklistStepView[];
  complete: boolean;
  canDismiss: boolean;
  dismiss: (partnerId: string) => Promise<ActionResult>;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const done = steps.filter((s) => s.done).length;
  const pct = Math.round((done / steps.length) * 100);
  return (
    <Card className="mb-6" aria-labelledby="onboarding-title">
      <CardHeader
        title={<span id="onboarding-title">{complete ? "You are all set up" : "Get started"}</span>}
        description={`${done} of ${steps.length} steps done. Each step ticks itself when the console sees it done.`}
        actions={
          complete && canDismiss ? (
            <Button
              size="sm"
              variant="secondary"
              pending={pending}
              onClick={() =>
                start(async () => {
                  const res = await dismiss(partnerId);
                  if (!res.ok) setError(res.error.message);
                })
              }
            >
              Dismiss checklist
            </Button>
          ) : null
        }
      />
      <CardBody>
        {error ? (
          <Alert tone="error" className="mb-4">
            {error}
          </Alert>
        ) : null}
        <div className="h-2 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label="Onboarding progress">
          <div className="h-full rounded-full bg-brand-600" style={{ width: `${pct}%` }} />
        </div>
        <ol className="mt-4 divide-y divide-slate-100" data-testid="onboarding-steps">
          {steps.map((s, i) => (
            <li key={s.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-3" data-done={s.done}>
              <span
                className={
                  s.done
                    ? "flex size-6 shrink-0 items-center justify-center rounded-full bg-emerald-600 text-xs font-semibold text-white"
                    : "flex size-6 shrink-0 items-center justify-center rounded-full ring-2 ring-slate-300 ring-inset text-xs font-semibold text-ink-muted"
                }
                aria-hidden="true"
              >
                {s.done ? "✓" : i + 1}
              </span>
              <div className="min-w-0 flex-1">
                <p className={s.done ? "text-sm font-medium text-ink-muted line-through decoration-slate-300" : "text-sm font-medium text-ink"}>
                  {s.label}
                  <span className="sr-only">{s.done ? " (done)" : " (to do)"}</span>
                </p>
                <p className="text-xs text-ink-muted">{s.detail}</p>
              </div>
              {!s.done ? (
                <span className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm font-medium">
                  {s.guide ? (
                    <Link href={s.guide.href} className="text-ink-muted hover:text-ink hover:underline">
                      {s.guide.label}
                    </Link>
                  ) : null}
                  <Link href={s.href} className="text-brand-700 hover:underline">
                    {s.cta}
                  </Link>
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}
