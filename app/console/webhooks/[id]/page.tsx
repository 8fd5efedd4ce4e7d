import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoPartner } from "@/components/console/no-partner";
import { DeliveryStatus, EndpointStatus, HttpStatus } from "@/components/webhooks/delivery-status";
import { EndpointActions } from "@/components/webhooks/endpoint-actions";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { ResendButton } from "@/components/webhooks/resend-button";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { canPartner } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { formatDateTime, formatRelative } from "@/lib/format";
import { flattenSearchParams } from "@/lib/search-params";
import {
  deleteEndpointAction,
  resendDeliveryAction,
  rotateSecretAction,
  sendTestEventAction,
  setEndpointEnabledAction,
  updateEndpointAction,
} from "@/lib/webhooks/actions";
import { urlPolicy } from "@/lib/webhooks/policy";
import { getDeliveries } from "@/lib/webhooks/queries";
import { DELIVERY_STATUSES } from "@/lib/webhooks/schemas";
import { DISABLED_LABELS, eventTypeOptions, eventTypesText, toDeliveryItems } from "@/lib/webhooks/view";
import { z } from "zod";

export const metadata: Metadata = { title: "Webhook endpoint" };

const PAGE_SIZE = 20;
const params = z.object({
  status: z.enum(DELIVERY_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
const FILTERS = [
  { value: undefined, label: "All" },
  { value: "succeeded", label: "Delivered" },
  { value: "failed", label: "Retrying" },
  { value: "dead", label: "Failed" },
  { value: "pending", label: "Pending" },
] as const;

export default async function WebhookEndpointPage({
  params: routeParams,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await routeParams;
  const { viewer, partnerId } = await requireConsole(`/console/webhooks/${id}`, "webhooks:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const q = params.parse(flattenSearchParams(await searchParams));
  const now = new Date();
  const data = await getDeliveries(await getPrincipal(), { partnerId, endpointId: id, ...q, pageSize: PAGE_SIZE }, { withAttempts: true }).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    },
  );
  const { endpoint } = data;
  const deliveries = toDeliveryItems(data.rows, data.attempts, now);
  const canManage = canPartner(viewer, "webhooks:manage", partnerId);
  const previousValid = endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  const base = `/console/webhooks/${id}`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-ink-muted">
        <Link href="/console/webhooks" className="hover:text-ink">
          Webhooks
        </Link>{" "}
        / <span className="text-ink">Endpoint</span>
      </nav>
      <PageHeader
        title={<span className="break-all">{endpoint.url}</span>}
        description={endpoint.description || undefined}
        actions={<EndpointStatus status={endpoint.status} failing={Boolean(endpoint.failingSince)} />}
      />

      <div className="space-y-6">
        {endpoint.status === "disabled" && endpoint.disabledReason ? (
          <Alert tone="warning" title={DISABLED_LABELS[endpoint.disabledReason]}>
            Nothing is sent to this endpoint{endpoint.disabledAt ? ` since ${formatDateTime(endpoint.disabledAt)}` : ""}. Enable it again once the receiver
            works; then resend the deliveries you need.
          </Alert>
        ) : endpoint.failingSince ? (
          <Alert tone="warning" title="This endpoint is failing">
            Every attempt since {formatDateTime(endpoint.failingSince)} failed ({endpoint.consecutiveFailures} in a row). Deliveries are retried for about
            three days; if a delivery runs out of retries while the endpoint keeps failing, the endpoint is disabled.
          </Alert>
        ) : null}

        <div className="grid items-start gap-6 lg:grid-cols-3">
          <Card className="lg:col-span-1">
            <CardHeader title="Details" />
            <CardBody>
              <dl className="space-y-3 text-sm">
                <div>
                  <dt className="text-ink-muted">Events</dt>
                  <dd className="text-ink">{eventTypesText(endpoint.eventTypes)}</dd>
                </div>
                <div>
                  <dt className="text-ink-muted">Signing secret</dt>
                  <dd className="font-mono text-ink">{endpoint.secretHint}</dd>
                  {previousValid ? (
                    <dd className="text-xs text-ink-subtle">The previous secret also signs until {formatDateTime(endpoint.previousSecretExpiresAt)}.</dd>
                  ) : null}
                </div>
                <div>
                  <dt className="text-ink-muted">Last success</dt>
                  <dd className="text-ink">{formatRelative(endpoint.lastSuccessAt, now)}</dd>
                </div>
                <div>
                  <dt className="text-ink-muted">Added</dt>
                  <dd className="text-ink">{formatDateTime(endpoint.createdAt)}</dd>
                </div>
                <div>
                  <dt className="text-ink-muted">Endpoint id</dt>
                  <dd className="font-mono text-xs break-all text-ink">{endpoint.id}</dd>
                </div>
              </dl>
            </CardBody>
          </Card>
          <Card className="lg:col-span-2">
            <CardHeader
              title="Manage"
              description={
                canManage
                  ? "A test event is sent at once and its result shown here. Rotating keeps the old secret valid for 24 hours."
                  : "Only owners can send test events, rotate the secret or change this endpoint."
              }
            />
            <CardBody>
              {canManage ? (
                <EndpointActions
                  active={endpoint.status === "active"}
                  sendTest={sendTestEventAction.bind(null, partnerId, id)}
                  setEnabled={setEndpointEnabledAction.bind(null, partnerId, id)}
                  rotate={rotateSecretAction.bind(null, partnerId, id)}
                  remove={deleteEndpointAction.bind(null, partnerId, id)}
                />
              ) : (
                <p className="text-sm text-ink-muted">Ask an owner of your organisation to make changes.</p>
              )}
            </CardBody>
          </Card>
        </div>

        <Card>
          <CardHeader
            title="Deliveries"
            description="Newest first. Each delivery keeps its webhook-id on every retry and resend."
            actions={
              <nav aria-label="Filter deliveries" className="flex flex-wrap gap-1">
                {FILTERS.map((f) => {
                  const active = q.status === f.value;
                  return (
                    <Link
                      key={f.label}
                      href={f.value ? `${base}?status=${f.value}` : base}
                      aria-current={active ? "true" : undefined}
                      className={
                        active
                          ? "rounded-lg bg-brand-50 px-2.5 py-1 text-sm font-medium text-brand-800 ring-1 ring-brand-200"
                          : "rounded-lg px-2.5 py-1 text-sm font-medium text-ink-muted hover:bg-slate-100 hover:text-ink"
                      }
                    >
                      {f.label}
                    </Link>
                  );
                })}
              </nav>
            }
          />
          {deliveries.length === 0 ? (
            <EmptyState
              title={q.status ? "No deliveries with this status" : "No deliveries yet"}
              description={q.status ? "Try another filter." : "Send a test event to see one here."}
            />
          ) : (
            <>
              <Table caption="Deliveries">
                <thead className="bg-slate-50">
                  <tr>
                    <Th>Event</Th>
                    <Th>Status</Th>
                    <Th className="hidden sm:table-cell">Response</Th>
                    <Th className="hidden md:table-cell">Attempts</Th>
                    <Th className="hidden lg:table-cell">Next retry</Th>
                    {canManage ? <Th className="text-right">Actions</Th> : null}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {deliveries.map((d) => (
                    <Tr key={d.id} data-testid="delivery-row">
                      <Td className="max-w-md sm:min-w-80">
                        <div className="font-medium">{d.eventLabel}</div>
                        <div className="font-mono text-xs break-all text-ink-subtle">{d.id}</div>
                        <div className="text-xs text-ink-subtle">{d.created}</div>
                        {d.history.length ? (
                          <details className="mt-2 text-xs">
                            <summary className="cursor-pointer font-medium text-brand-800">
                              {d.history.length === 1 ? "1 attempt" : `${d.history.length} attempts`}
                            </summary>
                            <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3">
                              {d.history.map((a) => (
                                <li key={a.number}>
                                  <div className="flex flex-wrap items-center gap-2">
                                    <span className="font-medium">#{a.number}</span>
                                    <span className="text-ink-muted">{a.at}</span>
                                    <HttpStatus status={a.responseStatus} error={a.error} />
                                    <span className="text-ink-subtle">{a.durationMs} ms</span>
                                    {a.trigger === "manual" ? <span className="text-ink-subtle">(resend)</span> : null}
                                  </div>
                                  {a.error ? <div className="text-red-700">{a.error}</div> : null}
                                  {a.snippet ? (
                                    <pre className="mt-1 max-h-24 overflow-auto rounded bg-slate-50 p-2 font-mono whitespace-pre-wrap text-ink-muted">{a.snippet}</pre>
                                  ) : null}
                                </li>
                              ))}
                            </ol>
                          </details>
                        ) : null}
                      </Td>
                      <Td>
                        <DeliveryStatus status={d.status} />
                      </Td>
                      <Td className="hidden max-w-xs sm:table-cell">
                        <HttpStatus status={d.responseStatus} error={d.error} />
                        {d.durationMs !== null ? <span className="text-xs text-ink-subtle"> · {d.durationMs} ms</span> : null}
                        {d.error && d.responseStatus === null ? <div className="text-xs text-red-700">{d.error}</div> : null}
                        {d.snippet ? <div className="truncate font-mono text-xs text-ink-subtle">{d.snippet}</div> : null}
                      </Td>
                      <Td className="hidden md:table-cell">
                        {d.attempts}
                        {d.lastAttempt ? <div className="text-xs text-ink-subtle">last {d.lastAttempt}</div> : null}
                      </Td>
                      <Td className="hidden whitespace-nowrap text-ink-muted lg:table-cell">{d.nextRetry ?? "—"}</Td>
                      {canManage ? (
                        <Td className="text-right">
                          {endpoint.status === "active" ? (
                            <ResendButton resend={resendDeliveryAction.bind(null, partnerId, d.id, id)} label={d.id} />
                          ) : null}
                        </Td>
                      ) : null}
                    </Tr>
                  ))}
                </tbody>
              </Table>
              <div className="border-t border-slate-100 px-4">
                <Pagination page={q.page} pageSize={PAGE_SIZE} total={data.total} path={base} baseParams={{ status: q.status }} label="deliveries" />
              </div>
            </>
          )}
        </Card>

        {canManage ? (
          <Card>
            <CardHeader title="Edit endpoint" description="Changes apply to events emitted from now on." />
            <CardBody>
              <EndpointForm
                mode="edit"
                options={eventTypeOptions()}
                initial={{ url: endpoint.url, description: endpoint.description, eventTypes: endpoint.eventTypes }}
                save={updateEndpointAction.bind(null, partnerId, id)}
                urlHint={urlPolicy().allowPrivate ? "https://, or http://localhost for testing on this server." : "A public https:// URL."}
              />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
