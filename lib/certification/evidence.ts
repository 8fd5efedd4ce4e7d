import type { PartnerStatus, Stack, Tier, Track } from "@/lib/partners/constants";

// Everything the certification engine decides from, as plain data. The store
// assembles one of these per partner with a few set-based queries; the rules
// never touch the database.

export type AssessmentId = "installer_playbook" | "soc2_control_literacy" | "compliance_framework";

export interface InstallFact {
  stack: Stack;
  startedAt: Date;
  verifiedAt: Date | null;
}

export interface SurvivalFact {
  at: Date;
  method: "embedded" | "remote";
  checked: number;
  survived: number;
}

export interface ReportFact {
  id: string;
  published: boolean;
  periodEnd: Date;
  checks: number;
  /** The survival % the report states. */
  statedPct: number;
  /** The survival % recomputed from the raw checks it covers. */
  recomputedPct: number;
}

export interface PackFact {
  id: string;
  createdAt: Date;
  /** Every file's SHA-256 matches the pack's manifest. */
  verified: boolean;
  /** Holds every file a compliance pack needs (checks CSV and JSON, report, manifest). */
  complete: boolean;
}

export interface QuizFact {
  assessment: AssessmentId;
  bestScorePct: number;
}

export interface IncidentFact {
  openedAt: Date;
  firstResponseAt: Date | null;
}

export interface ReviewFact {
  status: "pending" | "approved" | "rejected";
}

export interface PenTestLetterFact extends ReviewFact {
  /** Quarter the letter covers, like "2026-Q4". */
  quarter: string;
}

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface PartnerEvidence {
  partnerId: string;
  track: Track;
  tier: Tier;
  status: PartnerStatus;
  certifiedAt: Date | null;
  expiresAt: Date | null;
  /** The certification status last written down (transitions are recorded once). */
  recordedStatus: "uncertified" | "probation" | "certified" | "recertifying" | "expired";
  /** When the partner was last moved down a tier (misses before it do not count again). */
  lastDowngradeAt: Date | null;
  installs: InstallFact[];
  survival: SurvivalFact[];
  reports: ReportFact[];
  packs: PackFact[];
  exportsCount: number;
  quizzes: QuizFact[];
  incidents: IncidentFact[];
  references: ReviewFact[];
  runbooks: ReviewFact[];
  penTestLetters: PenTestLetterFact[];
  /** Customer NPS about this partner over the last 12 months. */
  nps: NpsCounts;
}
