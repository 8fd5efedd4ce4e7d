"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { SecretReveal } from "./secret-reveal";

export interface EventTypeOption {
  value: string;
  label: string;
  description: string;
}

type Created = { id: string; secret: string; url: string };

/**
 * Adds an endpoint (then shows its signing secret once) or edits one.
 * `save` is a bound server action: (input) => result.
 */
export function EndpointForm({
  mode,
  options,
  initial,
  save,
  urlHint,
}: {
  mode: "create" | "edit";
  options: EventTypeOption[];
  initial?: { url: string; description: string; eventTypes: string[] };
  save: (input: unknown) => Promise<ActionResult<Created | null>>;
  urlHint: string;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<Created | null> | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [all, setAll] = useState(initial ? initial.eventTypes.includes("*") : false);
  const fields = result && !result.ok ? (result.error.fields ?? {}) : {};
  const eventTypeError = fields.eventTypes?.[0] ?? Object.entries(fields).find(([k]) => k.startsWith("eventTypes."))?.[1][0];
  const otherError = result && !result.ok && !result.error.fields ? result.error.message : (fields._?.[0] ?? null);
  const prefix = mode === "create" ? "new-endpoint" : "edit-endpoint";

  return (
    <div className="space-y-4">
      {created ? (
        <SecretReveal
          title="Endpoint added: copy its signing secret now"
          note={`This is the only time the secret for ${created.url} is shown. Your receiver uses it to verify the webhook-signature header.`}
          secret={created.secret}
          onDone={() => {
            setCreated(null);
            router.push(`/console/webhooks/${created.id}`);
          }}
        />
      ) : null}
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = new FormData(form);
          const input = {
            url: String(data.get("url") ?? ""),
            description: String(data.get("description") ?? ""),
            eventTypes: data.getAll("eventTypes").map(String),
          };
          start(async () => {
            const res = await save(input);
            setResult(res);
            if (res.ok && mode === "create" && res.data) {
              setCreated(res.data);
              form.reset();
              setAll(false);
            }
          });
        }}
      >
        <div className="grid gap-4 md:grid-cols-2">
          <Field id={`${prefix}-url`} label="Endpoint URL" hint={urlHint} error={fields.url?.[0]}>
            <Input
              {...fieldAria(`${prefix}-url`, fields.url?.[0], true)}
              name="url"
              type="url"
              inputMode="url"
              placeholder="https://hooks.example.com/provenant"
              defaultValue={initial?.url}
              required
            />
          </Field>
          <Field id={`${prefix}-description`} label="Description (optional)" hint="What receives these events, e.g. “CRM sync”." error={fields.description?.[0]}>
            <Input {...fieldAria(`${prefix}-description`, fields.description?.[0], true)} name="description" maxLength={200} defaultValue={initial?.description} />
          </Field>
        </div>
        <fieldset className="space-y-2" aria-describedby={eventTypeError ? `${prefix}-events-error` : undefined}>
          <legend className="text-sm font-medium text-ink">Events to send</legend>
          <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
            {options.map((o) => {
              const isAll = o.value === "*";
              return (
                <label
                  key={o.value}
                  className="flex cursor-pointer items-start gap-2.5 rounded-lg px-3 py-2 ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600 has-[:disabled]:cursor-not-allowed has-[:disabled]:bg-slate-50"
                >
                  <input
                    type="checkbox"
                    name="eventTypes"
                    value={o.value}
                    className="mt-0.5 size-4 accent-brand-700"
                    defaultChecked={initial ? initial.eventTypes.includes(o.value) : false}
                    disabled={!isAll && all}
                    onChange={isAll ? (e) => setAll(e.currentTarget.checked) : undefined}
                  />
                  <span className="min-w-0">
                    <span className="block text-sm font-medium text-ink">{o.label}</span>
                    <span className="block font-mono text-xs break-words text-ink-muted">{isAll ? "*" : o.value}</span>
                  </span>
                </label>
              );
            })}
          </div>
          {eventTypeError ? (
            <p id={`${prefix}-events-error`} className="text-xs font-medium text-red-700" role="alert">
              {eventTypeError}
            </p>
          ) : null}
        </fieldset>
        {otherError ? <Alert tone="error">{otherError}</Alert> : null}
        {result?.ok && mode === "edit" ? (
          <Alert tone="success" testId="endpoint-saved">
            {result.message}
          </Alert>
        ) : null}
        <Button type="submit" pending={pending}>
          {mode === "create" ? "Add endpoint" : "Save changes"}
        </Button>
      </form>
    </div>
  );
}
