"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { contactInputSchema } from "@/lib/directory/contact-schema";

type FormIn = z.input<typeof contactInputSchema>;
type FormOut = z.output<typeof contactInputSchema>;

export function ContactForm({
  slug,
  partnerName,
  send,
}: {
  slug: string;
  partnerName: string;
  send: (slug: string, input: unknown) => Promise<ActionResult>;
}) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(contactInputSchema),
    defaultValues: { name: "", email: "", company: "", message: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    const res = await send(slug, values);
    setResult(res);
    if (!res.ok && res.error.fields) {
      for (const [path, messages] of Object.entries(res.error.fields)) setError(path as FieldPath<FormIn>, { message: messages[0] });
    }
    if (res.ok) reset();
  });
  if (result?.ok) {
    return (
      <Alert tone="success" title="Message sent" testId="contact-sent">
        {partnerName} has your message and will answer by email.
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={`Contact ${partnerName}`}>
      <Field id="contact-name" label="Your name" error={errors.name?.message}>
        <Input {...fieldAria("contact-name", errors.name?.message)} autoComplete="name" {...register("name")} />
      </Field>
      <Field id="contact-email" label="Work email" error={errors.email?.message}>
        <Input {...fieldAria("contact-email", errors.email?.message)} type="email" autoComplete="email" {...register("email")} />
      </Field>
      <Field id="contact-company" label="Company (optional)" error={errors.company?.message}>
        <Input {...fieldAria("contact-company", errors.company?.message)} autoComplete="organization" {...register("company")} />
      </Field>
      <Field id="contact-message" label="What do you need?" error={errors.message?.message}>
        <Textarea {...fieldAria("contact-message", errors.message?.message)} rows={4} {...register("message")} />
      </Field>
      {result && !result.ok && !result.error.fields ? (
        <Alert tone="error" testId="contact-error">
          {result.error.message}
        </Alert>
      ) : null}
      <Button type="submit" pending={isSubmitting} className="w-full">
        Send message
      </Button>
      <p className="text-xs text-ink-subtle">Your message and email address go to {partnerName} only.</p>
    </form>
  );
}
