import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { requestMagicLink, signInAsDemo } from "@/lib/auth/actions";
import { DEMO_ACCOUNTS } from "@/lib/auth/demo-accounts";
import { getViewer } from "@/lib/auth/guards";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Partner sign-in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; email?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackPath(sp.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const demo = getEnv().demoLogin;
  return (
    <div className="mx-auto grid max-w-5xl gap-8 px-4 py-12 sm:px-6 lg:grid-cols-2 lg:py-16">
      <div className="space-y-6">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight text-ink">Sign in to the partner console</h1>
          <p className="mt-2 text-base text-ink-muted">
            No password: we email you a one-time link. Use the address your partner organisation invited you with.
          </p>
        </div>
        {sp.error ? (
          <Alert tone="error" title="That did not work" testId="sign-in-error">
            {sp.error === "demo" ? "Demo sign-in is not available for that account." : "The sign-in link was invalid or has expired. Ask for a new one."}
          </Alert>
        ) : null}
        <Card>
          <CardBody className="py-6">
            <SignInForm action={requestMagicLink} callbackUrl={callbackUrl} defaultEmail={sp.email} />
          </CardBody>
        </Card>
      </div>
      {demo ? (
        <section aria-labelledby="demo-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="demo-heading" className="text-base font-semibold text-ink">
            Demo accounts
          </h2>
          <p className="mt-1 text-sm text-ink-muted">One click signs you in as a seeded user. Available because DEMO_LOGIN is on.</p>
          <ul className="mt-4 space-y-2">
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                <form action={signInAsDemo}>
                  <input type="hidden" name="email" value={a.email} />
                  {sp.callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
                  <button
                    type="submit"
                    className="flex w-full items-center justify-between gap-3 rounded-lg px-3 py-2.5 text-left ring-1 ring-slate-200 hover:bg-slate-50 hover:ring-brand-300"
                  >
                    <span className="min-w-0">
                      <span className="block text-sm font-medium text-ink">Sign in as {a.name}</span>
                      <span className="block truncate text-xs text-ink-subtle">
                        {a.label} · {a.email}
                      </span>
                    </span>
                    <span aria-hidden="true" className="text-ink-subtle">→</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
