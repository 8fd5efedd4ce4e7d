import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeysPanel } from "@/components/console/api-keys-panel";
import { NoPartner } from "@/components/console/no-partner";
import { PageHeader } from "@/components/ui/page-header";
import { createPartnerApiKeyAction, revokeApiKeyAction } from "@/lib/api-keys/actions";
import { listPartnerApiKeys } from "@/lib/api-keys/store";
import { toKeyListItems } from "@/lib/api-keys/view";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { PARTNER_API_SCOPES, canPartner } from "@/lib/auth/permissions";
import { getPartnerFor } from "@/lib/partners/console";

export const metadata: Metadata = { title: "API keys" };

const SCOPE_LABELS: Record<string, string> = {
  "partner:read": "Read your partner profile",
  "listing:write": "Update your listing",
  "activity:read": "Read your activity log",
  "webhooks:read": "Read webhook endpoints and deliveries",
  "webhooks:manage": "Manage webhook endpoints",
};

export default async function ApiKeysPage() {
  const { viewer, partnerId } = await requireConsole("/console/api-keys", "partner:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  await getPartnerFor(await getPrincipal(), partnerId, "partner:read");
  const keys = await listPartnerApiKeys(partnerId);
  const canManage = canPartner(viewer, "api_keys:manage", partnerId);
  const createForPartner = createPartnerApiKeyAction.bind(null, partnerId);
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let your systems call the partner API for this organisation only. See the{" "}
            <Link href="/docs/api" className="text-brand-700 hover:underline">
              API reference
            </Link>
            .
          </>
        }
      />
      <ApiKeysPanel
        audience="your systems"
        keys={toKeyListItems(keys, new Date())}
        scopes={PARTNER_API_SCOPES.map((s) => ({ value: s, label: SCOPE_LABELS[s] ?? s }))}
        canManage={canManage}
        create={createForPartner}
        revoke={revokeApiKeyAction}
      />
    </>
  );
}
