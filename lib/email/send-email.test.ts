import { afterEach, describe, expect, it } from "vitest";
import { resendTransport } from "@/lib/integrations/email";
import { fakeResend, startFakeServer } from "@/lib/testing/fake-http";
import { T0 } from "@/lib/testing/factories";
import { retryEmail, sendEmail } from "./send-email";
import { findEmail } from "./store";
import { magicLinkEmail } from "./templates";

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
