"use client";

import { ActionForm, firstError } from "@/components/marketing/action-form";
import { Field, Input, Textarea, fieldAria } from "@/components/ui/field";
import { decideMdfClaimAction, decideMdfRequestAction, submitMdfClaimAction } from "@/lib/mdf/actions";

export function DecideRequestForm({ requestId, requestedLabel }: { requestId: string; requestedLabel: string }) {
  return (
    <ActionForm action={(fd) => decideMdfRequestAction(requestId, fd)} submitLabel="Save decision" testId="mdf-decision-form">
      {(e) => (
        <>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-ink">Decision on {requestedLabel}</legend>
            {[
              ["approve", "Approve in full"],
              ["partly_approve", "Approve part of it"],
              ["reject", "Reject"],
            ].map(([value, label]) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input type="radio" name="decision" value={value} className="accent-brand-700" /> {label}
              </label>
            ))}
            {firstError(e, "decision") ? <p className="text-xs font-medium text-red-700" role="alert">{firstError(e, "decision")}</p> : null}
          </fieldset>
          <Field id="d-amount" label="Approved amount (USD)" hint="Only for a partial approval." error={firstError(e, "approvedAmount")}>
            <Input {...fieldAria("d-amount", firstError(e, "approvedAmount"), true)} name="approvedAmount" type="number" min={0} step="0.01" inputMode="decimal" />
          </Field>
          <Field id="d-reason" label="Reason" hint="Required for a partial approval or a rejection; the partner sees it." error={firstError(e, "reason")}>
            <Textarea {...fieldAria("d-reason", firstError(e, "reason"), true)} name="reason" className="min-h-20" />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function DecideClaimForm({ requestId, payableLabel }: { requestId: string; payableLabel: string }) {
  return (
    <ActionForm action={(fd) => decideMdfClaimAction(requestId, fd)} submitLabel="Save claim decision" testId="mdf-claim-decision-form">
      {(e) => (
        <>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-ink">Claim</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="decision" value="approve" className="accent-brand-700" /> Approve and reimburse {payableLabel}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="decision" value="reject" className="accent-brand-700" /> Reject the claim
            </label>
            {firstError(e, "decision") ? <p className="text-xs font-medium text-red-700" role="alert">{firstError(e, "decision")}</p> : null}
          </fieldset>
          <Field id="c-reason" label="Reason" hint="Required to reject." error={firstError(e, "reason")}>
            <Textarea {...fieldAria("c-reason", firstError(e, "reason"), true)} name="reason" className="min-h-20" />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function ClaimForm({ partnerId, requestId, receiptPolicy }: { partnerId: string; requestId: string; receiptPolicy: string }) {
  return (
    <ActionForm action={(fd) => submitMdfClaimAction(partnerId, requestId, fd)} submitLabel="Submit claim" testId="mdf-claim-form">
      {(e) => (
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="cl-amount" label="Amount spent (USD)" error={firstError(e, "claimedAmount")}>
            <Input {...fieldAria("cl-amount", firstError(e, "claimedAmount"))} name="claimedAmount" type="number" min={0} step="0.01" inputMode="decimal" />
          </Field>
          <Field id="cl-leads" label="Leads generated" error={firstError(e, "actualLeads")}>
            <Input {...fieldAria("cl-leads", firstError(e, "actualLeads"))} name="actualLeads" type="number" min={0} step={1} />
          </Field>
          <Field id="cl-summary" label="Results and proof of execution" error={firstError(e, "resultsSummary")} className="md:col-span-2">
            <Textarea {...fieldAria("cl-summary", firstError(e, "resultsSummary"))} name="resultsSummary" />
          </Field>
          <Field id="cl-proof" label="Proof URL (optional)" hint="Recording, event page, campaign report (https://)" error={firstError(e, "proofUrl")}>
            <Input {...fieldAria("cl-proof", firstError(e, "proofUrl"), true)} name="proofUrl" type="url" />
          </Field>
          <Field id="cl-receipts" label="Spend receipts" hint={receiptPolicy} error={firstError(e, "receipts")}>
            <Input {...fieldAria("cl-receipts", firstError(e, "receipts"), true)} name="receipts" type="file" multiple className="py-1.5" />
          </Field>
        </div>
      )}
    </ActionForm>
  );
}
