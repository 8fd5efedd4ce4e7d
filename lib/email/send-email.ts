import "server-only";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { configuredEmailTransport, type EmailTransport } from "@/lib/integrations/email";
import { log } from "@/lib/log";
import { findEmail, insertEmail, markEmail, type EmailRow } from "./store";
import type { RenderedEmail } from "./templates";

export interface SendEmailInput {
  kind: string;
  to: string;
  email: RenderedEmail;
  partnerId?: string | null;
  /**
   * The body holds a credential (a sign-in link). Once a real provider has
   * delivered it, the stored copy is redacted so the outbox cannot be used to sign in.
   */
  sensitive?: boolean;
  now: Date;
}

const REDACTED = "[link removed from the stored copy after delivery]";

function redact(body: string): string {
  return body.replace(/https?:\/\/[^\s"'<>]+/g, REDACTED);
}

/**
 * Every outgoing email is first written to the outbox, then handed to the
 * transport if one is configured. Without one the row is the delivery
 * (status "stored"), readable by admins at /admin/outbox.
 */
export async function sendEmail(
  input: SendEmailInput,
  transport: EmailTransport | null = configuredEmailTransport(),
): Promise<EmailRow> {
  const db = await getDb();
  const row = await insertEmail(db, {
    kind: input.kind,
    toAddress: input.to,
    fromAddress: getEnv().EMAIL_FROM,
    subject: input.email.subject,
    html: input.email.html,
    text: input.email.text,
    provider: transport ? transport.name : "outbox",
    partnerId: input.partnerId ?? null,
  });
  if (!transport) {
    await markEmail(row.id, { status: "stored" });
    log.info("email stored in outbox", { id: row.id, to: input.to, subject: input.email.subject });
    return (await findEmail(row.id))!;
  }
  return deliver(row, transport, input.now, input.sensitive ?? false);
}

async function deliver(row: EmailRow, transport: EmailTransport, now: Date, sensitive: boolean): Promise<EmailRow> {
  try {
    const { providerMessageId } = await transport.send({
      from: row.fromAddress,
      to: row.toAddress,
      subject: row.subject,
      html: row.html,
      text: row.text,
      idempotencyKey: row.id,
    });
    await markEmail(row.id, {
      status: "sent",
      providerMessageId,
      sentAt: now,
      error: null,
      attempted: true,
      ...(sensitive ? { html: redact(row.html), text: redact(row.text) } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await markEmail(row.id, { status: "failed", error: message.slice(0, 500), attempted: true });
    log.warn("email delivery failed", { id: row.id, to: row.toAddress, error: message });
  }
  return (await findEmail(row.id))!;
}

/** Sends a failed email again through the configured transport (admin action). */
export async function retryEmail(
  id: string,
  now: Date,
  transport: EmailTransport | null = configuredEmailTransport(),
): Promise<EmailRow | null> {
  const row = await findEmail(id);
  if (!row) return null;
  if (row.status !== "failed" || !transport) return row;
  return deliver(row, transport, now, row.kind === "magic_link");
}
