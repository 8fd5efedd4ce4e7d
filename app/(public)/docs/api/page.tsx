import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardBody } from "@/components/ui/card";

export const metadata: Metadata = { title: "API reference" };

function Code({ children }: { children: string }) {
  return <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 font-mono text-xs leading-5 text-slate-100">{children}</pre>;
}

function Endpoint({ method, path, auth, children }: { method: string; path: string; auth: string; children: ReactNode }) {
  return (
    <Card>
      <CardBody className="space-y-3">
        <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
          <span className="rounded bg-brand-100 px-2 py-0.5 font-semibold text-brand-800">{method}</span>
          <span className="text-ink">{path}</span>
          <span className="ml-auto font-sans text-xs text-ink-subtle">{auth}</span>
        </h3>
        <div className="space-y-3 text-sm text-ink-muted">{children}</div>
      </CardBody>
    </Card>
  );
}

export default function ApiDocsPage() {
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-10 sm:px-6">
      <header>
        <p className="text-sm font-semibold text-brand-700">Developers</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink">API reference</h1>
        <p className="mt-3 text-base text-ink-muted">
          A JSON API under <code>/api/v1</code>. Public endpoints need no key. Partner endpoints take a partner API key,
          created by an owner in the console under <em>API keys</em>, sent as <code>Authorization: Bearer ppk_live_…</code>.
          A key only ever acts on its own partner, within the scopes chosen when it was created.
        </p>
      </header>

      <section className="space-y-3">
        <h2 className="text-xl font-semibold text-ink">Errors</h2>
        <p className="text-sm text-ink-muted">
          Every error has the same shape. <code>400</code> for malformed JSON or invalid fields (with a message per field),{" "}
          <code>401</code> for a missing, unknown or revoked key, <code>403</code> when the key lacks the scope,{" "}
          <code>404</code> for unknown ids, <code>409</code> for conflicts. Each response carries an <code>x-request-id</code>.
        </p>
        <Code>{`HTTP/1.1 400 Bad Request
{
  "error": {
    "code": "validation_failed",
    "message": "2 fields are invalid",
    "fields": {
      "slaResponseHours": ["At most 720 hours (30 days)"],
      "proofLinks.0": ["Enter a full URL, starting with https://"]
    }
  }
}`}</Code>
      </section>

      <section className="space-y-4">
        <h2 className="text-xl font-semibold text-ink">Directory (public)</h2>
        <Endpoint method="GET" path="/api/v1/partners" auth="No key">
          <p>
            Listed partners in placement order (Premier, Advanced, Verified; probation after its tier). Filters:{" "}
            <code>q</code>, <code>track</code> (installer, auditor, enterprise_integrator), and comma-separated{" "}
            <code>tier</code>, <code>stack</code>, <code>region</code>, <code>language</code>. Pagination: <code>page</code>,{" "}
            <code>pageSize</code> (max 100).
          </p>
          <Code>{`curl "http://localhost:3000/api/v1/partners?track=installer&stack=shopify,workers&pageSize=2"

{ "data": [ { "id": "ptr_…", "slug": "brightpixel-studio", "name": "Brightpixel Studio",
              "track": "installer", "tier": "premier", "onProbation": false, … } ],
  "page": 1, "pageSize": 2, "total": 17 }`}</Code>
        </Endpoint>
        <Endpoint method="GET" path="/api/v1/partners/{id or slug}" auth="No key">
          <p>One public profile. <code>404</code> for unknown or unlisted partners.</p>
        </Endpoint>
      </section>

      <section className="space-y-4">
        <h2 className="text-xl font-semibold text-ink">Your partner (partner key)</h2>
        <Endpoint method="GET" path="/api/v1/partner" auth="Scope partner:read">
          <p>The partner the key belongs to, in the public shape.</p>
          <Code>{`curl -H "Authorization: Bearer $PARTNER_KEY" http://localhost:3000/api/v1/partner`}</Code>
        </Endpoint>
        <Endpoint method="PATCH" path="/api/v1/partner" auth="Scope listing:write">
          <p>
            Changes any of the listing fields: <code>tagline</code>, <code>description</code>, <code>website</code>,{" "}
            <code>hqCountry</code>, <code>regions</code>, <code>stacks</code>, <code>languages</code>, <code>contactName</code>,{" "}
            <code>contactEmail</code>, <code>slaResponseHours</code>, <code>proofLinks</code> (up to 3; asset URLs become CAI
            Verify links). Unknown fields are refused. Every change is written to the audit trail.
          </p>
          <Code>{`curl -X PATCH -H "Authorization: Bearer $PARTNER_KEY" -H "content-type: application/json" \\
  -d '{"slaResponseHours": 8, "stacks": ["wordpress", "shopify"]}' \\
  http://localhost:3000/api/v1/partner`}</Code>
        </Endpoint>
        <Endpoint method="GET" path="/api/v1/partner/activity" auth="Scope activity:read">
          <p>The partner&apos;s audit trail, newest first. <code>page</code>, <code>pageSize</code> (max 100).</p>
        </Endpoint>
      </section>

      <section id="webhooks" className="scroll-mt-6 space-y-4">
        <h2 className="text-xl font-semibold text-ink">Webhooks (partner key)</h2>
        <p className="text-sm text-ink-muted">
          Manage the endpoints that receive your events. How requests are signed, retried and verified, and every event type with an
          example, is in the{" "}
          <Link href="/docs/webhooks" className="text-brand-700 hover:underline">
            webhooks guide
          </Link>
          . Bodies must be JSON (<code>content-type: application/json</code>, at most 16 KB); unknown fields are refused with{" "}
          <code>400</code>.
        </p>
        <Endpoint method="GET" path="/api/v1/webhooks/event-types" auth="No key">
          <p>Every event type with its description and an example payload.</p>
        </Endpoint>
        <Endpoint method="GET" path="/api/v1/webhooks/endpoints" auth="Scope webhooks:read">
          <p>Your endpoints. Secrets are never returned, only a hint of their last characters.</p>
        </Endpoint>
        <Endpoint method="POST" path="/api/v1/webhooks/endpoints" auth="Scope webhooks:manage">
          <p>
            Adds an endpoint: <code>url</code> (https, public), <code>eventTypes</code> (<code>[&quot;*&quot;]</code> for all),
            optional <code>description</code>. The response (<code>201</code>) holds the signing <code>secret</code>, only this once.
          </p>
          <Code>{`curl -X POST -H "Authorization: Bearer $PARTNER_KEY" -H "content-type: application/json" \
  -d '{"url": "https://hooks.example.com/provenant", "eventTypes": ["partner.payout.paid"]}' \
  http://localhost:3000/api/v1/webhooks/endpoints`}</Code>
        </Endpoint>
        <Endpoint method="GET · PATCH · DELETE" path="/api/v1/webhooks/endpoints/{id}" auth="webhooks:read / webhooks:manage">
          <p>
            Read, change (<code>url</code>, <code>description</code>, <code>eventTypes</code>, <code>status</code>:{" "}
            <code>active</code> or <code>disabled</code>) or delete an endpoint with its delivery history.
          </p>
        </Endpoint>
        <Endpoint method="POST" path="/api/v1/webhooks/endpoints/{id}/rotate-secret" auth="Scope webhooks:manage">
          <p>A new signing secret, in the response only. The old one keeps signing for 24 hours.</p>
        </Endpoint>
        <Endpoint method="POST" path="/api/v1/webhooks/endpoints/{id}/test" auth="Scope webhooks:manage">
          <p>Sends a <code>partner.test</code> event now and returns the outcome of the attempt.</p>
        </Endpoint>
        <Endpoint method="GET" path="/api/v1/webhooks/endpoints/{id}/deliveries" auth="Scope webhooks:read">
          <p>
            Deliveries, newest first: status (<code>pending</code>, <code>succeeded</code>, <code>failed</code> = retry scheduled,{" "}
            <code>dead</code>), attempts, last response code and snippet, next retry. <code>status</code>, <code>page</code>,{" "}
            <code>pageSize</code> (max 100).
          </p>
        </Endpoint>
        <Endpoint method="POST" path="/api/v1/webhooks/deliveries/{id}/resend" auth="Scope webhooks:manage">
          <p>Sends a delivery again now, with the same <code>webhook-id</code>.</p>
        </Endpoint>
      </section>
    </div>
  );
}
