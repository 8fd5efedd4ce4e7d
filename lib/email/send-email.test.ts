import { afterEach, describe, expect, it } from "vitest";
import { resendTransport } from "@/lib/integrations/email";
import { fakeResend, startFakeServer } from "@/lib/testing/fake-http";
import { T0 } from "@/lib/testing/factories";
import { retryEmail, sendEmail, sendEmails } from "./send-email";
import { findEmail, listEmails } from "./store";
import { certificationNoticeEmail, magicLinkEmail } from "./templates";

const link = "http://localhost:3000/api/auth/callback/email?token=secret-token&email=a%40b.test";
const email = magicLinkEmail({ url: link, host: "localhost:3000", expiresInHours: 24 });

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("sendEmail", () => {
  it("without a provider, keeps the email in the outbox with its link", async () => {
    const row = await sendEmail({ kind: "magic_link", to: "a@b.test", email, sensitive: true, now: T0 }, null);
    expect(row).toMatchObject({ status: "stored", provider: "outbox", toAddress: "a@b.test" });
    expect(row.text).toContain("token=secret-token");
    expect(row.html).toContain("Sign in");
  });

  it("sends through Resend's SDK, records the message id and redacts a sign-in link", async () => {
    const server = await startFakeServer(fakeResend());
    close = server.close;
    const row = await sendEmail(
      { kind: "magic_link", to: "a@b.test", email, sensitive: true, now: T0 },
      resendTransport("re_test_key", server.url),
    );
    expect(row).toMatchObject({ status: "sent", provider: "resend", providerMessageId: "re_msg_1", attempts: 1 });
    expect(row.sentAt?.toISOString()).toBe(T0.toISOString());
    const sent = server.requests[0]!;
    expect(sent.json).toMatchObject({ to: "a@b.test", subject: email.subject });
    expect((sent.json as { text: string }).text).toContain("token=secret-token");
    expect(sent.headers["idempotency-key"]).toBe(row.id);
    expect(row.text).not.toContain("secret-token");
    expect(row.html).not.toContain("secret-token");
  });

  it("records a provider refusal as failed, and a retry sends it", async () => {
    const refusing = await startFakeServer(
      fakeResend({ failWith: { status: 422, name: "validation_error", message: "Invalid `to` field" } }),
    );
    const failed = await sendEmail(
      { kind: "invitation", to: "bad@b.test", email, now: T0 },
      resendTransport("re_test_key", refusing.url),
    );
    await refusing.close();
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.error).toContain("Invalid `to` field");

    const ok = await startFakeServer(fakeResend());
    close = ok.close;
    const retried = await retryEmail(failed.id, T0, resendTransport("re_test_key", ok.url));
    expect(retried).toMatchObject({ status: "sent", attempts: 2, error: null });
    expect((await findEmail(failed.id))!.providerMessageId).toBe("re_msg_1");
  });
});

describe("sendEmails", () => {
  const notice = (i: number) =>
    certificationNoticeEmail({ partnerName: `Partner ${i}`, subject: `Notice ${i}`, heading: "Heading", lines: [`Line ${i}`], consoleUrl: "http://localhost:3000/console", cta: "Open" });
  const many = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => ({ kind: "certification_certified", to: `${tag}-${i}@bulk.test`, email: notice(i), partnerId: `ptr_${tag}` }));

  it("without a provider, stores every email in the outbox", async () => {
    const result = await sendEmails(many(3, "outbox"), T0, null);
    expect(result).toEqual({ stored: 3, sent: 0, failed: 0 });
    const rows = await Promise.all([0, 1, 2].map(async (i) => (await listEmails({ to: `outbox-${i}@bulk.test`, page: 1, pageSize: 5 })).rows));
    for (const [i, [row]] of rows.entries()) {
      expect(row).toMatchObject({ status: "stored", provider: "outbox", subject: `Notice ${i}`, partnerId: "ptr_outbox" });
    }
  });

  it("sends through Resend's batch endpoint, 100 emails a request, and records each message id", async () => {
    const server = await startFakeServer(fakeResend());
    close = server.close;
    const result = await sendEmails(many(150, "batch"), T0, resendTransport("re_test_key", server.url));
    expect(result).toEqual({ stored: 0, sent: 150, failed: 0 });
    expect(server.requests.map((r) => [r.path, (r.json as unknown[]).length])).toEqual([
      ["/emails/batch", 100],
      ["/emails/batch", 50],
    ]);
    expect(server.requests[0]!.headers["idempotency-key"]).toMatch(/^batch-[0-9a-f]{64}$/);
    expect(server.requests[0]!.headers["idempotency-key"]).not.toBe(server.requests[1]!.headers["idempotency-key"]);
    expect((server.requests[1]!.json as { to: string; subject: string }[])[49]).toMatchObject({ to: "batch-149@bulk.test", subject: "Notice 149" });
    const [first] = (await listEmails({ to: "batch-0@bulk.test", page: 1, pageSize: 5 })).rows;
    const [last] = (await listEmails({ to: "batch-149@bulk.test", page: 1, pageSize: 5 })).rows;
    expect(first).toMatchObject({ status: "sent", provider: "resend", providerMessageId: "re_msg_1", attempts: 1 });
    expect(last).toMatchObject({ status: "sent", providerMessageId: "re_msg_150", attempts: 1 });
    expect(last!.sentAt?.toISOString()).toBe(T0.toISOString());
  });

  it("a refused batch leaves its emails failed with the reason, and each can be retried", async () => {
    const refusing = await startFakeServer(fakeResend({ failWith: { status: 429, name: "rate_limit_exceeded", message: "Too many requests" } }));
    const result = await sendEmails(many(2, "refused"), T0, resendTransport("re_test_key", refusing.url));
    await refusing.close();
    expect(result).toEqual({ stored: 0, sent: 0, failed: 2 });
    const [row] = (await listEmails({ to: "refused-1@bulk.test", page: 1, pageSize: 5 })).rows;
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.error).toContain("Too many requests");

    const ok = await startFakeServer(fakeResend());
    close = ok.close;
    expect(await retryEmail(row!.id, T0, resendTransport("re_test_key", ok.url))).toMatchObject({ status: "sent", attempts: 2, error: null });
  });
});
