"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea, fieldAria } from "@/components/ui/field";
import { addProofFileAction, addProofLinkAction, commentOnMaterialAction, createWebinarAction, registerForWebinarAction, removeProofAction, resubmitMaterialAction, reviewMaterialAction, submitMaterialAction } from "@/lib/marketing/actions";
import { COMPANY_SIZES, LEAD_ROLE_LABELS, LEAD_ROLES } from "@/lib/marketing/lead-qualification";
import { ActionForm, firstError } from "./action-form";

const obj = (fd: FormData) => Object.fromEntries([...fd.entries()].filter(([, v]) => typeof v === "string"));

export function CreateWebinarForm({ partnerId }: { partnerId: string }) {
  return (
    <ActionForm action={(fd) => createWebinarAction(partnerId, obj(fd))} submitLabel="Create webinar" testId="webinar-form">
      {(e) => (
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="w-title" label="Title" error={firstError(e, "title")} className="md:col-span-2">
            <Input {...fieldAria("w-title", firstError(e, "title"))} name="title" />
          </Field>
          <Field id="w-startsAt" label="Starts at (UTC)" error={firstError(e, "startsAt")}>
            <Input {...fieldAria("w-startsAt", firstError(e, "startsAt"))} name="startsAt" type="datetime-local" />
          </Field>
          <Field id="w-duration" label="Duration (minutes)" error={firstError(e, "durationMinutes")}>
            <Input {...fieldAria("w-duration", firstError(e, "durationMinutes"))} name="durationMinutes" type="number" defaultValue={45} min={10} max={480} />
          </Field>
          <Field id="w-description" label="Description" error={firstError(e, "description")} className="md:col-span-2">
            <Textarea {...fieldAria("w-description", firstError(e, "description"))} name="description" />
          </Field>
        </div>
      )}
    </ActionForm>
  );
}

export function WebinarRegistrationForm({ slug }: { slug: string }) {
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <Alert tone="success" title="You are registered" testId="registration-done">
        We will email you the joining link before the webinar starts.
      </Alert>
    );
  }
  return (
    <ActionForm action={(fd) => registerForWebinarAction(slug, obj(fd))} submitLabel="Register" onDone={() => setDone(true)} testId="registration-form">
      {(e) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="r-name" label="Full name" error={firstError(e, "name")}>
            <Input {...fieldAria("r-name", firstError(e, "name"))} name="name" autoComplete="name" />
          </Field>
          <Field id="r-email" label="Work email" error={firstError(e, "email")}>
            <Input {...fieldAria("r-email", firstError(e, "email"))} name="email" type="email" autoComplete="email" />
          </Field>
          <Field id="r-company" label="Company" error={firstError(e, "company")}>
            <Input {...fieldAria("r-company", firstError(e, "company"))} name="company" autoComplete="organization" />
          </Field>
          <Field id="r-size" label="Company size" error={firstError(e, "companySize")}>
            <Select {...fieldAria("r-size", firstError(e, "companySize"))} name="companySize" defaultValue="">
              <option value="" disabled>
                Choose…
              </option>
              {COMPANY_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s} people
                </option>
              ))}
            </Select>
          </Field>
          <Field id="r-role" label="Your role" error={firstError(e, "role")}>
            <Select {...fieldAria("r-role", firstError(e, "role"))} name="role" defaultValue="">
              <option value="" disabled>
                Choose…
              </option>
              {LEAD_ROLES.map((r) => (
                <option key={r} value={r}>
                  {LEAD_ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          </Field>
          <div className="sm:col-span-2">
            <label className="flex items-start gap-2 text-sm text-ink-muted">
              <input type="checkbox" name="consent" className="mt-1 size-4 accent-brand-700" aria-invalid={firstError(e, "consent") ? true : undefined} />
              <span>I agree that the host and the Provenant Partner Program may contact me about this webinar.</span>
            </label>
            {firstError(e, "consent") ? <p className="mt-1 text-xs font-medium text-red-700" role="alert">{firstError(e, "consent")}</p> : null}
          </div>
        </div>
      )}
    </ActionForm>
  );
}

export function SubmitMaterialForm({ partnerId, policy }: { partnerId: string; policy: string }) {
  return (
    <ActionForm action={(fd) => submitMaterialAction(partnerId, fd)} submitLabel="Submit for approval" testId="material-form">
      {(e) => (
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="m-title" label="Title" error={firstError(e, "title")}>
            <Input {...fieldAria("m-title", firstError(e, "title"))} name="title" />
          </Field>
          <Field id="m-usage" label="Where it will be used" error={firstError(e, "usage")}>
            <Input {...fieldAria("m-usage", firstError(e, "usage"))} name="usage" placeholder="LinkedIn campaign, trade-show booth…" />
          </Field>
          <Field id="m-file" label="File" hint={policy} error={firstError(e, "file")}>
            <Input {...fieldAria("m-file", firstError(e, "file"), true)} name="file" type="file" className="py-1.5" />
          </Field>
          <Field id="m-url" label="…or URL" hint="Where the material is published (https://)" error={firstError(e, "url")}>
            <Input {...fieldAria("m-url", firstError(e, "url"), true)} name="url" type="url" />
          </Field>
          <Field id="m-comment" label="Note for the reviewer" error={firstError(e, "comment")} className="md:col-span-2">
            <Textarea {...fieldAria("m-comment", firstError(e, "comment"))} name="comment" className="min-h-20" />
          </Field>
        </div>
      )}
    </ActionForm>
  );
}

export function ResubmitMaterialForm({ partnerId, submissionId, policy }: { partnerId: string; submissionId: string; policy: string }) {
  return (
    <ActionForm action={(fd) => resubmitMaterialAction(partnerId, submissionId, fd)} submitLabel="Resubmit">
      {(e) => (
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="rs-file" label="New file" hint={policy} error={firstError(e, "file")}>
            <Input {...fieldAria("rs-file", firstError(e, "file"), true)} name="file" type="file" className="py-1.5" />
          </Field>
          <Field id="rs-url" label="…or URL" error={firstError(e, "url")}>
            <Input {...fieldAria("rs-url", firstError(e, "url"))} name="url" type="url" />
          </Field>
          <Field id="rs-comment" label="What changed" error={firstError(e, "comment")} className="md:col-span-2">
            <Textarea {...fieldAria("rs-comment", firstError(e, "comment"))} name="comment" className="min-h-20" />
          </Field>
        </div>
      )}
    </ActionForm>
  );
}

export function CommentForm({ submissionId }: { submissionId: string }) {
  return (
    <ActionForm action={(fd) => commentOnMaterialAction(submissionId, fd)} submitLabel="Add comment" submitVariant="secondary">
      {(e) => (
        <Field id="c-body" label="Comment" error={firstError(e, "body")}>
          <Textarea {...fieldAria("c-body", firstError(e, "body"))} name="body" className="min-h-20" />
        </Field>
      )}
    </ActionForm>
  );
}

export function ReviewMaterialForm({ submissionId }: { submissionId: string }) {
  return (
    <ActionForm action={(fd) => reviewMaterialAction(submissionId, fd)} submitLabel="Save review" testId="review-form">
      {(e) => (
        <>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-ink">Decision</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="decision" value="approve" className="accent-brand-700" /> Approve and give a reference id
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="decision" value="request_changes" className="accent-brand-700" /> Request changes
            </label>
            {firstError(e, "decision") ? <p className="text-xs font-medium text-red-700" role="alert">{firstError(e, "decision")}</p> : null}
          </fieldset>
          <Field id="rv-comment" label="Comment to the partner" hint="Required when you request changes." error={firstError(e, "comment")}>
            <Textarea {...fieldAria("rv-comment", firstError(e, "comment"), true)} name="comment" className="min-h-20" />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function ProofLinkForm({ partnerId }: { partnerId: string }) {
  return (
    <ActionForm action={(fd) => addProofLinkAction(partnerId, fd)} submitLabel="Add link" testId="proof-link-form">
      {(e) => (
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="pl-title" label="Title" error={firstError(e, "title")}>
            <Input {...fieldAria("pl-title", firstError(e, "title"))} name="title" />
          </Field>
          <Field id="pl-link" label="CAI Verify link or asset URL" hint="https://contentcredentials.org/verify?source=… — the asset must be reachable." error={firstError(e, "link")}>
            <Input {...fieldAria("pl-link", firstError(e, "link"), true)} name="link" type="url" />
          </Field>
        </div>
      )}
    </ActionForm>
  );
}

export function ProofFileForm({ partnerId, policy }: { partnerId: string; policy: string }) {
  return (
    <ActionForm action={(fd) => addProofFileAction(partnerId, fd)} submitLabel="Upload proof" testId="proof-file-form">
      {(e) => (
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="pf-title" label="Title" error={firstError(e, "title")}>
            <Input {...fieldAria("pf-title", firstError(e, "title"))} name="title" />
          </Field>
          <Field id="pf-file" label="File" hint={policy} error={firstError(e, "file")}>
            <Input {...fieldAria("pf-file", firstError(e, "file"), true)} name="file" type="file" className="py-1.5" />
          </Field>
        </div>
      )}
    </ActionForm>
  );
}

export function RemoveProofButton({ partnerId, proofId }: { partnerId: string; proofId: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="danger"
        pending={pending}
        onClick={async () => {
          setPending(true);
          const res = await removeProofAction(partnerId, proofId);
          setPending(false);
          if (!res.ok) setError(res.error.message);
        }}
      >
        Remove
      </Button>
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
