"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";
import type { AttemptResult, AttemptView } from "@/lib/certification/quizzes";

function useCountdown(deadline: string | null): number | null {
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (!deadline) return;
    const tick = () => setLeft(Math.max(0, new Date(deadline).getTime() - Date.now()));
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, [deadline]);
  return left;
}

const mmss = (ms: number) => `${Math.floor(ms / 60000)}:${String(Math.floor((ms % 60000) / 1000)).padStart(2, "0")}`;

/** Start a timed attempt, answer, submit. Answers go back as displayed positions; the server grades. */
export function QuizRunner({
  partnerId,
  assessment,
  initial,
  attemptsLeft,
  start,
  submit,
}: {
  partnerId: string;
  assessment: string;
  initial: AttemptView | null;
  attemptsLeft: number;
  start: (partnerId: string, assessment: string) => Promise<ActionResult<AttemptView>>;
  submit: (attemptId: string, answers: (number | null)[]) => Promise<ActionResult<AttemptResult>>;
}) {
  const router = useRouter();
  const [attempt, setAttempt] = useState<AttemptView | null>(initial);
  const [answers, setAnswers] = useState<(number | null)[]>(() => (initial ? initial.questions.map(() => null) : []));
  const [result, setResult] = useState<AttemptResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, run] = useTransition();
  const left = useCountdown(attempt?.deadlineAt ?? null);

  if (result) {
    return (
      <div className="space-y-4" data-testid="quiz-result">
        <Alert tone={result.passed ? "success" : "error"} title={result.passed ? "Passed" : "Not passed"}>
          You answered {result.correct} of {result.total} correctly: {Math.round(result.scorePct)}%. {result.passed ? "The requirement is met." : "You need 85% to pass."}
        </Alert>
        <Button
          variant="secondary"
          onClick={() => {
            setResult(null);
            setAttempt(null);
            router.refresh();
          }}
        >
          Back to the quiz page
        </Button>
      </div>
    );
  }

  if (!attempt) {
    return (
      <div className="space-y-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Button
          disabled={attemptsLeft === 0}
          pending={pending}
          onClick={() =>
            run(async () => {
              const res = await start(partnerId, assessment);
              if (!res.ok) return setError(res.error.message);
              setError(null);
              setAttempt(res.data);
              setAnswers(res.data.questions.map(() => null));
            })
          }
        >
          Start the quiz
        </Button>
      </div>
    );
  }

  const over = left !== null && left <= 0;
  const answered = answers.filter((a) => a !== null).length;
  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        run(async () => {
          const res = await submit(attempt.id, answers);
          if (!res.ok) return setError(res.error.message);
          setError(null);
          setResult(res.data);
        });
      }}
    >
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-2 rounded-lg bg-white/95 px-4 py-2 shadow-sm ring-1 ring-slate-200">
        <span className="text-sm text-ink-muted">
          {answered} of {attempt.questions.length} answered
        </span>
        <span className={`font-mono text-sm ${over ? "text-red-700" : "text-ink"}`} role="timer" aria-live="off" aria-label="Time left">
          {left === null ? "" : over ? "Time is up" : `${mmss(left)} left`}
        </span>
      </div>
      {attempt.questions.map((q, i) => (
        <fieldset key={i} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <legend className="sr-only">Question {i + 1}</legend>
          <p className="mb-3 font-medium text-ink">
            {i + 1}. {q.prompt}
          </p>
          <div className="space-y-2">
            {q.choices.map((c, j) => (
              <label key={j} className="flex cursor-pointer items-start gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-50">
                <input
                  type="radio"
                  name={`q${i}`}
                  value={j}
                  checked={answers[i] === j}
                  onChange={() => setAnswers((prev) => prev.map((a, k) => (k === i ? j : a)))}
                  className="mt-0.5"
                />
                <span>{c}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {error ? <Alert tone="error" testId="quiz-error">{error}</Alert> : null}
      <Button type="submit" pending={pending}>
        Submit answers
      </Button>
    </form>
  );
}
