"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { ActionResult } from "@/lib/actions";

export interface TeamMember {
  membershipId: string;
  email: string;
  name: string | null;
  role: "owner" | "member";
  joinedAt: string;
  lastSignIn: string;
  isYou: boolean;
}

export function TeamManager({
  partnerId,
  members,
  canManage,
  invite,
  changeRole,
  remove,
}: {
  partnerId: string;
  members: TeamMember[];
  canManage: boolean;
  invite: (partnerId: string, input: unknown) => Promise<ActionResult>;
  changeRole: (partnerId: string, membershipId: string, role: string) => Promise<ActionResult>;
  remove: (partnerId: string, membershipId: string) => Promise<ActionResult>;
}) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});

  const run = (fn: () => Promise<ActionResult>, after?: () => void) =>
    start(async () => {
      const res = await fn();
      setResult(res);
      setFields(!res.ok && res.error.fields ? res.error.fields : {});
      if (res.ok) after?.();
    });

  return (
    <div className="space-y-6">
      {result ? (
        <Alert tone={result.ok ? "success" : "error"} testId="team-result">
          {result.ok ? result.message : result.error.message}
        </Alert>
      ) : null}
      {canManage ? (
        <Card>
          <CardHeader title="Add a team member" description="They get an email and can sign in with that address right away." />
          <CardBody>
            <form
              className="grid gap-4 md:grid-cols-[1fr_1fr_10rem_auto] md:items-end"
              onSubmit={(e) => {
                e.preventDefault();
                const form = e.currentTarget;
                const data = Object.fromEntries(new FormData(form));
                run(() => invite(partnerId, data), () => form.reset());
              }}
              noValidate
            >
              <Field id="invite-email" label="Email" error={fields.email?.[0]}>
                <Input {...fieldAria("invite-email", fields.email?.[0])} name="email" type="email" required autoComplete="off" />
              </Field>
              <Field id="invite-name" label="Name (optional)" error={fields.name?.[0]}>
                <Input {...fieldAria("invite-name", fields.name?.[0])} name="name" autoComplete="off" />
              </Field>
              <Field id="invite-role" label="Role" error={fields.role?.[0]}>
                <Select {...fieldAria("invite-role", fields.role?.[0])} name="role" defaultValue="member">
                  <option value="member">Member</option>
                  <option value="owner">Owner</option>
                </Select>
              </Field>
              <Button type="submit" pending={pending}>
                Add member
              </Button>
            </form>
            <p className="mt-3 text-xs text-ink-subtle">
              Owners manage the team, API keys and payouts. Members work on deals, installs and the listing.
            </p>
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <CardHeader title="Team" description={`${members.length} ${members.length === 1 ? "person" : "people"}`} />
        <Table caption="Team members">
          <thead className="bg-slate-50">
            <tr>
              <Th>Person</Th>
              <Th>Role</Th>
              <Th className="hidden md:table-cell">Added</Th>
              <Th className="hidden md:table-cell">Last sign-in</Th>
              {canManage ? <Th className="text-right">Actions</Th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => (
              <Tr key={m.membershipId}>
                <Td>
                  <div className="font-medium">
                    {m.name ?? m.email} {m.isYou ? <Badge tone="neutral">You</Badge> : null}
                  </div>
                  {m.name ? <div className="text-xs text-ink-subtle">{m.email}</div> : null}
                </Td>
                <Td>
                  {canManage ? (
                    <>
                      <label htmlFor={`role-${m.membershipId}`} className="sr-only">
                        Role of {m.name ?? m.email}
                      </label>
                      <Select
                        id={`role-${m.membershipId}`}
                        className="h-8 w-32 min-w-28 py-1"
                        value={m.role}
                        disabled={pending}
                        onChange={(e) => run(() => changeRole(partnerId, m.membershipId, e.target.value))}
                      >
                        <option value="owner">Owner</option>
                        <option value="member">Member</option>
                      </Select>
                    </>
                  ) : (
                    <Badge tone={m.role === "owner" ? "brand" : "neutral"}>{m.role === "owner" ? "Owner" : "Member"}</Badge>
                  )}
                </Td>
                <Td className="hidden text-ink-muted md:table-cell">{m.joinedAt}</Td>
                <Td className="hidden text-ink-muted md:table-cell">{m.lastSignIn}</Td>
                {canManage ? (
                  <Td className="text-right">
                    <Button
                      variant="danger"
                      size="sm"
                      disabled={pending}
                      onClick={() => {
                        if (window.confirm(`Remove ${m.name ?? m.email} from the team?`)) run(() => remove(partnerId, m.membershipId));
                      }}
                    >
                      Remove<span className="sr-only"> {m.name ?? m.email}</span>
                    </Button>
                  </Td>
                ) : null}
              </Tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
