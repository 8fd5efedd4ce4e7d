import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import { AppError, conflict, parseOrThrow } from "@/lib/errors";
import type { NpsAudience } from "@/db/schema";
import { invitationState, type TokenState } from "./rules";
import { addUnsubscribe, findInvitationByHash, insertResponse, lockInvitation, markResponded } from "./store";
import { hashSurveyToken, looksLikeSurveyToken } from "./tokens";

// Answering a survey from its emailed link: no sign-in, one answer per token.
// Unknown (forged) tokens, answered and expired ones are refused and nothing is recorded.

export const npsAnswerSchema = z
  .object({
    // A form sends strings: "7" is 7, but "" (no choice) must not become 0.
    score: z.preprocess(
      (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
      z
        .number({ message: "Choose a score from 0 to 10" })
        .int({ message: "Choose a score from 0 to 10" })
        .min(0, { message: "Choose a score from 0 to 10" })
        .max(10, { message: "Choose a score from 0 to 10" }),
    ),
    comment: z
      .string()
      .trim()
      .max(2000, { message: "At most 2,000 characters" })
      .optional()
      .transform((v) => v || null),
  })
  .strict();

const invalidLink = () => new AppError({ code: "not_found", message: "This survey link is not valid." });

export interface SurveyView {
  state: TokenState;
  audience: NpsAudience;
  partnerName: string | null;
  quarter: string;
}

async function lookup(token: string) {
  if (!looksLikeSurveyToken(token)) return null;
  return findInvitationByHash(await getDb(), hashSurveyToken(token));
}

/** What the response page shows for a token; null for a token that was never issued. */
export async function viewSurvey(token: string, now: Date): Promise<SurveyView | null> {
  const found = await lookup(token);
  if (!found) return null;
  return { state: invitationState(found.invitation, now), audience: found.audience, partnerName: found.partnerName, quarter: found.quarter };
}

export async function submitSurveyResponse(args: { token: string; input: unknown; now: Date }): Promise<void> {
  const input = parseOrThrow(npsAnswerSchema, args.input);
  const found = await lookup(args.token);
  if (!found) throw invalidLink();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const inv = await lockInvitation(tx, found.invitation.id);
    if (!inv) throw invalidLink();
    const state = invitationState(inv, args.now);
    if (state === "answered") throw conflict("This survey has already been answered. Thank you!");
    if (state === "expired") throw new AppError({ code: "unprocessable", message: "This survey link has expired." });
    await markResponded(tx, inv.id, args.now);
    await insertResponse(tx, {
      invitationId: inv.id,
      surveyId: inv.surveyId,
      audience: found.audience,
      quarter: found.quarter,
      partnerId: inv.partnerId,
      score: input.score,
      comment: input.comment,
      respondedAt: args.now,
    });
  });
}

/** Stops all future surveys to the invitation's address. Works for answered links too. */
export async function unsubscribeFromSurveys(args: { token: string; now: Date }): Promise<void> {
  const found = await lookup(args.token);
  if (!found) throw invalidLink();
  const db = await getDb();
  await addUnsubscribe(db, found.invitation.email, args.now);
}
