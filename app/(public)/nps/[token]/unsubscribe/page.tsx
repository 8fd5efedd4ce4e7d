import type { Metadata } from "next";
import { UnsubscribeButton } from "@/components/evidence/unsubscribe-button";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { unsubscribeAction } from "@/lib/nps/actions";
import { viewSurvey } from "@/lib/nps/respond";

export const metadata: Metadata = { title: "Stop receiving surveys", robots: { index: false } };

export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await viewSurvey(token, new Date());
  return (
    <div className="mx-auto max-w-xl px-4 py-12 sm:px-6">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight text-ink">Stop receiving surveys</h1>
      <Card>
        <CardBody className="space-y-4 py-6">
          {view ? (
            <>
              <p className="text-sm text-ink-muted">We ask a single satisfaction question once a quarter. Confirm below and we will not email this address any more surveys.</p>
              <UnsubscribeButton token={token} unsubscribe={unsubscribeAction} />
            </>
          ) : (
            <Alert tone="error" title="This link is not valid">Use the link in the latest survey email you received.</Alert>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
