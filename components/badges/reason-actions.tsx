"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

export interface ReasonAction {
  label: string;
  variant?: "primary" | "secondary" | "danger";
  /** The field the text is sent as ("note", "reason"). */
  field: string;
  run: (input: Record<string, string>) => Promise<ActionResult>;
  confirm?: string;
}

/** A text box with one or more buttons that send it to server actions (admin decisions that need a reason). */
export function ReasonActions({ label, actions, testId }: { label: string; actions: ReasonAction[]; testId?: string }) {
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  const fields = result && !result.ok ? (result.error.fields ?? {}) : {};
  const error = Object.values(fields)[0]?.[0];
  return (
    <div className="space-y-2" data-testid={testId}>
      <Field id={id} label={label} error={error}>
        <Textarea {...fieldAria(id, error)} rows={2} className="min-h-16" value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        {actions.map((a) => (
          <Button
            key={a.label}
            size="sm"
            variant={a.variant ?? "primary"}
            pending={pending}
            onClick={() => {
              if (a.confirm && !window.confirm(a.confirm)) return;
              start(async () => {
                const res = await a.run({ [a.field]: text });
                setResult(res);
                if (res.ok) {
                  setText("");
                  router.refresh();
                }
              });
            }}
          >
            {a.label}
          </Button>
        ))}
      </div>
      {result?.ok ? <Alert tone="success">{result.message ?? "Done"}</Alert> : null}
      {result && !result.ok && !result.error.fields ? <Alert tone="error">{result.error.message}</Alert> : null}
    </div>
  );
}
