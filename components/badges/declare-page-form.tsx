"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { declarePageSchema } from "@/lib/badges/schemas";

type FormIn = z.input<typeof declarePageSchema>;

export function DeclarePageForm({ partnerId, declare }: { partnerId: string; declare: (partnerId: string, input: unknown) => Promise<ActionResult<{ url: string }>> }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ url: string }> | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormIn>({ resolver: zodResolver(declarePageSchema) as unknown as Resolver<FormIn>, defaultValues: { url: "" } });
  const onSubmit = handleSubmit(async (values) => {
    const res = await declare(partnerId, values);
    setResult(res);
    if (!res.ok && res.error.fields?.url) setError("url", { message: res.error.fields.url[0] });
    if (res.ok) {
      reset({ url: "" });
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <Field id="badge-page-url" label="Page that shows your badge" hint="Its domain becomes a declared domain; we scan the page for correct badge use." error={errors.url?.message} className="flex-1">
        <Input {...fieldAria("badge-page-url", errors.url?.message, true)} type="url" placeholder="https://www.example.com/about" {...register("url")} />
      </Field>
      <Button type="submit" pending={isSubmitting} className="sm:mb-6">
        Declare page
      </Button>
      {result && !result.ok && !result.error.fields ? <Alert tone="error">{result.error.message}</Alert> : null}
    </form>
  );
}
