"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { taxFormSchema } from "@/lib/payouts/schemas";

type Values = z.infer<typeof taxFormSchema>;

export function TaxFormForm({ partnerId, submit, defaults }: { partnerId: string; submit: (partnerId: string, input: unknown) => Promise<ActionResult>; defaults: Partial<Values> }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(taxFormSchema), defaultValues: { formType: defaults.formType ?? "w9", legalName: defaults.legalName ?? "" } });
  const onSubmit = handleSubmit(async (values) => {
    const res = await submit(partnerId, values);
    setResult(res);
    if (res.ok) router.refresh();
    else if (res.error.fields) for (const [k, m] of Object.entries(res.error.fields)) setError(k as FieldPath<Values>, { message: m[0] });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset disabled={isSubmitting} className="grid gap-4 sm:grid-cols-2">
        <Field id="formType" label="Tax form" error={errors.formType?.message}>
          <Select {...fieldAria("formType", errors.formType?.message)} {...register("formType")}>
            <option value="w9">W-9 (US persons)</option>
            <option value="w8ben">W-8BEN (non-US)</option>
          </Select>
        </Field>
        <Field id="legalName" label="Legal name on the form" error={errors.legalName?.message}>
          <Input {...fieldAria("legalName", errors.legalName?.message)} autoComplete="organization" {...register("legalName")} />
        </Field>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={isSubmitting}>
          Submit tax form
        </Button>
        {result ? (
          <Alert tone={result.ok ? "success" : "error"} testId="tax-form-result">
            {result.ok ? (result.message ?? "Submitted") : result.error.message}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
