// The program's legal documents. Pure data: safe to import from client components.

export const LEGAL_DOCUMENTS = ["program_guide", "marketplace_terms", "master_agreement"] as const;
export type LegalDocument = (typeof LEGAL_DOCUMENTS)[number];

export interface LegalDocumentInfo {
  title: string;
  /** Folder under content/legal. */
  folder: string;
  /** Public page. */
  href: string;
  /** An owner signs each new version (the guide is part of the agreement by reference). */
  requiresSignature: boolean;
  blurb: string;
}

export const LEGAL_DOCUMENT_INFO: Record<LegalDocument, LegalDocumentInfo> = {
  program_guide: {
    title: "Partner Program Guide",
    folder: "program-guide",
    href: "/program/guide",
    requiresSignature: false,
    blurb: "Eligibility, code of conduct, disclosure rules, revenue share, leads and opportunities, branding rights.",
  },
  marketplace_terms: {
    title: "Marketplace Terms",
    folder: "marketplace-terms",
    href: "/program/terms",
    requiresSignature: true,
    blurb: "Revenue share percentages, payouts, taxes, refunds and chargebacks, clawbacks.",
  },
  master_agreement: {
    title: "Master Partner Agreement",
    folder: "master-agreement",
    href: "/program/agreement",
    requiresSignature: true,
    blurb: "The contract: obligations, liability, indemnification, termination and dispute resolution.",
  },
};

/** Signed together, in this order. */
export const SIGNED_DOCUMENTS = LEGAL_DOCUMENTS.filter((d) => LEGAL_DOCUMENT_INFO[d].requiresSignature);

export function isLegalDocument(value: string): value is LegalDocument {
  return (LEGAL_DOCUMENTS as readonly string[]).includes(value);
}

/** The words the signer agrees to, stored with every signature. */
export const CONSENT_TEXT =
  "I have read the documents above, I am authorised to sign them on behalf of the partner, and I agree that typing my full name is my electronic signature.";
