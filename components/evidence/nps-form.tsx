"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { cn } from "@/components/ui/cn";

/** The 0-10 question and an optional comment; works without sign-in. */
export function NpsForm({ token, question, answer }: { token: string; question: string; answer: (token: string, input: unknown) => Promise<ActionResult> }) {
  const [score, setScore] = useState<number | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  if (result?.ok) {
    return (
      <Alert tone="success" title="Thank you!" testId="nps-thanks">
        Your answer has been recorded. You can close this page.
      </Alert>
    );
  }
  const error = result && !result.ok ? (result.error.fields?.score?.[0] ?? result.error.message) : null;
  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        const comment = String(new FormData(e.currentTarget).get("comment") ?? "");
        start(async () => setResult(await answer(token, { score: score ?? "", comment })));
      }}
    >
      <fieldset>
        <legend className="text-base font-medium text-ink">{question}</legend>
        <div className="mt-4 grid grid-cols-6 gap-2 sm:grid-cols-11">
          {Array.from({ length: 11 }, (_, n) => (
            <label
              key={n}
              className={cn(
                "flex h-11 cursor-pointer items-center justify-center rounded-lg text-sm font-semibold ring-1 ring-inset has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600",
                score === n ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-ink ring-slate-300 hover:bg-slate-50",
              )}
            >
              <input type="radio" name="score" value={n} className="sr-only" checked={score === n} onChange={() => setScore(n)} />
              {n}
            </label>
          ))}
        </div>
        <div className="mt-2 flex justify-between text-xs text-ink-subtle">
          <span>0 · Not at all likely</span>
          <span>10 · Extremely likely</span>
        </div>
      </fieldset>
      <div className="space-y-1.5">
        <label htmlFor="nps-comment" className="block text-sm font-medium text-ink">
          What is the main reason for your score? (optional)
        </label>
        <Textarea id="nps-comment" name="comment" maxLength={2000} rows={4} />
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="submit" pending={pending}>
        Send my answer
      </Button>
    </form>
  );
}
