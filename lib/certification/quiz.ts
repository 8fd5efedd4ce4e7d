import { QUIZ_PASS_PCT } from "./requirements";

// Quiz rules, pure: drawing an attempt (which questions, in which order, with
// which choice order), the daily cap, the deadline, and grading. The browser
// only ever sees prompts and choices in the drawn order; answers come back as
// displayed positions and are mapped to the bank's indexes here.

export const QUESTIONS_PER_ATTEMPT = 10;
export const QUIZ_TIME_LIMIT_MINUTES = 15;
export const QUIZ_ATTEMPTS_PER_DAY = 3;
/** Network slack after the deadline for a form submitted just in time. */
export const SUBMIT_GRACE_MS = 10_000;

export type Random = () => number;

function shuffle<T>(values: readonly T[], random: Random): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface DrawnAttempt {
  questionIds: string[];
  /** choiceOrder[q][shown position] = the bank's index of that choice. */
  choiceOrder: number[][];
}

export function drawAttempt(bank: readonly { id: string; choices: number }[], random: Random, count = QUESTIONS_PER_ATTEMPT): DrawnAttempt {
  const picked = shuffle(bank, random).slice(0, Math.min(count, bank.length));
  return {
    questionIds: picked.map((q) => q.id),
    choiceOrder: picked.map((q) => shuffle(Array.from({ length: q.choices }, (_, i) => i), random)),
  };
}

/** Attempts started on the same UTC day as `now`. */
export function attemptsLeftToday(startedAt: readonly Date[], now: Date, cap = QUIZ_ATTEMPTS_PER_DAY): number {
  const day = now.toISOString().slice(0, 10);
  const used = startedAt.filter((d) => d.toISOString().slice(0, 10) === day).length;
  return Math.max(0, cap - used);
}

export function deadlineOf(startedAt: Date, minutes = QUIZ_TIME_LIMIT_MINUTES): Date {
  return new Date(startedAt.getTime() + minutes * 60_000);
}

export type SubmitRefusal = "already_submitted" | "time_over" | null;

export function submitRefusal(attempt: { submittedAt: Date | null; deadlineAt: Date }, now: Date): SubmitRefusal {
  if (attempt.submittedAt) return "already_submitted";
  if (now.getTime() > attempt.deadlineAt.getTime() + SUBMIT_GRACE_MS) return "time_over";
  return null;
}

export interface Grade {
  /** Per question, the bank index of the chosen answer (null: unanswered). */
  answers: (number | null)[];
  correct: number;
  total: number;
  scorePct: number;
  passed: boolean;
}

/**
 * Grades displayed-position answers. Score = correct / questions drawn x 100;
 * unanswered questions count as wrong. Pass at >= 85% (17 of 20 is exactly 85%).
 */
export function gradeAttempt(
  attempt: DrawnAttempt,
  correctIndex: ReadonlyMap<string, number>,
  shown: readonly (number | null | undefined)[],
): Grade {
  const answers = attempt.questionIds.map((_, i) => {
    const pos = shown[i];
    if (pos === null || pos === undefined) return null;
    const order = attempt.choiceOrder[i]!;
    return Number.isInteger(pos) && pos >= 0 && pos < order.length ? order[pos]! : null;
  });
  const correct = answers.filter((a, i) => a !== null && a === correctIndex.get(attempt.questionIds[i]!)).length;
  const total = attempt.questionIds.length;
  const scorePct = total === 0 ? 0 : (correct / total) * 100;
  return { answers, correct, total, scorePct, passed: scorePct >= QUIZ_PASS_PCT };
}

/** A seeded generator for deterministic draws in tests and the demo seed (mulberry32). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
