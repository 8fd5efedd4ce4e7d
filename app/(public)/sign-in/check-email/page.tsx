import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody } from "@/components/ui/card";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  const outboxOnly = !getEnv().RESEND_API_KEY;
  return (
    <div className="mx-auto max-w-lg px-4 py-16">
      <Card>
        <CardBody className="space-y-3 py-8 text-center">
          <div className="mx-auto flex size-12 items-center justify-center rounded-full bg-brand-50 text-2xl" aria-hidden="true">
            ✉
          </div>
          <h1 className="text-xl font-semibold text-ink">Check your email</h1>
          <p className="text-sm text-ink-muted">We sent you a sign-in link. It works once and expires in 24 hours.</p>
          {outboxOnly ? (
            <p className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900">
              This server has no email provider configured: the link is printed in the server log and kept in the admin
              email outbox.
            </p>
          ) : null}
          <p className="text-sm">
            <Link href="/sign-in" className="text-brand-700 hover:underline">
              Use a different address
            </Link>
          </p>
        </CardBody>
      </Card>
    </div>
  );
}
