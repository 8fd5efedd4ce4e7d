import "server-only";
import { createHash } from "node:crypto";
import { getDb, slices } from "@/db/client";
import { getEnv } from "@/lib/env";
import { BATCH_LIMIT, configuredEmailTransport, type EmailTransport } from "@/lib/integrations/email";
import { log } from "@/lib/log";
import { findEmail, insertEmail, insertEmails, markEmail, markEmailsFailed, markEmailsSent, type EmailRow } from "./store";
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

export type BulkEmail = Omit<SendEmailInput, "sensitive" | "now">;

/**
 * Many emails at once (a nightly run's notices): written to the outbox a thousand rows per
 * statement, then handed to the transport a batch of up to 100 per request. A refused batch
 * leaves its rows failed, each retryable from /admin/outbox like any other. Not for
 * credentials: a sign-in link goes through sendEmail, which redacts it after delivery.
 */
export async function sendEmails(
  inputs: BulkEmail[],
  now: Date,
  transport: EmailTransport | null = configuredEmailTransport(),
): Promise<{ stored: number; sent: number; failed: number }> {
  const result = { stored: 0, sent: 0, failed: 0 };
  if (!inputs.length) return result;
  const db = await getDb();
  const from = getEnv().EMAIL_FROM;
  const ids = await insertEmails(
    db,
    inputs.map((i) => ({
      kind: i.kind,
      toAddress: i.to,
      fromAddress: from,
      subject: i.email.subject,
      html: i.email.html,
      text: i.email.text,
      status: transport ? ("pending" as const) : ("stored" as const),
      provider: transport ? transport.name : ("outbox" as const),
      partnerId: i.partnerId ?? null,
    })),
  );
  if (!transport) {
    log.info("emails stored in outbox", { count: inputs.length });
    return { ...result, stored: inputs.length };
  }
  const batches = slices(inputs.map((input, k) => ({ input, id: ids[k]! })), BATCH_LIMIT);
  for (const batch of batches) {
    const chunk = batch.map((b) => b.input);
    const chunkIds = batch.map((b) => b.id);
    // The rows' own ids make the key: a retried run resends nothing the provider already took.
    const key = `batch-${createHash("sha256").update(chunkIds.join(",")).digest("hex")}`;
    try {
      const sent = await transport.sendBatch(
        chunk.map((c) => ({ from, to: c.to, subject: c.email.subject, html: c.email.html, text: c.email.text })),
        key,
      );
      await markEmailsSent(db, sent.map((s, k) => ({ id: chunkIds[k]!, providerMessageId: s.providerMessageId })), now);
      result.sent += chunk.length;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await markEmailsFailed(db, chunkIds, message);
      result.failed += chunk.length;
      log.warn("email batch failed", { count: chunk.length, error: message });
    }
  }
  return result;
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
