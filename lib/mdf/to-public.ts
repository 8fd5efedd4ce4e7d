import type { z } from "zod";
import type { BudgetSummary, MdfActivityType, MdfStatus } from "./rules";
import type { MdfBudgetSchema, MdfRequestSchema } from "./schemas";

type Row = {
  id: string;
  activityType: string;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  budgetYear: number;
  currency: string;
  requestedCents: number;
  approvedCents: number | null;
  reimbursedCents: number | null;
  expectedLeads: number;
  actualLeads: number | null;
  status: string;
  decisionReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  claimSubmittedAt: Date | null;
  reimbursedAt: Date | null;
};

export function toMdfRequestPublic(r: Row): z.infer<typeof MdfRequestSchema> {
  const money = (amount: number | null) => (amount === null ? null : { amount, currency: r.currency });
  return {
    id: r.id,
    activityType: r.activityType as MdfActivityType,
    title: r.title,
    description: r.description,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    budgetYear: r.budgetYear,
    requested: { amount: r.requestedCents, currency: r.currency },
    approved: money(r.approvedCents),
    reimbursed: money(r.reimbursedCents),
    expectedLeads: r.expectedLeads,
    actualLeads: r.actualLeads,
    status: r.status as MdfStatus,
    decisionReason: r.decisionReason,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    claimSubmittedAt: r.claimSubmittedAt?.toISOString() ?? null,
    reimbursedAt: r.reimbursedAt?.toISOString() ?? null,
  };
}

export function toBudgetPublic(b: BudgetSummary): z.infer<typeof MdfBudgetSchema> {
  return {
    year: b.year,
    budget: b.budgetCents,
    pending: b.pendingCents,
    committed: b.committedCents,
    reimbursed: b.reimbursedCents,
    remaining: b.remainingCents,
    currency: b.currency,
  };
}
