"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";
import type { SignInState } from "@/lib/auth/actions";

export function SignInForm({
  action,
  callbackUrl,
  defaultEmail,
}: {
  action: (prev: SignInState, form: FormData) => Promise<SignInState>;
  callbackUrl: string;
  defaultEmail?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { email: defaultEmail });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="email" label="Work email" error={state.error}>
        <Input
          {...fieldAria("email", state.error)}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email ?? ""}
          placeholder="you@agency.com"
        />
      </Field>
      <Button type="submit" className="w-full" pending={pending}>
        Email me a sign-in link
      </Button>
    </form>
  );
}
