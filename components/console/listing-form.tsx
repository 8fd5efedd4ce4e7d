"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type FieldPath, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Chip, ChipGroup, Field, Input, Textarea, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import {
  LANGUAGES,
  LANGUAGE_LABELS,
  REGIONS,
  REGION_LABELS,
  STACKS,
  STACK_LABELS,
} from "@/lib/partners/constants";
import { listingInputSchema } from "@/lib/partners/schemas";

// The schema accepts anything for proofLinks (blank inputs are dropped first); the form has three text inputs.
type FormIn = Omit<z.input<typeof listingInputSchema>, "proofLinks"> & { proofLinks: string[] };
type FormOut = z.output<typeof listingInputSchema>;

export function ListingForm({
  partnerId,
  initial,
  save,
  readOnly,
}: {
  partnerId: string;
  initial: FormIn;
  save: (partnerId: string, input: unknown) => Promise<ActionResult<{ message: string } | null>>;
  readOnly?: boolean;
}) {
  const [result, setResult] = useState<ActionResult<{ message: string } | null> | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(listingInputSchema) as unknown as Resolver<FormIn, unknown, FormOut>,
    defaultValues: { ...initial, proofLinks: [0, 1, 2].map((i) => initial.proofLinks?.[i] ?? "") },
  });

  const onSubmit = handleSubmit(async (values) => {
    const res = await save(partnerId, values);
    setResult(res);
    if (!res.ok && res.error.fields) {
      for (const [path, messages] of Object.entries(res.error.fields)) {
        setError(path as FieldPath<FormIn>, { message: messages[0] });
      }
    }
    if (res.ok) reset({ ...values, proofLinks: [0, 1, 2].map((i) => values.proofLinks[i] ?? "") });
  });

  const err = (path: string): string | undefined => {
    const parts = path.split(".");
    let node: unknown = errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    return (node as { message?: string } | undefined)?.message;
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8">
      <fieldset disabled={readOnly || isSubmitting} className="space-y-8">
        <section className="grid gap-5 md:grid-cols-2">
          <Field id="tagline" label="Tagline" hint="One line prospects read first. Up to 120 characters." error={err("tagline")} className="md:col-span-2">
            <Input {...fieldAria("tagline", err("tagline"), true)} {...register("tagline")} />
          </Field>
          <Field id="description" label="Description" hint="What you do, for whom, and how. 200 characters or more reads best." error={err("description")} className="md:col-span-2">
            <Textarea {...fieldAria("description", err("description"), true)} rows={6} {...register("description")} />
          </Field>
          <Field id="website" label="Website" error={err("website")}>
            <Input {...fieldAria("website", err("website"))} type="url" placeholder="https://" {...register("website")} />
          </Field>
          <Field id="hqCountry" label="Headquarters country" hint="Two-letter code, like US or DE." error={err("hqCountry")}>
            <Input {...fieldAria("hqCountry", err("hqCountry"), true)} maxLength={2} className="uppercase" {...register("hqCountry")} />
          </Field>
        </section>

        <section className="space-y-5">
          <ChipGroup legend="Regions you serve" name="regions" error={err("regions")}>
            {REGIONS.map((r) => (
              <Chip key={r} label={REGION_LABELS[r]} value={r} {...register("regions")} />
            ))}
          </ChipGroup>
          <ChipGroup legend="Stacks you install on" name="stacks" error={err("stacks")}>
            {STACKS.map((s) => (
              <Chip key={s} label={STACK_LABELS[s]} value={s} {...register("stacks")} />
            ))}
          </ChipGroup>
          <ChipGroup legend="Languages you work in" name="languages" error={err("languages")}>
            {LANGUAGES.map((l) => (
              <Chip key={l} label={LANGUAGE_LABELS[l]} value={l} {...register("languages")} />
            ))}
          </ChipGroup>
        </section>

        <section className="grid gap-5 md:grid-cols-3">
          <Field id="contactName" label="Contact name" error={err("contactName")}>
            <Input {...fieldAria("contactName", err("contactName"))} autoComplete="name" {...register("contactName")} />
          </Field>
          <Field id="contactEmail" label="Contact email" hint="Where prospects' messages go." error={err("contactEmail")}>
            <Input {...fieldAria("contactEmail", err("contactEmail"), true)} type="email" {...register("contactEmail")} />
          </Field>
          <Field id="slaResponseHours" label="Response time (hours)" hint="Your first-response SLA." error={err("slaResponseHours")}>
            <Input
              {...fieldAria("slaResponseHours", err("slaResponseHours"), true)}
              type="number"
              min={1}
              max={720}
              inputMode="numeric"
              {...register("slaResponseHours", { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v)) })}
            />
          </Field>
        </section>

        <section className="space-y-3">
          <div>
            <h3 className="text-sm font-medium text-ink">Proof links</h3>
            <p className="text-xs text-ink-subtle">
              Up to three public assets you set up. Paste the asset URL or its contentcredentials.org/verify link; we store the Verify link.
              Changes to proof links are reviewed by the program team before they show on your profile.
            </p>
          </div>
          {[0, 1, 2].map((i) => (
            <Field key={i} id={`proofLinks.${i}`} label={<span className="sr-only">Proof link {i + 1}</span>} error={err(`proofLinks.${i}`)}>
              <Input {...fieldAria(`proofLinks.${i}`, err(`proofLinks.${i}`))} type="url" placeholder={`Proof link ${i + 1}`} {...register(`proofLinks.${i}` as const)} />
            </Field>
          ))}
          {err("proofLinks") ? <p className="text-xs font-medium text-red-700">{err("proofLinks")}</p> : null}
        </section>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-5">
        {readOnly ? null : (
          <Button type="submit" pending={isSubmitting} disabled={!isDirty && result?.ok === true}>
            Save listing
          </Button>
        )}
        {result?.ok ? (
          <Alert tone="success" testId="listing-saved">
            {result.data?.message ?? "Listing saved."}
          </Alert>
        ) : null}
        {result && !result.ok ? (
          <Alert tone="error" testId="listing-error">
            {result.error.message}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
