"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { manualPaymentSchema } from "@/lib/payouts/schemas";

type Values = z.infer<typeof manualPaymentSchema>;

/** Records the bank or transfer reference of a payout paid outside the app. */
export function ManualPaymentForm({ payoutId, record }: { payoutId: string; record: (payoutId: string, input: unknown) => Promise<ActionResult> }) {
  const router = useRouter();
  const [error, setErrorMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(manualPaymentSchema), defaultValues: { reference: "" } });
  const id = `reference-${payoutId}`;
  const onSubmit = handleSubmit(async (values) => {
    setErrorMessage(null);
    const res = await record(payoutId, values);
    if (res.ok) router.refresh();
    else setErrorMessage(res.error.fields?.reference?.[0] ?? res.error.message);
  });
  const message = errors.reference?.message ?? error ?? undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2">
      <label htmlFor={id} className="sr-only">
        Payment reference
      </label>
      <Input {...fieldAria(id, message)} placeholder="Bank reference" className="h-8 w-40" {...register("reference")} />
      <Button type="submit" size="sm" variant="secondary" pending={isSubmitting}>
        Mark paid
      </Button>
      {message ? (
        <p id={`${id}-error`} role="alert" className="w-full text-xs font-medium text-red-700">
          {message}
        </p>
      ) : null}
    </form>
  );
}
