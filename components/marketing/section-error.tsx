"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The error state of a co-marketing or MDF screen: what happened, and a retry. */
export function SectionError({ error, reset, what }: { error: Error & { digest?: string }; reset: () => void; what: string }) {
  return (
    <div className="space-y-4">
      <Alert tone="error" title={`We could not load ${what}`}>
        Nothing you entered was lost. Try again in a moment.
        {error.digest ? <span className="mt-1 block font-mono text-xs">Reference: {error.digest}</span> : null}
      </Alert>
      <Button onClick={reset} variant="secondary">
        Try again
      </Button>
    </div>
  );
}
