"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

type Fields = Record<string, string[]> | undefined;
const first = (f: Fields, k: string) => f?.[k]?.[0];

export function OpenIncidentForm({ partnerId, action }: { partnerId: string; action: (partnerId: string, input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [res, setRes] = useState<ActionResult<{ id: string }> | null>(null);
  const [pending, run] = useTransition();
  const fields = res && !res.ok ? res.error.fields : undefined;
  return (
    <form
      ref={form}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget));
        run(async () => {
          const r = await action(partnerId, data);
          setRes(r);
          if (r.ok) {
            form.current?.reset();
            router.refresh();
          }
        });
      }}
    >
      <Field id="inc-title" label="What happened" error={first(fields, "title")}>
        <Input id="inc-title" name="title" placeholder="Credentials missing on product images" required maxLength={140} />
      </Field>
      <Field id="inc-severity" label="Severity">
        <Select id="inc-severity" name="severity" defaultValue="high">
          <option value="low">Low</option>
          <option value="high">High</option>
          <option value="critical">Critical</option>
        </Select>
      </Field>
      <Field id="inc-desc" label="Details" hint="Optional: customer, pages affected, first seen">
        <Textarea id="inc-desc" name="description" rows={3} maxLength={4000} />
      </Field>
      <Button type="submit" pending={pending}>
        Open incident
      </Button>
      {res ? <Alert tone={res.ok ? "success" : "error"}>{res.ok ? "Incident opened. The SLA clock runs from now." : res.error.message}</Alert> : null}
    </form>
  );
}

/** A short note form (incident response or resolution). */
export function NoteForm({ id, label, button, action }: { id: string; label: string; button: string; action: (id: string, input: unknown) => Promise<ActionResult> }) {
  const router = useRouter();
  const [res, setRes] = useState<ActionResult | null>(null);
  const [pending, run] = useTransition();
  const fieldId = `${button.toLowerCase().replace(/\s+/g, "-")}-${id}`;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const note = String(new FormData(e.currentTarget).get("note") ?? "");
        run(async () => {
          const r = await action(id, { note });
          setRes(r);
          if (r.ok) router.refresh();
        });
      }}
    >
      <div className="min-w-48 flex-1 space-y-1">
        <label htmlFor={fieldId} className="block text-xs font-medium text-ink-muted">
          {label}
        </label>
        <Input id={fieldId} name="note" required minLength={3} maxLength={4000} />
      </div>
      <Button type="submit" size="sm" variant="secondary" pending={pending}>
        {button}
      </Button>
      {res && !res.ok ? <p className="w-full text-xs text-red-700" role="alert">{res.error.fields?.note?.[0] ?? res.error.message}</p> : null}
    </form>
  );
}

const KINDS = [
  { value: "enterprise_reference", label: "Enterprise reference", hint: "PDF, PNG or JPEG, up to 10 MB", title: "Customer" },
  { value: "runbook", label: "Canary/rollback runbook", hint: "PDF, Markdown or text, up to 10 MB", title: "System or rollout" },
  { value: "pen_test_letter", label: "Pen-test letter", hint: "PDF, up to 10 MB", title: "Testing firm" },
];

/** Upload a document for review (multipart to /api/console/certification/documents). */
export function DocumentUploadForm({ partnerId, currentQuarter, defaultKind }: { partnerId: string; currentQuarter: string; defaultKind: string }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState(defaultKind);
  const [fields, setFields] = useState<Fields>(undefined);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, run] = useTransition();
  const k = KINDS.find((x) => x.value === kind)!;
  return (
    <form
      ref={form}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        data.set("partnerId", partnerId);
        run(async () => {
          const res = await fetch("/api/console/certification/documents", { method: "POST", body: data });
          const body = (await res.json().catch(() => null)) as { error?: { message: string; fields?: Fields } } | null;
          if (res.ok) {
            setFields(undefined);
            setMessage({ ok: true, text: "Submitted. An admin reviews it; you will see the decision here." });
            form.current?.reset();
            setKind(defaultKind);
            router.refresh();
          } else {
            setFields(body?.error?.fields);
            setMessage({ ok: false, text: body?.error?.message ?? "The upload failed" });
          }
        });
      }}
    >
      <Field id="doc-kind" label="Document">
        <Select id="doc-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {KINDS.map((x) => (
            <option key={x.value} value={x.value}>
              {x.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="doc-title" label={k.title} error={first(fields, "title")}>
        <Input id="doc-title" name="title" required maxLength={140} />
      </Field>
      {kind === "pen_test_letter" ? (
        <Field id="doc-quarter" label="Quarter covered" hint="A letter counts only for its quarter" error={first(fields, "quarter")}>
          <Input id="doc-quarter" name="quarter" defaultValue={currentQuarter} pattern="[0-9]{4}-Q[1-4]" required />
        </Field>
      ) : null}
      <Field id="doc-file" label="File" hint={k.hint} error={first(fields, "file")}>
        <Input id="doc-file" name="file" type="file" required />
      </Field>
      <Button type="submit" pending={pending}>
        Submit for review
      </Button>
      {message ? <Alert tone={message.ok ? "success" : "error"} testId="document-result">{message.text}</Alert> : null}
    </form>
  );
}

/** Admin: approve, or reject with a reason. */
export function ReviewForm({ id, label, action }: { id: string; label: string; action: (id: string, input: unknown) => Promise<ActionResult<{ status: string }>> }) {
  const router = useRouter();
  const [res, setRes] = useState<ActionResult<{ status: string }> | null>(null);
  const [pending, run] = useTransition();
  const [decision, setDecision] = useState<"approved" | "rejected">("approved");
  const reasonId = `reason-${id}`;
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
        run(async () => {
          const r = await action(id, { decision, reason });
          setRes(r);
          if (r.ok) router.refresh();
        });
      }}
    >
      <div className="space-y-1">
        <label htmlFor={reasonId} className="block text-xs font-medium text-ink-muted">
          Reason <span className="text-ink-subtle">(required to reject)</span>
        </label>
        <Input id={reasonId} name="reason" maxLength={1000} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" pending={pending && decision === "approved"} onClick={() => setDecision("approved")}>
          Approve<span className="sr-only"> {label}</span>
        </Button>
        <Button type="submit" size="sm" variant="danger" pending={pending && decision === "rejected"} onClick={() => setDecision("rejected")}>
          Reject<span className="sr-only"> {label}</span>
        </Button>
      </div>
      {res ? <Alert tone={res.ok ? "success" : "error"} testId="review-result">{res.ok ? `Marked ${res.data.status}` : (res.error.fields?.reason?.[0] ?? res.error.message)}</Alert> : null}
    </form>
  );
}

/** Admin: set the tier by hand, with a reason. */
export function TierOverrideForm({ partnerId, current, action }: { partnerId: string; current: string; action: (partnerId: string, input: unknown) => Promise<ActionResult<{ to: string }>> }) {
  const router = useRouter();
  const [res, setRes] = useState<ActionResult<{ to: string }> | null>(null);
  const [pending, run] = useTransition();
  const fields = res && !res.ok ? res.error.fields : undefined;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget));
        run(async () => {
          const r = await action(partnerId, data);
          setRes(r);
          if (r.ok) router.refresh();
        });
      }}
    >
      <Field id="ov-tier" label="Tier">
        <Select id="ov-tier" name="tier" defaultValue={current}>
          <option value="verified">Verified</option>
          <option value="advanced">Advanced</option>
          <option value="premier">Premier</option>
        </Select>
      </Field>
      <Field id="ov-days" label="Hold for (days)" hint="The nightly evaluation leaves the tier alone until then">
        <Input id="ov-days" name="days" type="number" min={1} max={365} defaultValue={90} />
      </Field>
      <Field id="ov-reason" label="Reason" error={first(fields, "reason")}>
        <Textarea id="ov-reason" name="reason" rows={2} required minLength={5} maxLength={1000} />
      </Field>
      <Button type="submit" pending={pending}>
        Set tier
      </Button>
      {res ? <Alert tone={res.ok ? "success" : "error"}>{res.ok ? `Tier set to ${res.data.to}` : res.error.message}</Alert> : null}
    </form>
  );
}
