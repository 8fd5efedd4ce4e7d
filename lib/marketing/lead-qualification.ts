// Webinar lead qualification, as data: a registration is a qualified lead when
// every rule below holds. Change the lists here; the registration page, the
// console counts and qualifiedWebinarLeads() all follow. Pure.

export const COMPANY_SIZES = ["1-10", "11-50", "51-200", "201-1000", "1001-5000", "5000+"] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export const LEAD_ROLES = ["marketing", "engineering", "product", "compliance", "executive", "agency", "student", "other"] as const;
export type LeadRole = (typeof LEAD_ROLES)[number];
export const LEAD_ROLE_LABELS: Record<LeadRole, string> = {
  marketing: "Marketing or brand",
  engineering: "Engineering or IT",
  product: "Product",
  compliance: "Legal, risk or compliance",
  executive: "Executive",
  agency: "Agency or consultant",
  student: "Student",
  other: "Other",
};

export const LEAD_QUALIFICATION = {
  /** Free and disposable mailbox domains: not a business address. */
  freeEmailDomains: [
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "hotmail.com", "outlook.com", "live.com", "msn.com", "aol.com",
    "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "web.de", "mail.com", "yandex.com",
    "zoho.com", "qq.com", "163.com", "mailinator.com", "guerrillamail.com", "10minutemail.com", "tempmail.com",
  ],
  /** Company sizes that qualify (a one-person shop rarely buys a provenance rollout). */
  qualifyingSizes: ["11-50", "51-200", "201-1000", "1001-5000", "5000+"] as CompanySize[],
  /** Roles that buy or decide. */
  qualifyingRoles: ["marketing", "engineering", "product", "compliance", "executive"] as LeadRole[],
} as const;

export interface LeadFacts {
  email: string;
  companySize: string;
  role: string;
}

export type QualificationReason = "free_email" | "company_size" | "role";
export const QUALIFICATION_REASON_LABELS: Record<QualificationReason, string> = {
  free_email: "Not a business email address",
  company_size: "Company too small",
  role: "Role does not buy or decide",
};

export function emailDomain(email: string): string {
  return email.trim().toLowerCase().split("@").pop() ?? "";
}

/** Qualified when no rule fails; the failing rules otherwise. */
export function qualifyLead(l: LeadFacts): { qualified: boolean; reasons: QualificationReason[] } {
  const reasons: QualificationReason[] = [];
  const domain = emailDomain(l.email);
  if (!domain || (LEAD_QUALIFICATION.freeEmailDomains as readonly string[]).includes(domain)) reasons.push("free_email");
  if (!(LEAD_QUALIFICATION.qualifyingSizes as readonly string[]).includes(l.companySize)) reasons.push("company_size");
  if (!(LEAD_QUALIFICATION.qualifyingRoles as readonly string[]).includes(l.role)) reasons.push("role");
  return { qualified: reasons.length === 0, reasons };
}
