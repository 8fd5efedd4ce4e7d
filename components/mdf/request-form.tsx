"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldPath, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea, fieldAria } from "@/components/ui/field";
import { requestMdfAction } from "@/lib/mdf/actions";
import { MDF_ACTIVITY_LABELS, MDF_ACTIVITY_TYPES } from "@/lib/mdf/rules";
import { createMdfRequestSchema, type CreateMdfRequestFormInput, type CreateMdfRequestInput } from "@/lib/mdf/schemas";

export function MdfRequestForm({ partnerId, defaultStart, remainingLabel }: { partnerId: string; defaultStart: string; remainingLabel: string }) {
  const router = useRouter();
  const [error, setErrorMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateMdfRequestFormInput, unknown, CreateMdfRequestInput>({
    resolver: zodResolver(createMdfRequestSchema) as unknown as Resolver<CreateMdfRequestFormInput, unknown, CreateMdfRequestInput>,
    defaultValues: { activityType: "webinar", title: "", description: "", startsOn: defaultStart, endsOn: defaultStart, currency: "USD" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setErrorMessage(null);
    const res = await requestMdfAction(partnerId, values);
    if (res.ok) {
      router.push(`/console/mdf/${res.data.id}?requested=1`);
      return;
    }
    if (res.error.fields) for (const [path, messages] of Object.entries(res.error.fields)) setError(path as FieldPath<CreateMdfRequestFormInput>, { message: messages[0] });
    setErrorMessage(res.error.message);
  });
  const err = (k: keyof CreateMdfRequestFormInput) => errors[k]?.message as string | undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="mdf-request-form">
      <fieldset disabled={isSubmitting} className="grid gap-5 md:grid-cols-2">
        <Field id="activityType" label="Activity type" error={err("activityType")}>
          <Select {...fieldAria("activityType", err("activityType"))} {...register("activityType")}>
            {MDF_ACTIVITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {MDF_ACTIVITY_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="title" label="Activity name" error={err("title")}>
          <Input {...fieldAria("title", err("title"))} {...register("title")} />
        </Field>
        <Field id="startsOn" label="Starts on" error={err("startsOn")}>
          <Input {...fieldAria("startsOn", err("startsOn"))} type="date" {...register("startsOn")} />
        </Field>
        <Field id="endsOn" label="Ends on" error={err("endsOn")}>
          <Input {...fieldAria("endsOn", err("endsOn"))} type="date" {...register("endsOn")} />
        </Field>
        <Field id="amount" label="Amount requested (USD)" hint={`${remainingLabel} remaining this year.`} error={err("amount")}>
          <Input
            {...fieldAria("amount", err("amount"), true)}
            type="number"
            min={0}
            step="0.01"
            inputMode="decimal"
            {...register("amount", { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Math.round(Number(v) * 100)) })}
          />
        </Field>
        <Field id="expectedLeads" label="Expected leads" error={err("expectedLeads")}>
          <Input {...fieldAria("expectedLeads", err("expectedLeads"))} type="number" min={0} step={1} {...register("expectedLeads", { setValueAs: (v: unknown) => (v === "" ? undefined : Number(v)) })} />
        </Field>
        <Field id="description" label="What you will do" className="md:col-span-2" error={err("description")}>
          <Textarea {...fieldAria("description", err("description"))} {...register("description")} />
        </Field>
      </fieldset>
      {error ? <Alert tone="error" testId="form-error">{error}</Alert> : null}
      <Button type="submit" pending={isSubmitting}>
        Request funds
      </Button>
    </form>
  );
}
