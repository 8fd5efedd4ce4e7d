"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldPath, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea, fieldAria } from "@/components/ui/field";
import { createOnePagerAction } from "@/lib/marketing/actions";
import { createOnePagerSchema, type CreateOnePagerFormInput } from "@/lib/marketing/schemas";
import { ONE_PAGER_TEMPLATES, templateOf } from "@/lib/marketing/templates";

export function OnePagerBuilder({ partnerId, proofChoices }: { partnerId: string; proofChoices: string[] }) {
  const router = useRouter();
  const [error, setErrorMessage] = useState<string | null>(null);
  const first = ONE_PAGER_TEMPLATES[0]!;
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<CreateOnePagerFormInput>({
    resolver: zodResolver(createOnePagerSchema) as unknown as Resolver<CreateOnePagerFormInput>,
    defaultValues: { template: first.key, headline: first.defaultHeadline, intro: first.defaultIntro, proofLinks: proofChoices.slice(0, 3) },
  });
  const template = templateOf(watch("template")) ?? first;
  const onSubmit = handleSubmit(async (values) => {
    setErrorMessage(null);
    const res = await createOnePagerAction(partnerId, values);
    if (res.ok) {
      router.push(`/console/marketing/one-pagers/${res.data.id}`);
      return;
    }
    if (res.error.fields) for (const [path, messages] of Object.entries(res.error.fields)) setError(path as FieldPath<CreateOnePagerFormInput>, { message: messages[0] });
    setErrorMessage(res.error.message);
  });
  const err = (k: keyof CreateOnePagerFormInput) => errors[k]?.message as string | undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="one-pager-builder">
      <fieldset disabled={isSubmitting} className="space-y-5">
        <Field id="template" label="Template" hint={template.summary} error={err("template")}>
          <Select
            {...fieldAria("template", err("template"), true)}
            {...register("template", {
              onChange: (e: { target: { value: string } }) => {
                const t = templateOf(e.target.value);
                if (t) {
                  setValue("headline", t.defaultHeadline);
                  setValue("intro", t.defaultIntro);
                }
              },
            })}
          >
            {ONE_PAGER_TEMPLATES.map((t) => (
              <option key={t.key} value={t.key}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="headline" label="Headline" error={err("headline")}>
          <Input {...fieldAria("headline", err("headline"))} {...register("headline")} />
        </Field>
        <Field id="intro" label="Introduction" error={err("intro")}>
          <Textarea {...fieldAria("intro", err("intro"))} {...register("intro")} />
        </Field>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-ink">Proof links (up to three)</legend>
          {proofChoices.length === 0 ? (
            <p className="text-sm text-ink-muted">No proof links yet: add CAI Verify links under Proofs &amp; assets or in your listing.</p>
          ) : (
            proofChoices.map((link, i) => (
              <label key={link} className="flex items-start gap-2 text-sm">
                <input type="checkbox" value={link} className="mt-1 size-4 accent-brand-700" {...register("proofLinks")} aria-label={`Proof link ${i + 1}`} />
                <span className="break-all text-ink-muted">{decodeURIComponent(link.replace(/^.*source=/, ""))}</span>
              </label>
            ))
          )}
          {errors.proofLinks ? <p className="text-xs font-medium text-red-700" role="alert">{String(errors.proofLinks.message ?? "Check the proof links")}</p> : null}
        </fieldset>
      </fieldset>
      {error ? <Alert tone="error" testId="form-error">{error}</Alert> : null}
      <Button type="submit" pending={isSubmitting}>
        Generate one-pager
      </Button>
    </form>
  );
}
