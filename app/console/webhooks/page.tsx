import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { EndpointStatus } from "@/components/webhooks/delivery-status";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { canPartner } from "@/lib/auth/permissions";
import { formatNumber } from "@/lib/format";
import { createEndpointAction } from "@/lib/webhooks/actions";
import { urlPolicy } from "@/lib/webhooks/policy";
import { getEndpoints } from "@/lib/webhooks/queries";
import { MAX_ENDPOINTS_PER_PARTNER } from "@/lib/webhooks/schemas";
import { eventTypeOptions, toEndpointListItems } from "@/lib/webhooks/view";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const { viewer, partnerId } = await requireConsole("/console/webhooks", "webhooks:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const now = new Date();
  const endpoints = toEndpointListItems(await getEndpoints(await getPrincipal(), partnerId), now);
  const canManage = canPartner(viewer, "webhooks:manage", partnerId);
  const urlHint = urlPolicy().allowPrivate
    ? "https:// (http://localhost and private addresses are allowed on this server for testing)."
    : "A public https:// URL.";
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={
          <>
            Your servers get a signed HTTPS POST when something happens in the program: deals, attributions, commissions,
            payouts, badges and tier changes. Failed deliveries are retried for about three days. See{" "}
            <Link href="/docs/webhooks" className="text-brand-700 underline hover:text-brand-800">
              how to verify signatures
            </Link>
            .
          </>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Endpoints" description={`${endpoints.length} of ${MAX_ENDPOINTS_PER_PARTNER}`} />
          {endpoints.length === 0 ? (
            <EmptyState
              title="No endpoints yet"
              description={canManage ? "Add the URL of a server that should receive events, then send it a test event." : "An owner of your organisation can add one."}
            />
          ) : (
            <Table caption="Webhook endpoints">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Endpoint</Th>
                  <Th className="hidden lg:table-cell">Events</Th>
                  <Th>Status</Th>
                  <Th className="hidden md:table-cell">Deliveries</Th>
                  <Th className="hidden sm:table-cell">Last attempt</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {endpoints.map((e) => (
                  <Tr key={e.id}>
                    <Td className="max-w-md">
                      <Link href={`/console/webhooks/${e.id}`} className="font-medium break-all text-brand-800 hover:underline">
                        {e.url}
                      </Link>
                      {e.description ? <div className="text-xs text-ink-subtle">{e.description}</div> : null}
                    </Td>
                    <Td className="hidden max-w-xs text-ink-muted lg:table-cell">{e.events}</Td>
                    <Td>
                      <EndpointStatus status={e.status} failing={Boolean(e.failingSince)} />
                      {e.disabled ? <div className="mt-1 max-w-48 text-xs text-ink-subtle">{e.disabled}</div> : null}
                    </Td>
                    <Td className="hidden whitespace-nowrap md:table-cell">
                      <span className="text-emerald-700">{formatNumber(e.succeeded)} delivered</span>
                      {e.failing ? <span className="text-red-700"> · {formatNumber(e.failing)} failing</span> : null}
                      {e.pending ? <span className="text-ink-muted"> · {formatNumber(e.pending)} pending</span> : null}
                    </Td>
                    <Td className="hidden whitespace-nowrap text-ink-muted sm:table-cell">{e.lastAttempt}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>

        {canManage ? (
          endpoints.length < MAX_ENDPOINTS_PER_PARTNER ? (
            <Card>
              <CardHeader title="Add an endpoint" description="You get its signing secret once, right after adding it." />
              <CardBody>
                <EndpointForm mode="create" options={eventTypeOptions()} save={createEndpointAction.bind(null, partnerId)} urlHint={urlHint} />
              </CardBody>
            </Card>
          ) : (
            <Alert tone="info">You have the maximum of {MAX_ENDPOINTS_PER_PARTNER} endpoints. Delete one to add another.</Alert>
          )
        ) : (
          <Alert tone="info">Only owners can add, change or delete endpoints.</Alert>
        )}
      </div>
    </>
  );
}
