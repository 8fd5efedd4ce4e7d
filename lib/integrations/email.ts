import { Resend } from "resend";
import { getEnv } from "@/lib/env";

// Email transport. With RESEND_API_KEY set, mail goes out through Resend's SDK;
// without it, nothing leaves the machine and the outbox row is the delivery.

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Lets the provider drop duplicates when a send is retried. */
  idempotencyKey: string;
}

/** The most emails one batch request may carry (Resend's limit). */
export const BATCH_LIMIT = 100;

export interface EmailTransport {
  readonly name: "resend";
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
  /** Up to BATCH_LIMIT emails in one request, all or none; ids in the order given. */
  sendBatch(emails: Omit<OutgoingEmail, "idempotencyKey">[], idempotencyKey: string): Promise<{ providerMessageId: string }[]>;
}

export function resendTransport(apiKey: string, baseUrl?: string): EmailTransport {
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send(email) {
      const { data, error } = await client.emails.send(
        { from: email.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
        { idempotencyKey: email.idempotencyKey },
      );
      if (error || !data) throw new Error(`Resend refused the email: ${error?.message ?? "no id returned"}`);
      return { providerMessageId: data.id };
    },
    async sendBatch(emails, idempotencyKey) {
      if (emails.length > BATCH_LIMIT) throw new Error(`A batch holds at most ${BATCH_LIMIT} emails, not ${emails.length}`);
      const { data, error } = await client.batch.send(
        emails.map((e) => ({ from: e.from, to: e.to, subject: e.subject, html: e.html, text: e.text })),
        { idempotencyKey },
      );
      if (error || !data || data.data.length !== emails.length) {
        throw new Error(`Resend refused the batch: ${error?.message ?? `${data?.data.length ?? 0} ids returned for ${emails.length} emails`}`);
      }
      return data.data.map((d) => ({ providerMessageId: d.id }));
    },
  };
}

/** The configured transport, or null when email stays in the outbox. */
export function configuredEmailTransport(): EmailTransport | null {
  const env = getEnv();
  return env.RESEND_API_KEY ? resendTransport(env.RESEND_API_KEY, env.RESEND_BASE_URL) : null;
}
