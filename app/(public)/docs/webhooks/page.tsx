import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardBody } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { EVENT_REGISTRY, EVENT_TYPES } from "@/lib/events/registry";
import { FAILING_NOTICE_AFTER_MS } from "@/lib/webhooks/rules";
import { MAX_ATTEMPTS, formatDuration, nominalSchedule } from "@/lib/webhooks/schedule";
import { IMMEDIATE_TIMEOUT_MS } from "@/lib/webhooks/send-test-event";
import { DEFAULT_TIMEOUT_MS } from "@/lib/webhooks/deliver-due";
import { NODE_EXPRESS_EXAMPLE, NODE_VERIFY_SNIPPET, STANDARDWEBHOOKS_EXAMPLE } from "@/lib/webhooks/verify-snippet";
import { EVENT_LABELS } from "@/lib/webhooks/view";

export const metadata: Metadata = { title: "Webhooks" };

function Code({ children, label }: { children: string; label?: string }) {
  return (
    <pre aria-label={label} tabIndex={0} className="overflow-x-auto rounded-lg bg-slate-900 p-4 font-mono text-xs leading-5 text-slate-100">
      {children}
    </pre>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="scroll-mt-6 space-y-3">
      <h2 className="text-xl font-semibold text-ink">{title}</h2>
      {children}
    </section>
  );
}

const exampleBody = (type: (typeof EVENT_TYPES)[number]) =>
  JSON.stringify({ id: "evt_5x0q2v8k1m7n3b9c4z6a", type, timestamp: "2026-11-26T09:00:00.000Z", data: EVENT_REGISTRY[type].example }, null, 2);

export default function WebhooksDocsPage() {
  const schedule = nominalSchedule();
  const total = schedule.at(-1)!.totalMs;
  return (
    <div className="mx-auto max-w-4xl space-y-10 px-4 py-10 sm:px-6">
      <header>
        <p className="text-sm font-semibold text-brand-700">Developers</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink">Webhooks</h1>
        <p className="mt-3 text-base text-ink-muted">
          When something happens in the partner program — a deal is registered, an attribution matches, a payout is paid — we
          send an HTTPS <code>POST</code> with a JSON body to each of your endpoints that subscribes to that event type. Add
          endpoints in the console under <em>Webhooks</em> (owners), or with the{" "}
          <Link href="/docs/api#webhooks" className="text-brand-700 underline hover:text-brand-800">
            API
          </Link>
          . Requests follow the{" "}
          <a href="https://www.standardwebhooks.com" className="text-brand-700 underline hover:text-brand-800" rel="noreferrer">
            Standard Webhooks
          </a>{" "}
          specification, so any of its libraries can verify them.
        </p>
        <nav aria-label="On this page" className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {[
            ["#request", "The request"],
            ["#verify", "Verifying signatures"],
            ["#retries", "Retries"],
            ["#events", "Event types"],
          ].map(([href, label]) => (
            <a key={href} href={href} className="text-brand-700 underline hover:text-brand-800">
              {label}
            </a>
          ))}
        </nav>
      </header>

      <Section id="request" title="The request">
        <p className="text-sm text-ink-muted">Every delivery is a POST with these headers and a JSON body:</p>
        <Card>
          <Table caption="Webhook headers">
            <thead className="bg-slate-50">
              <tr>
                <Th>Header</Th>
                <Th>Value</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 text-sm">
              <Tr>
                <Td className="font-mono text-xs whitespace-nowrap">webhook-id</Td>
                <Td>
                  The delivery&apos;s id (<code>whd_…</code>). The same on every retry and resend of a delivery: use it to skip
                  deliveries you have already handled.
                </Td>
              </Tr>
              <Tr>
                <Td className="font-mono text-xs whitespace-nowrap">webhook-timestamp</Td>
                <Td>When this attempt was sent, in seconds since the Unix epoch. Refuse requests more than 5 minutes old.</Td>
              </Tr>
              <Tr>
                <Td className="font-mono text-xs whitespace-nowrap">webhook-signature</Td>
                <Td>
                  <code>v1,</code> + base64 HMAC-SHA256 of <code>{"{webhook-id}.{webhook-timestamp}.{body}"}</code>, keyed with your
                  secret (the base64 part after <code>whsec_</code>). Several signatures, separated by spaces, during the 24 hours after
                  a secret rotation: accept the request if any one matches.
                </Td>
              </Tr>
              <Tr>
                <Td className="font-mono text-xs whitespace-nowrap">content-type</Td>
                <Td>
                  <code>application/json</code>
                </Td>
              </Tr>
            </tbody>
          </Table>
        </Card>
        <Code label="Example body">{exampleBody("partner.payout.paid")}</Code>
        <p className="text-sm text-ink-muted">
          Answer with any <code>2xx</code> status within {DEFAULT_TIMEOUT_MS / 1000} seconds to acknowledge; do slow work after
          answering. Redirects are not followed. Answer <code>410 Gone</code> to tell us the endpoint no longer exists: we disable it
          at once. Deliveries are not ordered: use the <code>timestamp</code> and ids in the body if order matters.
        </p>
      </Section>

      <Section id="verify" title="Verifying signatures">
        <p className="text-sm text-ink-muted">
          Verify every request before trusting it, on the raw body exactly as received (parse the JSON afterwards). In Node.js,
          with nothing but <code>node:crypto</code>:
        </p>
        <Code label="Node.js verification">{NODE_VERIFY_SNIPPET}</Code>
        <p className="text-sm text-ink-muted">With Express, keep the body as text so the signature can be checked:</p>
        <Code label="Express example">{NODE_EXPRESS_EXAMPLE}</Code>
        <p className="text-sm text-ink-muted">
          Or use the <code>standardwebhooks</code> package (also for Python, Go, Ruby, PHP, Java, Rust, C#):
        </p>
        <Code label="standardwebhooks example">{STANDARDWEBHOOKS_EXAMPLE}</Code>
        <p className="text-sm text-ink-muted">
          Your endpoint&apos;s signing secret is shown once, when you add the endpoint or rotate its secret. After a rotation the old
          secret keeps signing for 24 hours, so you can update your receiver without missing events.
        </p>
      </Section>

      <Section id="retries" title="Retries">
        <p className="text-sm text-ink-muted">
          A delivery that does not get a <code>2xx</code> in time (an error status, a timeout, a refused connection) is tried again
          with exponential backoff: {MAX_ATTEMPTS} attempts in all, over about {formatDuration(total)}. Each delay varies by up to
          20% either way, so retries from many deliveries do not arrive at once. A test event or a resend from the console is
          attempted immediately and waits up to {IMMEDIATE_TIMEOUT_MS / 1000} seconds for your answer.
        </p>
        <Card>
          <Table caption="Retry schedule">
            <thead className="bg-slate-50">
              <tr>
                <Th>After failed attempt</Th>
                <Th>Next attempt in (about)</Th>
                <Th>Since the first attempt</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 text-sm">
              {schedule.map((s) => (
                <Tr key={s.attempt}>
                  <Td>{s.attempt}</Td>
                  <Td>{formatDuration(s.delayMs)}</Td>
                  <Td>{formatDuration(s.totalMs)}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <p className="text-sm text-ink-muted">
          If an endpoint has failed every attempt for {formatDuration(FAILING_NOTICE_AFTER_MS)}, the partner&apos;s owners get an email.
          When a delivery then runs out of attempts, the endpoint is disabled and the owners are told. Fix the receiver, enable the
          endpoint again in the console and resend the deliveries you need.
        </p>
      </Section>

      <Section id="events" title="Event types">
        <p className="text-sm text-ink-muted">
          Subscribe each endpoint to the types it needs, or to all types (including types added later). The list is also at{" "}
          <code>GET /api/v1/webhooks/event-types</code>.
        </p>
        <div className="space-y-4">
          {EVENT_TYPES.map((type) => (
            <Card key={type} id={type}>
              <CardBody className="space-y-3">
                <h3 className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="font-mono text-sm font-semibold text-ink">{type}</span>
                  <span className="text-sm text-ink-muted">{EVENT_LABELS[type]}</span>
                </h3>
                <p className="text-sm text-ink-muted">{EVENT_REGISTRY[type].description}</p>
                <Code label={`Example ${type} body`}>{exampleBody(type)}</Code>
              </CardBody>
            </Card>
          ))}
        </div>
      </Section>
    </div>
  );
}
