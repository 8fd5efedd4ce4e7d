"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

export function PublishButton({
  document,
  version,
  title,
  requiresSignature,
  publish,
}: {
  document: string;
  version: string;
  title: string;
  requiresSignature: boolean;
  publish: (input: unknown) => Promise<ActionResult>;
}) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        size="sm"
        pending={pending}
        onClick={() => {
          const warning = requiresSignature ? " Every partner's owners will be asked to sign it again before their next payout." : "";
          if (!window.confirm(`Publish ${title} ${version}? It takes effect now and cannot be unpublished.${warning}`)) return;
          start(async () => setResult(await publish({ document, version })));
        }}
      >
        Publish {version}
      </Button>
      {result ? (
        <span role={result.ok ? "status" : "alert"} className={result.ok ? "text-xs text-emerald-700" : "text-xs text-red-700"}>
          {result.ok ? result.message : result.error.message}
        </span>
      ) : null}
    </span>
  );
}
