"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";
import { SecretReveal } from "./secret-reveal";

type Summary = { status: string; message: string };

/** Send a test event, disable/enable, rotate the secret, delete. Each is a bound server action. */
export function EndpointActions({
  active,
  sendTest,
  setEnabled,
  rotate,
  remove,
}: {
  active: boolean;
  sendTest: () => Promise<ActionResult<Summary>>;
  setEnabled: (enabled: boolean) => Promise<ActionResult>;
  rotate: () => Promise<ActionResult<{ secret: string }>>;
  remove: () => Promise<ActionResult>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error" | "warning"; text: string } | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const run = <T,>(name: string, fn: () => Promise<ActionResult<T>>, onOk: (data: T, message?: string) => void) => {
    setBusy(name);
    start(async () => {
      const res = await fn();
      if (res.ok) onOk(res.data, res.message);
      else setNotice({ tone: "error", text: res.error.message });
      setBusy(null);
      router.refresh();
    });
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="primary"
          size="sm"
          disabled={!active || pending}
          pending={busy === "test"}
          onClick={() =>
            run("test", sendTest, (s) => setNotice({ tone: s.status === "succeeded" ? "success" : "warning", text: `Test event: ${s.message}` }))
          }
        >
          Send test event
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          pending={busy === "rotate"}
          onClick={() => {
            if (window.confirm("Rotate the signing secret? The current secret keeps working for 24 hours, so you can update your receiver."))
              run("rotate", rotate, (d) => {
                setSecret(d.secret);
                setNotice(null);
              });
          }}
        >
          Rotate secret
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          pending={busy === "status"}
          onClick={() => run("status", () => setEnabled(!active), (_d, m) => setNotice({ tone: "success", text: m ?? "Saved" }))}
        >
          {active ? "Disable" : "Enable"}
        </Button>
        <Button
          variant="danger"
          size="sm"
          disabled={pending}
          pending={busy === "delete"}
          onClick={() => {
            if (window.confirm("Delete this endpoint and its delivery history? Events are no longer sent to it."))
              run("delete", remove, () => router.push("/console/webhooks"));
          }}
        >
          Delete
        </Button>
      </div>
      {secret ? (
        <SecretReveal
          title="New signing secret: copy it now"
          note="This is the only time it is shown. For the next 24 hours every webhook is signed with both the new and the old secret."
          secret={secret}
          onDone={() => setSecret(null)}
        />
      ) : null}
      {notice ? (
        <Alert tone={notice.tone} testId="endpoint-notice">
          {notice.text}
        </Alert>
      ) : null}
    </div>
  );
}
