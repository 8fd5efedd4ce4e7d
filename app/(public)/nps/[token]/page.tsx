import type { Metadata } from "next";
import Link from "next/link";
import { NpsForm } from "@/components/evidence/nps-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { answerSurveyAction } from "@/lib/nps/actions";
import { viewSurvey } from "@/lib/nps/respond";

export const metadata: Metadata = { title: "One quick question", robots: { index: false } };

export default async function SurveyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await viewSurvey(token, new Date());
  const question = view
    ? view.audience === "customer"
      ? `How likely are you to recommend ${view.partnerName ?? "your partner"} to a friend or colleague?`
      : "How likely are you to recommend the Provenant partner program to another agency or consultancy?"
    : "";
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <p className="text-sm font-medium text-brand-700">Provenant · {view ? `${view.quarter} survey` : "Survey"}</p>
      <h1 className="mt-1 mb-6 text-2xl font-semibold tracking-tight text-ink">One quick question</h1>
      <Card>
        <CardBody className="py-6">
          {!view ? (
            <Alert tone="error" title="This survey link is not valid">
              It may have been replaced by a newer reminder. Use the latest email you received.
            </Alert>
          ) : view.state === "answered" ? (
            <Alert tone="info" title="Already answered" testId="nps-answered">
              This survey has already been answered. Thank you!
            </Alert>
          ) : view.state === "expired" ? (
            <Alert tone="warning" title="This survey has closed">
              The link expired 30 days after it was sent.
            </Alert>
          ) : (
            <NpsForm token={token} question={question} answer={answerSurveyAction} />
          )}
        </CardBody>
      </Card>
      {view ? (
        <p className="mt-6 text-sm text-ink-muted">
          Rather not get these?{" "}
          <Link href={`/nps/${token}/unsubscribe`} className="text-brand-700 underline underline-offset-2">
            Stop receiving surveys
          </Link>
          .
        </p>
      ) : null}
    </div>
  );
}
