"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldPath, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { createLinkSchema } from "@/lib/attribution/schemas";

type FormIn = z.input<typeof createLinkSchema>;
type FormOut = z.output<typeof createLinkSchema>;

export function LinkForm({
  partnerId,
  create,
  allowedHosts,
}: {
  partnerId: string;
  create: (partnerId: string, input: unknown) => Promise<ActionResult<{ code: string; url: string }>>;
  allowedHosts: string[];
}) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ code: string; url: string }> | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(createLinkSchema) as unknown as Resolver<FormIn, unknown, FormOut>,
    defaultValues: { destination: "https://provenant.dev/pricing", campaign: "", code: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    const res = await create(partnerId, values);
    setResult(res);
    if (!res.ok && res.error.fields) {
      for (const [path, messages] of Object.entries(res.error.fields)) setError(path as FieldPath<FormIn>, { message: messages[0] });
    }
    if (res.ok) {
      reset({ destination: values.destination, campaign: "", code: "" });
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid gap-4 md:grid-cols-[2fr_1fr_1fr]">
        <Field id="destination" label="Destination" hint={`One of the program's sites: ${allowedHosts.join(", ")}`} error={errors.destination?.message}>
          <Input {...fieldAria("destination", errors.destination?.message, true)} type="url" {...register("destination")} />
        </Field>
        <Field id="campaign" label="Campaign (optional)" hint="Sent as utm_campaign; defaults to the code." error={errors.campaign?.message}>
          <Input {...fieldAria("campaign", errors.campaign?.message, true)} {...register("campaign")} placeholder="spring-webinar" />
        </Field>
        <Field id="code" label="Code (optional)" hint="The part after /r/. We pick one if empty." error={errors.code?.message}>
          <Input {...fieldAria("code", errors.code?.message, true)} {...register("code")} placeholder="brightpixel-pricing" />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={isSubmitting}>
          Create link
        </Button>
        {result?.ok ? (
          <Alert tone="success" testId="link-created">
            Link ready: <code className="font-mono" data-testid="new-link-url">{result.data.url}</code>
          </Alert>
        ) : null}
        {result && !result.ok && !result.error.fields ? <Alert tone="error">{result.error.message}</Alert> : null}
      </div>
    </form>
  );
}
