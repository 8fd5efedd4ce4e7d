import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoPartner } from "@/components/console/no-partner";
import { QuizRunner } from "@/components/certification/quiz-runner";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ASSESSMENTS, type Assessment } from "@/db/schema/certification";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { startQuizAction, submitQuizAction } from "@/lib/certification/actions";
import { ASSESSMENT_INTRO, ASSESSMENT_LABELS } from "@/lib/certification/quiz-bank";
import { QUESTIONS_PER_ATTEMPT, QUIZ_TIME_LIMIT_MINUTES } from "@/lib/certification/quiz";
import { assessmentsOf, openAttempt, quizStatus } from "@/lib/certification/quizzes";
import { quizAttemptsFor } from "@/lib/certification/views";
import { formatDateTime } from "@/lib/format";
import { getPartner } from "@/lib/partners/store";

export const metadata: Metadata = { title: "Certification quiz" };

export default async function QuizPage({ params }: { params: Promise<{ assessment: string }> }) {
  const { assessment: raw } = await params;
  if (!(ASSESSMENTS as readonly string[]).includes(raw)) notFound();
  const assessment = raw as Assessment;
  const { viewer, partnerId } = await requireConsole(`/console/certification/quiz/${assessment}`, "certification:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const partner = await getPartner(partnerId);
  if (!partner || !assessmentsOf(partner.track).includes(assessment)) notFound();
  const principal = await getPrincipal();
  const now = new Date();
  const [status, open, history] = await Promise.all([quizStatus(principal, partnerId, assessment, now), openAttempt(principal, partnerId, assessment, now), quizAttemptsFor(principal, partnerId, assessment)]);
  const member = viewer.memberships.some((m) => m.partnerId === partnerId);
  const soc2 = assessment !== "installer_playbook";
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/console/certification" className="hover:underline">Certification</Link>}
        title={ASSESSMENT_LABELS[assessment]}
        description={`${ASSESSMENT_INTRO[assessment]} ${QUESTIONS_PER_ATTEMPT} questions drawn from the bank, ${QUIZ_TIME_LIMIT_MINUTES} minutes, pass at 85%.`}
      />
      {soc2 ? (
        <p className="mb-4 text-sm text-ink-muted">
          Background reading: <Link href="/soc2" className="font-medium text-brand-800 hover:underline">SOC 2 and the Auditor track</Link>.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title={open ? "Your attempt" : "Take the quiz"} description={<span data-testid="attempts-left">{status.attemptsLeft} of {status.attemptsPerDay} attempts left today (UTC)</span>} />
          <CardBody>
            {member ? (
              <QuizRunner partnerId={partnerId} assessment={assessment} initial={open} attemptsLeft={status.attemptsLeft} start={startQuizAction} submit={submitQuizAction} />
            ) : (
              <p className="text-sm text-ink-muted">Only the partner's team members take quizzes.</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Results" />
          {history.length === 0 ? (
            <EmptyState title="No attempts yet" description="Your results show here after you submit." />
          ) : (
            <ul aria-label="Quiz results" className="divide-y divide-slate-100">
              {history.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
                  <span className="text-ink-muted">{formatDateTime(a.startedAt)}</span>
                  {a.scorePct === null ? (
                    <Badge tone="gray">{a.deadlineAt.getTime() < now.getTime() ? "Not submitted" : "In progress"}</Badge>
                  ) : (
                    <Badge tone={a.passed ? "green" : "red"}>
                      {Math.round(a.scorePct)}% {a.passed ? "passed" : "failed"}
                    </Badge>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
