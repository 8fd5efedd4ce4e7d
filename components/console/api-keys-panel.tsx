"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Chip, ChipGroup, Field, Input, fieldAria } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { ActionResult } from "@/lib/actions";

export interface KeyListItem {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created: string;
  lastUsed: string;
  revoked: string | null;
}

export function ApiKeysPanel({
  keys,
  scopes,
  canManage,
  create,
  revoke,
  audience,
}: {
  keys: KeyListItem[];
  scopes: { value: string; label: string }[];
  canManage: boolean;
  create: (input: unknown) => Promise<ActionResult<{ secret: string; name: string }>>;
  revoke: (keyId: string) => Promise<ActionResult>;
  audience: string;
}) {
  const [secret, setSecret] = useState<{ secret: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const createKey = useMutation({
    mutationFn: create,
    onSuccess: (res) => {
      if (res.ok) {
        setSecret(res.data);
        setCopied(false);
      }
    },
  });
  const revokeKey = useMutation({ mutationFn: revoke });
  const fields = createKey.data && !createKey.data.ok ? (createKey.data.error.fields ?? {}) : {};
  const createError = createKey.data && !createKey.data.ok && !createKey.data.error.fields ? createKey.data.error.message : null;

  return (
    <div className="space-y-6">
      {secret ? (
        <Alert tone="success" title={`Key "${secret.name}" created: copy it now`} testId="new-key">
          <p>This is the only time the full key is shown. Store it in your secret manager.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="rounded bg-white px-2 py-1 font-mono text-sm break-all text-ink ring-1 ring-emerald-200" data-testid="new-key-secret">
              {secret.secret}
            </code>
            <Button
              size="sm"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(secret.secret);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setSecret(null)}>
              Done
            </Button>
          </div>
        </Alert>
      ) : null}
      {revokeKey.data && !revokeKey.data.ok ? <Alert tone="error">{revokeKey.data.error.message}</Alert> : null}

      {canManage ? (
        <Card>
          <CardHeader title="Create a key" description={`Keys authenticate ${audience} as \`Authorization: Bearer <key>\`.`} />
          <CardBody>
            <form
              className="space-y-4"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const data = new FormData(e.currentTarget);
                const form = e.currentTarget;
                createKey.mutate(
                  { name: data.get("name"), scopes: data.getAll("scopes") },
                  { onSuccess: (res) => res.ok && form.reset() },
                );
              }}
            >
              <Field id="key-name" label="Name" hint="Where the key is used, e.g. “CRM sync”." error={fields.name?.[0]} className="max-w-md">
                <Input {...fieldAria("key-name", fields.name?.[0], true)} name="name" maxLength={60} required />
              </Field>
              <ChipGroup legend="Scopes" name="scopes" error={fields.scopes?.[0] ?? Object.entries(fields).find(([k]) => k.startsWith("scopes."))?.[1][0]}>
                {scopes.map((s) => (
                  <Chip key={s.value} name="scopes" value={s.value} label={s.label} defaultChecked />
                ))}
              </ChipGroup>
              {createError ? <Alert tone="error">{createError}</Alert> : null}
              <Button type="submit" pending={createKey.isPending}>
                Create key
              </Button>
            </form>
          </CardBody>
        </Card>
      ) : (
        <Alert tone="info">Only owners can create or revoke API keys.</Alert>
      )}

      <Card>
        <CardHeader title="Keys" description={`${keys.filter((k) => !k.revoked).length} active`} />
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet" description="Create one to call the API from your own systems." />
        ) : (
          <Table caption="API keys">
            <thead className="bg-slate-50">
              <tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th className="hidden lg:table-cell">Scopes</Th>
                <Th className="hidden md:table-cell">Last used</Th>
                <Th>Status</Th>
                {canManage ? <Th className="text-right">Actions</Th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((k) => (
                <Tr key={k.id}>
                  <Td>
                    <div className="font-medium">{k.name}</div>
                    <div className="text-xs text-ink-subtle">Created {k.created}</div>
                  </Td>
                  <Td className="font-mono text-xs">{k.prefix}…</Td>
                  <Td className="hidden lg:table-cell">
                    <div className="flex flex-wrap gap-1">
                      {k.scopes.map((s) => (
                        <Badge key={s}>{s}</Badge>
                      ))}
                    </div>
                  </Td>
                  <Td className="hidden text-ink-muted md:table-cell">{k.lastUsed}</Td>
                  <Td>{k.revoked ? <Badge tone="gray">Revoked {k.revoked}</Badge> : <Badge tone="green">Active</Badge>}</Td>
                  {canManage ? (
                    <Td className="text-right">
                      {k.revoked ? null : (
                        <Button
                          size="sm"
                          variant="danger"
                          pending={revokeKey.isPending && revokeKey.variables === k.id}
                          onClick={() => {
                            if (window.confirm(`Revoke "${k.name}"? Requests using it will fail immediately.`)) revokeKey.mutate(k.id);
                          }}
                        >
                          Revoke<span className="sr-only"> {k.name}</span>
                        </Button>
                      )}
                    </Td>
                  ) : null}
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
