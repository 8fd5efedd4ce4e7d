"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

// The browser checks what it can (a name, the box ticked); the server decides
// the rest (the name matches the account, the versions are still current).
const formSchema = z.object({
  fullName: z.string().trim().min(2, { message: "Type your full name" }).max(200, { message: "At most 200 characters" }),
  consent: z.literal(true, { message: "Tick the box to confirm that you agree" }),
});
type FormValues = { fullName: string; consent: boolean };

export function SignForm({
  partnerId,
  partnerName,
  accountName,
  documents,
  consentText,
  sign,
}: {
  partnerId: string;
  partnerName: string;
  accountName: string | null;
  documents: { document: string; version: string; sha256: string; title: string }[];
  consentText: string;
  sign: (partnerId: string, input: unknown) => Promise<ActionResult<{ receiptId: string }>>;
}) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ receiptId: string }> | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(formSchema) as unknown as Resolver<FormValues>,
    defaultValues: { fullName: "", consent: false },
  });

  const onSubmit = handleSubmit(async (values) => {
    const res = await sign(partnerId, {
      fullName: values.fullName,
      consent: values.consent,
      documents: documents.map(({ document, version, sha256 }) => ({ document, version, sha256 })),
    });
    setResult(res);
    if (!res.ok && res.error.fields) {
      for (const [path, messages] of Object.entries(res.error.fields)) {
        if (path === "fullName" || path === "consent") setError(path, { message: messages[0] });
      }
    }
    if (res.ok) router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sign the agreements">
      {result && !result.ok ? (
        <Alert tone="error" testId="sign-result" title={result.error.code === "conflict" ? "These versions can no longer be signed" : undefined}>
          {result.error.message}
        </Alert>
      ) : null}
      {result?.ok ? (
        <Alert tone="success" testId="sign-result">
          {result.message}
        </Alert>
      ) : null}
      <p className="text-sm text-ink-muted">
        You are signing on behalf of <strong className="text-ink">{partnerName}</strong>:{" "}
        {documents.map((d, i) => (
          <span key={d.document}>
            {i > 0 ? " and " : ""}
            <strong className="text-ink">
              {d.title} {d.version}
            </strong>
          </span>
        ))}
        .
      </p>
      <Field
        id="sign-full-name"
        label="Your full name"
        hint={accountName ? `Type it as it is on your account: ${accountName}` : undefined}
        error={errors.fullName?.message}
        className="max-w-md"
      >
        <Input {...fieldAria("sign-full-name", errors.fullName?.message, Boolean(accountName))} autoComplete="name" {...register("fullName")} />
      </Field>
      <div className="space-y-1.5">
        <label className="flex max-w-2xl items-start gap-3 text-sm text-ink">
          <input
            type="checkbox"
            className="mt-0.5 size-4 rounded border-slate-300 text-brand-700 focus:ring-brand-600"
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? "sign-consent-error" : undefined}
            {...register("consent")}
          />
          <span>{consentText}</span>
        </label>
        {errors.consent ? (
          <p id="sign-consent-error" className="text-xs font-medium text-red-700" role="alert">
            {errors.consent.message}
          </p>
        ) : null}
      </div>
      <Button type="submit" pending={isSubmitting}>
        Sign {documents.length === 1 ? "this document" : `these ${documents.length} documents`}
      </Button>
    </form>
  );
}
