"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

export type FieldErrors = Record<string, string[] | undefined>;

/**
 * A form posted as FormData (files included) to a bound server action. Field
 * messages from the action come back to `children` through `errors`; on
 * success the form resets and the page refreshes.
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  className,
  onDone,
  testId,
  submitVariant = "primary",
}: {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  submitLabel: string;
  children: (errors: FieldErrors) => ReactNode;
  className?: string;
  onDone?: () => void;
  testId?: string;
  submitVariant?: "primary" | "secondary" | "danger";
}) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  return (
    <form
      ref={ref}
      noValidate
      className={className ?? "space-y-4"}
      data-testid={testId}
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setMessage(null);
        try {
          const res = await action(new FormData(e.currentTarget));
          if (res.ok) {
            setErrors({});
            setMessage({ tone: "success", text: res.message ?? "Saved" });
            ref.current?.reset();
            onDone?.();
            router.refresh();
          } else {
            setErrors(res.error.fields ?? {});
            setMessage({ tone: "error", text: res.error.message });
          }
        } catch {
          setMessage({ tone: "error", text: "Something went wrong. Try again." });
        } finally {
          setPending(false);
        }
      }}
    >
      <fieldset disabled={pending} className="space-y-4">
        {children(errors)}
      </fieldset>
      {message ? (
        <Alert tone={message.tone} testId={message.tone === "success" ? "form-success" : "form-error"}>
          {message.text}
        </Alert>
      ) : null}
      <Button type="submit" pending={pending} variant={submitVariant}>
        {submitLabel}
      </Button>
    </form>
  );
}

export const firstError = (errors: FieldErrors, name: string) => errors[name]?.[0];
