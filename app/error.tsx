"use client";

import { StatusPage } from "@/components/layout/status-page";
import { Button, LinkButton } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage
      code="Error"
      title="Something went wrong"
      actions={
        <>
          <Button onClick={reset}>Try again</Button>
          <LinkButton href="/" variant="secondary">
            Back to the directory
          </LinkButton>
        </>
      }
    >
      We could not load this page. It was not your fault, and nothing you entered was lost.
      {error.digest ? <span className="mt-2 block font-mono text-xs text-ink-subtle">Reference: {error.digest}</span> : null}
    </StatusPage>
  );
}
