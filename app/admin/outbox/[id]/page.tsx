import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmailStatus } from "@/components/admin/email-status";
import { RetryEmailButton } from "@/components/admin/retry-email-button";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/guards";
import { retryEmailAction } from "@/lib/email/actions";
import { findEmail } from "@/lib/email/store";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Email · Admin" };

export default async function EmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/admin/outbox/${id}`, "outbox:read");
  const email = await findEmail(id);
  if (!email) notFound();
  const meta: [string, React.ReactNode][] = [
    ["To", email.toAddress],
    ["From", email.fromAddress],
    ["Kind", <span key="k" className="font-mono text-xs">{email.kind}</span>],
    ["Status", <EmailStatus key="s" status={email.status} />],
    ["Provider", email.provider === "resend" ? `Resend${email.providerMessageId ? ` (${email.providerMessageId})` : ""}` : "Outbox only"],
    ["Attempts", email.attempts],
    ["Created", formatDateTime(email.createdAt)],
    ["Sent", formatDateTime(email.sentAt)],
  ];
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-ink-muted">
        <Link href="/admin/outbox" className="hover:text-ink">
          Email outbox
        </Link>{" "}
        / <span className="font-mono text-ink">{email.id}</span>
      </nav>
      <PageHeader title={email.subject} />
      {email.error ? (
        <Alert tone="error" title="Delivery failed" className="mb-4">
          {email.error}
        </Alert>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[20rem_1fr]">
        <Card>
          <CardHeader title="Details" />
          <CardBody>
            <dl className="space-y-3 text-sm">
              {meta.map(([k, v]) => (
                <div key={k}>
                  <dt className="text-ink-subtle">{k}</dt>
                  <dd className="break-all text-ink">{v}</dd>
                </div>
              ))}
            </dl>
            {email.status === "failed" && getEnv().RESEND_API_KEY ? (
              <div className="mt-5">
                <RetryEmailButton emailId={email.id} retry={retryEmailAction} />
              </div>
            ) : null}
          </CardBody>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title="HTML" description="Rendered in a sandbox: scripts and forms are disabled." />
            <iframe title={`HTML of ${email.subject}`} sandbox="" srcDoc={email.html} className="h-[28rem] w-full rounded-b-xl bg-white" />
          </Card>
          <Card>
            <CardHeader title="Plain text" />
            <CardBody>
              <pre className="text-xs leading-5 whitespace-pre-wrap text-ink" data-testid="email-text">{email.text}</pre>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
