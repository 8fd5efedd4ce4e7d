"use client";

import { ActionForm, firstError } from "@/components/marketing/action-form";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { postAdjustmentAction } from "@/lib/payouts/actions";

/** Posts a credit or a debit to a partner's payout ledger, with the reason the partner will see. */
export function AdjustmentForm({ partnerId, currencies }: { partnerId: string; currencies: string[] }) {
  return (
    <ActionForm action={(fd) => postAdjustmentAction(partnerId, fd)} submitLabel="Post adjustment" submitVariant="secondary" testId="adjustment-form">
      {(e) => (
        <div className="grid gap-3 sm:grid-cols-[8rem_6rem_1fr]">
          <Field id="adj-amount" label="Amount" hint="Negative to take off" error={firstError(e, "amount")}>
            <Input {...fieldAria("adj-amount", firstError(e, "amount"), true)} name="amount" inputMode="decimal" placeholder="25.00" autoComplete="off" />
          </Field>
          <Field id="adj-currency" label="Currency" error={firstError(e, "currency")}>
            <Select {...fieldAria("adj-currency", firstError(e, "currency"))} name="currency" defaultValue={currencies[0]}>
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="adj-memo" label="Reason" hint="On the partner's payout lines and CSV" error={firstError(e, "memo")}>
            <Input {...fieldAria("adj-memo", firstError(e, "memo"), true)} name="memo" placeholder="Goodwill credit for the March outage" autoComplete="off" />
          </Field>
        </div>
      )}
    </ActionForm>
  );
}
