import type { Metadata } from "next";
import { ApiReference } from "@/components/docs/api-reference";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { API_ROUTES } from "@/lib/api/routes";
import { getEnv } from "@/lib/env";
import Link from "next/link";

export const metadata: Metadata = { title: "API reference" };

function Code({ children }: { children: string }) {
  return <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 font-mono text-xs leading-5 text-slate-100">{children}</pre>;
}

export default function ApiDocsPage() {
  const doc = buildOpenApiDocument(API_ROUTES, getEnv().APP_URL);
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

      <section className="space-y-3">
        <h2 className="text-xl font-semibold text-ink">Conventions</h2>
        <ul className="list-disc space-y-1.5 pl-5 text-sm text-ink-muted">
          <li>Dates are ISO 8601 in UTC. Money is an integer amount in minor units (cents) with an ISO 4217 currency.</li>
          <li>
            <strong>Idempotency:</strong> send an <code>Idempotency-Key</code> header on POST. A retry with the same key and
            body returns the first response (with <code>Idempotent-Replayed: true</code>); the same key with another body is a{" "}
            <code>409</code>. Keys are kept for 24 hours.
          </li>
          <li>
            <strong>Rate limits:</strong> 600 requests per minute per key, 300 per minute per IP without a key. Responses carry{" "}
            <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code>; over the limit you
            get <code>429</code> with <code>Retry-After</code> in seconds.
          </li>
          <li>
            <strong>Pagination:</strong> lists that grow (activity, events) use cursors: pass a page&apos;s{" "}
            <code>nextCursor</code> as <code>cursor</code>; it is <code>null</code> on the last page. The directory uses
            numbered pages with a total count.
          </li>
          <li>
            Machine-readable:{" "}
            <a className="text-brand-700 hover:underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI 3.1, generated from the same schemas the API validates with).
          </li>
        </ul>
      </section>

      <ApiReference paths={doc.paths as never} />

      <section id="webhooks" className="scroll-mt-6 space-y-2">
        <h2 className="text-xl font-semibold text-ink">Webhooks</h2>
        <p className="text-sm text-ink-muted">
          The webhook endpoints API is listed above under Webhooks. How requests are signed, retried and verified, and every
          event type with an example payload, is in the{" "}
          <Link href="/docs/webhooks" className="text-brand-700 hover:underline">
            webhooks guide
          </Link>
          .
        </p>
      </section>
    </div>
  );
}
