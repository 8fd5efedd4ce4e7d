"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

export function PublishQuarterForm({ quarters, action }: { quarters: string[]; action: (input: { quarter: string }) => Promise<ActionResult<{ quarter: string }>> }) {
  const router = useRouter();
  const [quarter, setQuarter] = useState(quarters[0] ?? "");
  const [result, setResult] = useState<ActionResult<{ quarter: string }> | null>(null);
  const [pending, start] = useTransition();
  const fieldError = result && !result.ok ? result.error.fields?.quarter?.[0] : undefined;
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!window.confirm(`Publish ${quarter}? Its figures are frozen once published.`)) return;
        start(async () => {
          const res = await action({ quarter });
          setResult(res);
          if (res.ok) router.refresh();
        });
      }}
    >
      <Field id="publish-quarter" label="Quarter" error={fieldError}>
        <Select id="publish-quarter" value={quarter} onChange={(e) => setQuarter(e.target.value)}>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" pending={pending}>
        Publish quarter
      </Button>
      {result && !result.ok && !fieldError ? <Alert tone="error" className="w-full">{result.error.message}</Alert> : null}
      {result?.ok ? <Alert tone="success" className="w-full">Published {result.data.quarter}.</Alert> : null}
    </form>
  );
}
