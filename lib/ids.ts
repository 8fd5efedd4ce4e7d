import { randomBytes } from "node:crypto";

// Opaque public ids: a readable prefix ("ptr_", "usr_", "aud_") and 20 random
// base-36 characters (about 103 bits). Never sequential, safe in URLs and CSVs.

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

export function randomString(length: number, alphabet = ALPHABET): string {
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export const ID_PREFIXES = {
  user: "usr",
  partner: "ptr",
  membership: "mem",
  apiKey: "key",
  audit: "aud",
  email: "eml",
  install: "ins",
  check: "chk",
  report: "rpt",
  evidenceExport: "evx",
  npsSurvey: "nps",
  npsInvitation: "npi",
  npsResponse: "npr",
  idempotency: "idk",
  link: "lnk",
  click: "clk",
  conversion: "cnv",
  attribution: "attr",
  deal: "deal",
  dealConflict: "dcf",
  commission: "com",
  opportunity: "opp",
  analyticsEvent: "ana",
  event: "evt",
  webhookEndpoint: "whe",
  webhookDelivery: "whd",
  webhookAttempt: "wha",
  badge: "bdg",
  badgePage: "bpg",
  badgeViolation: "bvi",
  upload: "upl",
  payout: "po",
  payoutLine: "pol",
  payoutRun: "prun",
  ledgerEntry: "led",
  npsPublication: "npq",
  exitTestRun: "etr",
  exitTestSignoff: "ets",
  onePager: "opg",
  webinar: "wbn",
  webinarRegistration: "wbr",
  marketingSubmission: "cms",
  marketingComment: "cmc",
  proof: "prf",
  mdfRequest: "mdf",
  legalPublication: "lgp",
  signature: "sig",
  signatureReceipt: "rcp",
  tierChange: "tch",
  quizQuestion: "qq",
  quizAttempt: "qat",
  incident: "inc",
  submission: "csb",
  lead: "lead",
  listingReview: "lrv",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${randomString(20)}`;
}

export function looksLikeId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9a-z]{6,40}$`).test(value);
}
