import "server-only";
import { createHash } from "node:crypto";
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { quizAttempts, quizQuestions, type Assessment } from "@/db/schema";
import { QUIZ_BANK } from "./quiz-bank";

export type QuizQuestionRow = typeof quizQuestions.$inferSelect;
export type QuizAttemptRow = typeof quizAttempts.$inferSelect;

export function questionId(assessment: string, key: string): string {
  return `qq_${createHash("sha256").update(`${assessment}:${key}`).digest("hex").slice(0, 20)}`;
}

/** Writes the bank from lib/certification/quiz-bank.ts into quiz_questions (insert or update; idempotent). */
export async function syncQuestionBank(db: Queryable): Promise<number> {
  const rows = (Object.keys(QUIZ_BANK) as Assessment[]).flatMap((assessment) =>
    QUIZ_BANK[assessment].map((q, i) => ({ id: questionId(assessment, q.key), assessment, position: i + 1, prompt: q.prompt, choices: q.choices, correctIndex: q.correct, explanation: q.explanation, active: true })),
  );
  await db
    .insert(quizQuestions)
    .values(rows)
    .onConflictDoUpdate({
      target: quizQuestions.id,
      set: { prompt: sql`excluded.prompt`, choices: sql`excluded.choices`, correctIndex: sql`excluded.correct_index`, explanation: sql`excluded.explanation`, position: sql`excluded.position`, active: sql`true` },
    });
  return rows.length;
}

export async function activeQuestions(db: Queryable, assessment: Assessment): Promise<QuizQuestionRow[]> {
  let rows = await db.select().from(quizQuestions).where(and(eq(quizQuestions.assessment, assessment), eq(quizQuestions.active, true)));
  if (rows.length === 0) {
    await syncQuestionBank(db);
    rows = await db.select().from(quizQuestions).where(and(eq(quizQuestions.assessment, assessment), eq(quizQuestions.active, true)));
  }
  return rows;
}

export async function questionsByIds(db: Queryable, ids: readonly string[]): Promise<QuizQuestionRow[]> {
  if (!ids.length) return [];
  return db.select().from(quizQuestions).where(inArray(quizQuestions.id, [...ids]));
}

export async function attemptsSince(db: Queryable, partnerId: string, assessment: Assessment, since: Date): Promise<QuizAttemptRow[]> {
  return db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.partnerId, partnerId), eq(quizAttempts.assessment, assessment), gte(quizAttempts.startedAt, since)));
}

export async function insertAttempt(tx: Queryable, row: typeof quizAttempts.$inferInsert): Promise<QuizAttemptRow> {
  const [r] = await tx.insert(quizAttempts).values(row).returning();
  return r!;
}

export async function findAttempt(db: Queryable, id: string): Promise<QuizAttemptRow | null> {
  const [r] = await db.select().from(quizAttempts).where(eq(quizAttempts.id, id));
  return r ?? null;
}

export async function lockAttempt(tx: Queryable, id: string): Promise<QuizAttemptRow | null> {
  const [r] = await tx.select().from(quizAttempts).where(eq(quizAttempts.id, id)).for("update");
  return r ?? null;
}

export async function gradeAttemptRow(tx: Queryable, id: string, patch: { answers: (number | null)[]; submittedAt: Date; correct: number; scorePct: number; passed: boolean }): Promise<void> {
  await tx.update(quizAttempts).set(patch).where(eq(quizAttempts.id, id));
}
