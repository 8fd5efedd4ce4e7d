"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, LinkButton } from "@/components/ui/button";
import { Field, Input, Select, Textarea, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { STACKS, STACK_LABELS } from "@/lib/partners/constants";

export function InstallForm({
  partnerId,
  create,
  defaultStartedAt,
}: {
  partnerId: string;
  create: (partnerId: string, input: unknown) => Promise<ActionResult<{ id: string }>>;
  defaultStartedAt: string;
}) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [pending, start] = useTransition();
  const fields = result && !result.ok ? (result.error.fields ?? {}) : {};
  const err = (k: string) => fields[k]?.[0] ?? Object.entries(fields).find(([p]) => p.startsWith(`${k}.`))?.[1][0];
  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget));
        const startedAt = data.startedAt ? new Date(`${String(data.startedAt)}Z`).toISOString() : undefined;
        start(async () => {
          const res = await create(partnerId, { ...data, startedAt, customerEmail: data.customerEmail || undefined });
          setResult(res);
          if (res.ok) router.push(`/console/installs/${res.data.id}`);
        });
      }}
    >
      <div className="grid gap-5 md:grid-cols-2">
        <Field id="i-customer" label="Customer" error={err("customerName")}>
          <Input {...fieldAria("i-customer", err("customerName"))} name="customerName" maxLength={120} required autoComplete="organization" />
        </Field>
        <Field id="i-email" label="Customer contact email (optional)" hint="Receives the customer satisfaction survey about your work." error={err("customerEmail")}>
          <Input {...fieldAria("i-email", err("customerEmail"), true)} name="customerEmail" type="email" autoComplete="email" />
        </Field>
        <Field id="i-site" label="Site URL" error={err("siteUrl")}>
          <Input {...fieldAria("i-site", err("siteUrl"))} name="siteUrl" type="url" placeholder="https://shop.example.com" required />
        </Field>
        <Field id="i-stack" label="Stack" error={err("stack")}>
          <Select {...fieldAria("i-stack", err("stack"))} name="stack" defaultValue="wordpress">
            {STACKS.map((s) => (
              <option key={s} value={s}>
                {STACK_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="i-started" label="Started at (UTC)" hint="When work on the install began; TTI runs from here." error={err("startedAt")}>
          <Input {...fieldAria("i-started", err("startedAt"), true)} name="startedAt" type="datetime-local" defaultValue={defaultStartedAt} />
        </Field>
      </div>
      <Field
        id="i-samples"
        label="Sample asset URLs"
        hint="One public image URL a line (up to 20). The prober checks these for Content Credentials."
        error={err("sampleUrls")}
      >
        <Textarea {...fieldAria("i-samples", err("sampleUrls"), true)} name="sampleUrls" rows={5} placeholder={"https://shop.example.com/images/hero.jpg"} className="font-mono text-xs" />
      </Field>
      {result && !result.ok && !result.error.fields ? <Alert tone="error">{result.error.message}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          Add install
        </Button>
        <LinkButton href="/console/installs" variant="ghost">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
