import { describe, expect, it } from "vitest";
import { QUIZ_BANK } from "./quiz-bank";
import { attemptsLeftToday, deadlineOf, drawAttempt, gradeAttempt, seededRandom, submitRefusal } from "./quiz";

const bank = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `q${i}`, choices: 4 }));

describe("the question bank", () => {
  it.each(Object.entries(QUIZ_BANK))("%s has at least 15 distinct questions with a valid answer", (_, questions) => {
    expect(questions.length).toBeGreaterThanOrEqual(15);
    expect(new Set(questions.map((q) => q.key)).size).toBe(questions.length);
    for (const q of questions) {
      expect(q.choices.length).toBeGreaterThanOrEqual(3);
      expect(q.correct).toBeGreaterThanOrEqual(0);
      expect(q.correct).toBeLessThan(q.choices.length);
    }
  });
});

describe("drawAttempt", () => {
  it("draws 10 distinct questions and a permutation of each one's choices", () => {
    const a = drawAttempt(bank(15), seededRandom(1));
    expect(a.questionIds).toHaveLength(10);
    expect(new Set(a.questionIds).size).toBe(10);
    for (const order of a.choiceOrder) expect([...order].sort()).toEqual([0, 1, 2, 3]);
  });

  it("shuffles per attempt", () => {
    const a = drawAttempt(bank(15), seededRandom(1));
    const b = drawAttempt(bank(15), seededRandom(2));
    expect(a.questionIds).not.toEqual(b.questionIds);
  });
});

describe("gradeAttempt", () => {
  const twenty = { questionIds: bank(20).map((q) => q.id), choiceOrder: bank(20).map(() => [2, 0, 3, 1]) };
  const correct = new Map(twenty.questionIds.map((id) => [id, 0]));
  // Bank index 0 is shown at position 1.
  const answering = (right: number) => twenty.questionIds.map((_, i) => (i < right ? 1 : 0));
  it.each([
    [20, 100, true],
    [17, 85, true], // exactly 85%
    [16, 80, false],
    [0, 0, false],
  ])("%i of 20 right -> %i%%, passed %s", (right, pct, passed) => {
    const g = gradeAttempt(twenty, correct, answering(right));
    expect(g.scorePct).toBe(pct);
    expect(g.passed).toBe(passed);
    expect(g.correct).toBe(right);
  });

  it("maps displayed positions back to the bank's indexes and counts blanks and nonsense as wrong", () => {
    const g = gradeAttempt(twenty, correct, [1, null, 7, -1, 1.5]);
    expect(g.answers.slice(0, 5)).toEqual([0, null, null, null, null]);
    expect(g.correct).toBe(1);
  });
});

describe("limits", () => {
  const now = new Date("2026-06-15T23:59:00Z");
  it("caps attempts per UTC day", () => {
    expect(attemptsLeftToday([], now)).toBe(3);
    expect(attemptsLeftToday([new Date("2026-06-15T00:00:00Z"), new Date("2026-06-15T10:00:00Z")], now)).toBe(1);
    expect(attemptsLeftToday([new Date("2026-06-14T23:59:59Z")], now)).toBe(3);
    expect(attemptsLeftToday(Array(4).fill(new Date("2026-06-15T01:00:00Z")), now)).toBe(0);
  });

  it("refuses a second submission and one after the time limit", () => {
    const startedAt = new Date("2026-06-15T10:00:00Z");
    const deadlineAt = deadlineOf(startedAt);
    expect(deadlineAt.toISOString()).toBe("2026-06-15T10:15:00.000Z");
    expect(submitRefusal({ submittedAt: null, deadlineAt }, deadlineAt)).toBeNull();
    expect(submitRefusal({ submittedAt: null, deadlineAt }, new Date(deadlineAt.getTime() + 10_001))).toBe("time_over");
    expect(submitRefusal({ submittedAt: startedAt, deadlineAt }, startedAt)).toBe("already_submitted");
  });
});
