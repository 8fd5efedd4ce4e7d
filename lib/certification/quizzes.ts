import "server-only";
import { randomInt } from "node:crypto";
import { getDb } from "@/db/client";
import type { Assessment } from "@/db/schema";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { AppError, conflict, forbidden, notFound, parseOrThrow, unauthorized } from "@/lib/errors";
import { lockPartner } from "@/lib/partners/store";
import { attemptsLeftToday, deadlineOf, drawAttempt, gradeAttempt, QUIZ_ATTEMPTS_PER_DAY, submitRefusal, type Random } from "./quiz";
import { activeQuestions, attemptsSince, findAttempt, gradeAttemptRow, insertAttempt, lockAttempt, questionsByIds, type QuizAttemptRow } from "./quiz-store";
import { assessmentSchema, submitQuizSchema } from "./schemas";
import { TRACK_REQUIREMENTS } from "./requirements";
import type { Track } from "@/lib/partners/constants";

// Taking a quiz: start (draws the questions; at most 3 attempts a day per
// partner), show (prompts and choices only), submit (graded here, before the
// deadline, once). What the browser gets never includes the correct answers.

const DAY_MS = 86_400_000;

/** The assessments a track's requirements include (from the requirements data). */
export function assessmentsOf(track: Track): Assessment[] {
  return TRACK_REQUIREMENTS[track].flatMap((r) => (r.kind === "quiz" ? [r.assessment] : []));
}
const cryptoRandom: Random = () => randomInt(0, 2 ** 31) / 2 ** 31;

export interface AttemptView {
  id: string;
  assessment: Assessment;
  startedAt: string;
  deadlineAt: string;
  questions: { prompt: string; choices: string[] }[];
}

export interface AttemptResult {
  id: string;
  partnerId: string;
  correct: number;
  total: number;
  scorePct: number;
  passed: boolean;
  submittedAt: string;
}

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

async function viewOf(attempt: QuizAttemptRow): Promise<AttemptView> {
  const rows = await questionsByIds(await getDb(), attempt.questionIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    id: attempt.id,
    assessment: attempt.assessment,
    startedAt: attempt.startedAt.toISOString(),
    deadlineAt: attempt.deadlineAt.toISOString(),
    questions: attempt.questionIds.map((id, i) => {
      const q = byId.get(id)!;
      return { prompt: q.prompt, choices: attempt.choiceOrder[i]!.map((c) => q.choices[c]!) };
    }),
  };
}

function viewerOnly(principal: Principal | null, partnerId: string): string {
  assertPartner(principal, "certification:write", partnerId);
  if (principal?.kind !== "user") throw forbidden("Quizzes are taken by a signed-in team member");
  return principal.viewer.userId;
}

export async function startQuiz(args: { principal: Principal | null; partnerId: string; assessment: unknown; now: Date; random?: Random }): Promise<AttemptView> {
  const userId = viewerOnly(args.principal, args.partnerId);
  const assessment = parseOrThrow(assessmentSchema, args.assessment);
  const db = await getDb();
  const bank = await activeQuestions(db, assessment);
  const attempt = await db.transaction(async (tx) => {
    // Serialise starts per partner so two tabs cannot both take the last attempt of the day.
    const partner = await lockPartner(tx, args.partnerId);
    if (!partner) throw notFound("Partner");
    if (!assessmentsOf(partner.track).includes(assessment)) throw notFound("Assessment");
    const today = await attemptsSince(tx, args.partnerId, assessment, startOfUtcDay(args.now));
    const open = today.find((a) => !a.submittedAt && a.deadlineAt.getTime() > args.now.getTime());
    if (open) return open;
    if (attemptsLeftToday(today.map((a) => a.startedAt), args.now) === 0) {
      throw new AppError({ code: "conflict", message: `You have used today's ${QUIZ_ATTEMPTS_PER_DAY} attempts. Try again tomorrow (UTC).` });
    }
    const drawn = drawAttempt(bank.map((q) => ({ id: q.id, choices: q.choices.length })), args.random ?? cryptoRandom);
    return insertAttempt(tx, { partnerId: args.partnerId, userId, assessment, questionIds: drawn.questionIds, choiceOrder: drawn.choiceOrder, startedAt: args.now, deadlineAt: deadlineOf(args.now) });
  });
  return viewOf(attempt);
}

/** The partner's open attempt for an assessment, if one is running. */
export async function openAttempt(principal: Principal | null, partnerId: string, assessment: Assessment, now: Date): Promise<AttemptView | null> {
  assertPartner(principal, "certification:read", partnerId);
  const today = await attemptsSince(await getDb(), partnerId, assessment, new Date(now.getTime() - DAY_MS));
  const open = today.find((a) => !a.submittedAt && a.deadlineAt.getTime() > now.getTime());
  return open ? viewOf(open) : null;
}

export async function quizStatus(principal: Principal | null, partnerId: string, assessment: Assessment, now: Date): Promise<{ attemptsLeft: number; attemptsPerDay: number }> {
  assertPartner(principal, "certification:read", partnerId);
  const today = await attemptsSince(await getDb(), partnerId, assessment, startOfUtcDay(now));
  return { attemptsLeft: attemptsLeftToday(today.map((a) => a.startedAt), now), attemptsPerDay: QUIZ_ATTEMPTS_PER_DAY };
}

export async function submitQuiz(args: { principal: Principal | null; attemptId: string; input: unknown; now: Date }): Promise<AttemptResult> {
  if (!args.principal) throw unauthorized();
  const db = await getDb();
  const found = await findAttempt(db, args.attemptId);
  // Someone else's attempt is not revealed.
  if (!found || args.principal?.kind !== "user" || !args.principal.viewer.memberships.some((m) => m.partnerId === found.partnerId)) throw notFound("Quiz attempt");
  viewerOnly(args.principal, found.partnerId);
  const { answers } = parseOrThrow(submitQuizSchema, args.input);
  return db.transaction(async (tx) => {
    const attempt = (await lockAttempt(tx, args.attemptId))!;
    const refusal = submitRefusal(attempt, args.now);
    if (refusal === "already_submitted") throw conflict("This attempt was already submitted");
    if (refusal === "time_over") throw new AppError({ code: "unprocessable", message: "The time limit for this attempt has passed; start a new attempt" });
    if (answers.length !== attempt.questionIds.length) {
      throw new AppError({ code: "validation_failed", message: `Send one answer per question (${attempt.questionIds.length})`, fields: { answers: [`Expected ${attempt.questionIds.length} answers`] } });
    }
    const questions = await questionsByIds(tx, attempt.questionIds);
    const grade = gradeAttempt(attempt, new Map(questions.map((q) => [q.id, q.correctIndex])), answers);
    await gradeAttemptRow(tx, attempt.id, { answers: grade.answers, submittedAt: args.now, correct: grade.correct, scorePct: grade.scorePct, passed: grade.passed });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "quiz.submitted",
      object: { type: "quiz_attempt", id: attempt.id },
      partnerId: attempt.partnerId,
      after: { assessment: attempt.assessment, scorePct: grade.scorePct, passed: grade.passed },
      at: args.now,
    });
    return { id: attempt.id, partnerId: attempt.partnerId, correct: grade.correct, total: grade.total, scorePct: grade.scorePct, passed: grade.passed, submittedAt: args.now.toISOString() };
  });
}
