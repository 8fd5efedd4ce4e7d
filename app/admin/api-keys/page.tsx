import type { Metadata } from "next";
import { ApiKeysPanel } from "@/components/console/api-keys-panel";
import { PageHeader } from "@/components/ui/page-header";
import { createPlatformApiKeyAction, revokeApiKeyAction } from "@/lib/api-keys/actions";
import { listPlatformApiKeys } from "@/lib/api-keys/store";
import { toKeyListItems } from "@/lib/api-keys/view";
import { requireAdminPage } from "@/lib/auth/guards";
import { PLATFORM_API_SCOPES } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Platform keys · Admin" };

const LABELS: Record<string, string> = {
  "platform:read": "Read program data",
  "platform:write": "Report installs, checks and events",
};

export default async function PlatformKeysPage() {
  await requireAdminPage("/admin/api-keys", "partners:manage");
  const keys = await listPlatformApiKeys();
  return (
    <>
      <PageHeader
        title="Platform keys"
        description="Keys for the provenance platform's own servers, which report installs, survival checks, signups and payments."
      />
      <ApiKeysPanel
        audience="the platform's servers"
        keys={toKeyListItems(keys, new Date())}
        scopes={PLATFORM_API_SCOPES.map((s) => ({ value: s, label: LABELS[s] ?? s }))}
        canManage
        create={createPlatformApiKeyAction}
        revoke={revokeApiKeyAction}
      />
    </>
  );
}
