import { expect, test } from "@playwright/test";
import { QUIZ_BANK } from "../../lib/certification/quiz-bank";
import { expectAccessible } from "../helpers";

// An owner opens certification, takes the timed playbook quiz (the browser
// never gets the answers: the test knows the bank), and sees its progress change.

const answerOf = new Map(QUIZ_BANK.installer_playbook.map((q) => [q.prompt, q.choices[q.correct]!]));

test("take the playbook quiz and see certification progress change", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/console");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Certification" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Certification" })).toBeVisible();
  const quizRequirement = page.getByTestId("requirement-playbook_quiz");
  await expect(quizRequirement).toContainText("Best score 90%");
  await expect(page.getByTestId("requirement-installs")).toContainText("Met");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Open Installer playbook quiz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Installer playbook quiz" })).toBeVisible();
  await expect(page.getByTestId("attempts-left")).toHaveText("3 of 3 attempts left today (UTC)");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.getByRole("timer")).toContainText("left");
  const questions = page.locator("fieldset");
  await expect(questions).toHaveCount(10);
  await expectAccessible(page);
  for (let i = 0; i < 10; i++) {
    const q = questions.nth(i);
    const prompt = (await q.locator("p").first().textContent())!.replace(/^\d+\.\s*/, "");
    const answer = answerOf.get(prompt);
    expect(answer, prompt).toBeTruthy();
    await q.getByLabel(answer!, { exact: true }).check();
  }
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("quiz-result")).toContainText("You answered 10 of 10 correctly: 100%");

  await page.getByRole("button", { name: "Back to the quiz page" }).click();
  await expect(page.getByTestId("attempts-left")).toHaveText("2 of 3 attempts left today (UTC)");
  await expect(page.getByRole("list", { name: "Quiz results" }).getByText("100% passed")).toBeVisible();

  await page.goto("/console/certification");
  await expect(quizRequirement).toContainText("Best score 100%");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Scorecard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Scorecard" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Tier history" }).getByText("Set by admin")).toBeVisible();
  await expectAccessible(page);
});
