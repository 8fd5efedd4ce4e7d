"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldPath, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Chip, ChipGroup, Field, Input, Select, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { registerDealSchema, type RegisterDealFormInput, type RegisterDealInput } from "@/lib/deals/schemas";

export function RegisterDealForm({
  partnerId,
  products,
  register: registerAction,
  defaultCloseDate,
}: {
  partnerId: string;
  products: { sku: string; label: string }[];
  register: (partnerId: string, input: unknown) => Promise<ActionResult<{ id: string; conflict: boolean }>>;
  defaultCloseDate: string;
}) {
  const router = useRouter();
  const [error, setErrorMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RegisterDealFormInput, unknown, RegisterDealInput>({
    resolver: zodResolver(registerDealSchema) as unknown as Resolver<RegisterDealFormInput, unknown, RegisterDealInput>,
    defaultValues: { company: "", domain: "", contactName: "", contactEmail: "", currency: "USD", products: [], expectedCloseAt: defaultCloseDate },
  });
  const onSubmit = handleSubmit(async (values) => {
    setErrorMessage(null);
    const res = await registerAction(partnerId, values);
    if (res.ok) {
      router.push(`/console/deals/${res.data.id}?registered=${res.data.conflict ? "conflict" : "1"}`);
      return;
    }
    if (res.error.fields) for (const [path, messages] of Object.entries(res.error.fields)) setError(path as FieldPath<RegisterDealFormInput>, { message: messages[0] });
    setErrorMessage(res.error.message);
  });
  const err = (k: keyof RegisterDealFormInput) => errors[k]?.message as string | undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <fieldset disabled={isSubmitting} className="space-y-6">
        <section className="grid gap-5 md:grid-cols-2">
          <Field id="company" label="Company" error={err("company")}>
            <Input {...fieldAria("company", err("company"))} autoComplete="organization" {...register("company")} />
          </Field>
          <Field id="domain" label="Company domain" hint="Their website, like acme.com. Registrations are matched by domain." error={err("domain")}>
            <Input {...fieldAria("domain", err("domain"), true)} placeholder="acme.com" {...register("domain")} />
          </Field>
          <Field id="contactName" label="Contact name" error={err("contactName")}>
            <Input {...fieldAria("contactName", err("contactName"))} {...register("contactName")} />
          </Field>
          <Field id="contactEmail" label="Contact email" error={err("contactEmail")}>
            <Input {...fieldAria("contactEmail", err("contactEmail"))} type="email" {...register("contactEmail")} />
          </Field>
          <div className="grid grid-cols-[1fr_7rem] gap-3">
            <Field id="estimatedValue" label="Estimated first-year value" hint="In whole currency units." error={err("estimatedValue")}>
              <Input
                {...fieldAria("estimatedValue", err("estimatedValue"), true)}
                type="number"
                min={0}
                step="0.01"
                inputMode="decimal"
                {...register("estimatedValue", { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Math.round(Number(v) * 100)) })}
              />
            </Field>
            <Field id="currency" label="Currency" error={err("currency")}>
              <Select {...fieldAria("currency", err("currency"))} {...register("currency")}>
                {["USD", "EUR", "GBP"].map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field id="expectedCloseAt" label="Expected close" error={err("expectedCloseAt")}>
            <Input {...fieldAria("expectedCloseAt", err("expectedCloseAt"))} type="date" {...register("expectedCloseAt")} />
          </Field>
        </section>
        <ChipGroup legend="Products" name="products" error={err("products") ?? (errors.products as { root?: { message?: string } } | undefined)?.root?.message}>
          {products.map((p) => (
            <Chip key={p.sku} label={p.label} value={p.sku} {...register("products")} />
          ))}
        </ChipGroup>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-5">
        <Button type="submit" pending={isSubmitting}>
          Register opportunity
        </Button>
        {error ? (
          <Alert tone="error" testId="deal-error">
            {error}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
