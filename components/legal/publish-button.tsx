"use client";

import { useRouter } from "next/navigation";
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
  const router = useRouter();
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
          start(async () => {
            const res = await publish({ document, version });
            // The button goes away with the publication: the page says it was published.
            if (res.ok) router.push(`/admin/legal?published=${encodeURIComponent(`${document}:${version}`)}`);
            else setResult(res);
          });
        }}
      >
        Publish {version}
      </Button>
      {result && !result.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {result.error.message}
        </span>
      ) : null}
    </span>
  );
}
