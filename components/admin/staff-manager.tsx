"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition, type ReactNode } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, fieldAria } from "@/components/ui/field";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { ActionResult } from "@/lib/actions";
import { addAdminSchema } from "@/lib/staff/schemas";

export interface StaffRow {
  userId: string;
  email: string;
  name: string | null;
  isExec: boolean;
  since: string;
  lastSignIn: string;
  isYou: boolean;
  can: { remove_admin: boolean; grant_exec: boolean; revoke_exec: boolean };
  /** Why nothing can be changed on this row, when that is the case. */
  note: string | null;
}

type Result = ActionResult<{ message: string }>;
type FormIn = z.input<typeof addAdminSchema>;

export function StaffManager({
  rows,
  total,
  canManage,
  pagination,
  add,
  remove,
  grantExec,
  revokeExec,
}: {
  rows: StaffRow[];
  total: number;
  canManage: boolean;
  pagination: ReactNode;
  add: (input: unknown) => Promise<Result>;
  remove: (userId: string) => Promise<Result>;
  grantExec: (userId: string) => Promise<Result>;
  revokeExec: (userId: string) => Promise<Result>;
}) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormIn>({ resolver: zodResolver(addAdminSchema) as unknown as Resolver<FormIn>, defaultValues: { email: "", name: "" } });

  const onAdd = handleSubmit(async (values) => {
    const res = await add(values);
    setResult(res);
    if (res.ok) reset({ email: "", name: "" });
    else for (const field of ["email", "name"] as const) if (res.error.fields?.[field]) setError(field, { message: res.error.fields[field]![0] });
  });

  const run = (fn: () => Promise<Result>) =>
    start(async () => {
      setResult(await fn());
    });

  const label = (r: StaffRow) => r.name ?? r.email;

  return (
    <div className="space-y-6">
      {result ? (
        <Alert tone={result.ok ? "success" : "error"} testId="staff-result">
          {result.ok ? result.data.message : result.error.message}
        </Alert>
      ) : null}

      {canManage ? (
        <Card>
          <CardHeader
            title="Add an admin"
            description="Promotes the person with this email, or creates their account; they sign in with an emailed link. Members of a partner's team cannot be admins."
          />
          <CardBody>
            <form className="grid gap-4 md:grid-cols-[1fr_1fr_auto] md:items-start" onSubmit={onAdd} noValidate>
              <Field id="staff-email" label="Email" error={errors.email?.message}>
                <Input {...fieldAria("staff-email", errors.email?.message)} type="email" autoComplete="off" {...register("email")} />
              </Field>
              <Field id="staff-name" label="Name (optional, for a new account)" error={errors.name?.message}>
                <Input {...fieldAria("staff-name", errors.name?.message)} autoComplete="off" {...register("name")} />
              </Field>
              <Button type="submit" pending={isSubmitting} className="md:mt-7">
                Add admin
              </Button>
            </form>
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader title="Admins" description={`${total} ${total === 1 ? "admin" : "admins"}; execs sign the exit tests' evidence and grant the exec role.`} />
        {rows.length === 0 ? (
          <EmptyState
            title="No admins on this page"
            description="The list is shorter than this page."
            action={
              <LinkButton href="/admin/staff" variant="secondary">
                Back to the first page
              </LinkButton>
            }
          />
        ) : (
          <Table caption="Program staff">
            <thead className="bg-slate-50">
              <tr>
                <Th>Person</Th>
                <Th className="hidden sm:table-cell">Exec</Th>
                <Th className="hidden md:table-cell">Admin since</Th>
                <Th className="hidden md:table-cell">Last sign-in</Th>
                <Th className="text-right">Actions</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <Tr key={r.userId}>
                  <Td>
                    <div className="flex flex-wrap items-center gap-1.5 font-medium">
                      {label(r)} {r.isYou ? <Badge tone="neutral">You</Badge> : null}
                      {r.isExec ? (
                        <Badge tone="violet" className="sm:hidden">
                          Exec
                        </Badge>
                      ) : null}
                    </div>
                    {r.name ? <div className="text-xs break-words text-ink-subtle">{r.email}</div> : null}
                    <div className="mt-0.5 text-xs text-ink-subtle md:hidden">Last sign-in {r.lastSignIn}</div>
                  </Td>
                  <Td className="hidden sm:table-cell">{r.isExec ? <Badge tone="violet">Exec</Badge> : <span className="text-ink-muted">No</span>}</Td>
                  <Td className="hidden text-ink-muted md:table-cell">{r.since}</Td>
                  <Td className="hidden text-ink-muted md:table-cell">{r.lastSignIn}</Td>
                  <Td>
                    <div className="flex flex-wrap justify-end gap-2">
                      {r.can.grant_exec ? (
                        <Button variant="secondary" size="sm" disabled={pending} onClick={() => run(() => grantExec(r.userId))}>
                          Grant exec<span className="sr-only"> role to {label(r)}</span>
                        </Button>
                      ) : null}
                      {r.can.revoke_exec ? (
                        <Button variant="secondary" size="sm" disabled={pending} onClick={() => run(() => revokeExec(r.userId))}>
                          Revoke exec<span className="sr-only"> role from {label(r)}</span>
                        </Button>
                      ) : null}
                      {r.can.remove_admin ? (
                        <Button
                          variant="danger"
                          size="sm"
                          disabled={pending}
                          onClick={() => {
                            if (window.confirm(`Remove ${label(r)} from the program staff? They keep their account as a regular user${r.isExec ? " and lose the exec role" : ""}.`)) {
                              run(() => remove(r.userId));
                            }
                          }}
                        >
                          Remove<span className="sr-only"> {label(r)} as admin</span>
                        </Button>
                      ) : null}
                      {r.note ? <span className="text-xs text-ink-subtle">{r.note}</span> : null}
                    </div>
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
        {rows.length ? <div className="border-t border-slate-100 px-4">{pagination}</div> : null}
      </Card>
    </div>
  );
}
