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

const ID_LENGTH = 20;

export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${randomString(ID_LENGTH)}`;
}

// Bulk writers (the payout run writes a ledger entry and a payout line per
// commission, a million of each for a large program) take newId's ids from one
// random buffer per batch instead of one per id: the same prefix, length and
// equally likely characters (rejection sampling).
const CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0));
const LIMIT = 256 - (256 % ALPHABET.length);

/** `n` new ids of one kind, as newId(kind) makes them. */
export function newIds(kind: IdKind, n: number): string[] {
  const prefix = `${ID_PREFIXES[kind]}_`;
  const ids = new Array<string>(n);
  const codes = new Array<number>(ID_LENGTH);
  // About 1.6% of bytes are rejected; the buffer is refilled if it runs out.
  let pool = randomBytes(Math.ceil(n * ID_LENGTH * 1.05) + 32);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < ID_LENGTH; ) {
      if (at === pool.length) {
        pool = randomBytes(Math.ceil((n - i) * ID_LENGTH * 1.05) + 32);
        at = 0;
      }
      const byte = pool[at++]!;
      if (byte < LIMIT) codes[k++] = CODES[byte % ALPHABET.length]!;
    }
    ids[i] = prefix + String.fromCharCode(...codes);
  }
  return ids;
}

/** A supply of new ids of one kind, made in growing batches (a few for a small chunk, thousands for a large one). */
export function idSource(kind: IdKind): () => string {
  let batch: string[] = [];
  let at = 0;
  let size = 16;
  return () => {
    if (at === batch.length) {
      batch = newIds(kind, size);
      at = 0;
      size = Math.min(size * 2, 8_192);
    }
    return batch[at++]!;
  };
}


export function looksLikeId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9a-z]{6,40}$`).test(value);
}
