// Human wording for audit actions. Unknown actions fall back to a readable form
// of their code, so a new action never shows up blank.

const LABELS: Record<string, string> = {
  "partner.joined": "Joined the program",
  "nps.quarter_published": "NPS quarter published",
  "exit_tests.run": "Exit tests run",
  "exit_tests.signed": "Exit-test evidence signed off",
  "staff.admin_added": "Admin added",
  "staff.admin_removed": "Admin removed",
  "staff.exec_granted": "Exec role granted",
  "staff.exec_revoked": "Exec role revoked",
  "mdf_request.created": "MDF requested",
  "mdf_request.approved": "MDF request approved",
  "mdf_request.partly_approved": "MDF request partly approved",
  "mdf_request.rejected": "MDF request rejected",
  "mdf_claim.submitted": "MDF claim submitted",
  "mdf_claim.reimbursed": "MDF claim reimbursed",
  "mdf_claim.rejected": "MDF claim rejected",
  "marketing.submitted": "Material submitted for brand approval",
  "marketing.resubmitted": "Material resubmitted for brand approval",
  "marketing.approved": "Brand use approved",
  "marketing.changes_requested": "Changes requested on material",
  "marketing.commented": "Comment on material",
  "one_pager.created": "One-pager created",
  "webinar.created": "Webinar created",
  "proof.added": "Proof added",
  "proof.removed": "Proof removed",

  "partner.listing_updated": "Listing updated",
  "partner.logo_updated": "Logo updated",
  "partner.proof_links_submitted": "Proof links submitted for review",
  "partner.proof_links_approved": "Proof links approved",
  "partner.proof_links_rejected": "Proof links rejected",
  "lead.answered": "Lead marked as answered",
  "lead.closed": "Lead closed",
  "lead.new": "Lead reopened",
  "membership.created": "Team member added",
  "membership.role_changed": "Team member role changed",
  "membership.removed": "Team member removed",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "link.created": "Tracking link created",
  "link.archived": "Tracking link archived",
  "attribution.matched": "Customer attributed",
  "deal.registered": "Deal registered",
  "deal.conflict_opened": "Deal conflict opened",
  "deal.conflict_resolved": "Deal conflict decided",
  "deal.conflict_won": "Deal conflict decided in favour",
  "deal.conflict_lost": "Deal conflict decided against",
  "deal.accepted": "Deal accepted",
  "deal.lost": "Deal closed as lost",
  "deal.won": "Deal won",
  "deal.extended": "Deal protection extended",
  "deal.expired": "Deal registration expired",
  "commission.created": "Commission earned",
  "commission.payable": "Commission became payable",
  "commission.refund_applied": "Commission reduced by a refund",
  "commission.reversed": "Commission reversed",
  "commission.clawed_back": "Commission clawed back",
  "commission.hold_cleared": "Fraud hold cleared",
  "commission.hold_rejected": "Fraud hold rejected",
  "payout.created": "Payout created",
  "payout.held": "Payout created and held",
  "payout.released": "Held payout released",
  "payout.paid": "Payout paid through Stripe",
  "payout.paid_manually": "Payout marked paid by hand",
  "payout.failed": "Payout failed",
  "payout.retried": "Failed payout retried",
  "ledger.entry_posted": "Ledger entry posted",
  "ledger.entry_reversed": "Ledger entry reversed",
  "payout_settings.terms_accepted": "Payout terms accepted",
  "payout_settings.tax_form_submitted": "Tax form submitted",
  "payout_settings.tax_form_verified": "Tax form verified",
  "payout_settings.stripe_account_created": "Stripe account created",
  "payout_settings.stripe_synced": "Stripe account status updated",
  "webhook_endpoint.created": "Webhook endpoint added",
  "webhook_endpoint.updated": "Webhook endpoint updated",
  "webhook_endpoint.disabled": "Webhook endpoint disabled",
  "webhook_endpoint.enabled": "Webhook endpoint enabled",
  "webhook_endpoint.deleted": "Webhook endpoint deleted",
  "webhook_endpoint.secret_rotated": "Webhook signing secret rotated",
  "install.created": "Install recorded",
  "survival_report.created": "Survival Report created",
  "survival_report.published": "Survival Report published",
  "agreement.signed": "Agreement signed",
  "legal_document.published": "Legal document version published",
  "onboarding.dismissed": "Onboarding checklist dismissed",
  "survival_report.unpublished": "Survival Report unpublished",
  "evidence_pack.exported": "Evidence Pack exported",
  "certification.changed": "Certification status changed",
  "partner.tier_changed": "Tier changed",
  "partner.tier_overridden": "Tier set by an admin",
  "badge.awarded": "Badge awarded",
  "badge.expired": "Badge expired",
  "badge.changed": "Badge changed",
  "quiz.submitted": "Quiz submitted",
  "incident.opened": "Incident opened",
  "incident.responded": "Incident answered",
  "incident.resolved": "Incident resolved",
  "certification_submission.created": "Document submitted for review",
  "certification_submission.approved": "Document approved",
  "certification_submission.rejected": "Document rejected",
  "badge.revoked": "Badge revoked",
  "badge.restored": "Badge restored",
  "badge_page.declared": "Badge page declared",
  "badge_page.removed": "Badge page removed",
  "badge_violation.opened": "Badge violation opened",
  "badge_violation.reopened": "Badge violation found again",
  "badge_violation.fix_claimed": "Badge violation marked fixed",
  "badge_violation.fixed": "Badge violation fixed (rescan)",
  "badge_violation.resolved": "Badge violation resolved",
  "badge_violation.escalated": "Badge violation escalated",
};

export function auditActionLabel(action: string): string {
  if (LABELS[action]) return LABELS[action];
  const [object, verb] = action.split(".");
  const text = `${object ?? ""} ${(verb ?? "").replaceAll("_", " ")}`.replaceAll("_", " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A one-line summary of what changed: "tier: verified → advanced". */
export function auditChangeSummary(before: unknown, after: unknown, limit = 3): string {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const show = (v: unknown) => {
    if (v === null || v === undefined || v === "") return "—";
    if (Array.isArray(v)) return v.length ? v.join(", ") : "—";
    const s = typeof v === "object" ? JSON.stringify(v) : String(v);
    return s.length > 40 ? `${s.slice(0, 39)}…` : s;
  };
  const parts = keys.slice(0, limit).map((k) => (k in b && k in a ? `${k}: ${show(b[k])} → ${show(a[k])}` : k in a ? `${k}: ${show(a[k])}` : `${k} was ${show(b[k])}`));
  if (keys.length > limit) parts.push(`+${keys.length - limit} more`);
  return parts.join("; ");
}
