import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { fetchLimited, type FetchLimits } from "@/lib/quality/prober/fetch-limited";
import { checkUpload, saveUpload } from "@/lib/storage/uploads";
import { assetOfVerifyLink } from "./one-pager-html";
import { addProofFileSchema, addProofLinkSchema } from "./schemas";
import { deleteProof, findProof, insertProof, type ProofRow } from "./store";

/**
 * How far we go to check a proof's asset is reachable: the prober's guarded
 * fetch (no private addresses outside development, redirects by hand, a
 * timeout). An answer bigger than the cap still proves the asset is there.
 */
export function proofFetchLimits(): FetchLimits {
  return { timeoutMs: 8_000, maxBytes: 2 * 1024 * 1024, maxRedirects: 3, allowPrivateHosts: getEnv().proberAllowPrivateHosts };
}

export async function checkAssetReachable(assetUrl: string, limits: FetchLimits = proofFetchLimits()): Promise<{ ok: true; status: number } | { ok: false; message: string }> {
  const out = await fetchLimited(assetUrl, limits);
  if (out.ok) return { ok: true, status: out.status };
  if (out.reason === "too_large") return { ok: true, status: out.status ?? 200 };
  const why: Record<string, string> = {
    invalid_url: "The asset URL is not a valid http(s) URL",
    blocked_host: "The asset is on a private network address",
    unreachable: "The asset could not be reached",
    timeout: "The asset did not answer in time",
    http_error: `The asset answered ${out.detail}`,
    redirect_loop: "The asset URL redirects in a loop",
    too_many_redirects: "The asset URL redirects too many times",
  };
  return { ok: false, message: why[out.reason] ?? out.detail };
}

/** A CAI Verify link (or the asset URL, turned into one) whose asset answers. Audited. */
export async function addProofLink(args: { principal: Principal | null; partnerId: string; input: unknown; now: Date }): Promise<ProofRow> {
  assertPartner(args.principal, "marketing:write", args.partnerId);
  const input = parseOrThrow(addProofLinkSchema, args.input);
  const assetUrl = assetOfVerifyLink(input.link);
  const reach = await checkAssetReachable(assetUrl);
  if (!reach.ok) throw new AppError({ code: "validation_failed", message: reach.message, fields: { link: [reach.message] } });
  const principal = args.principal!;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await insertProof(tx, {
      id: newId("proof"),
      partnerId: args.partnerId,
      kind: "link",
      title: input.title,
      verifyUrl: input.link,
      assetUrl,
      assetStatus: reach.status,
      checkedAt: args.now,
      createdBy: principal.kind === "user" ? principal.viewer.userId : null,
      createdAt: args.now,
    });
    await audit(tx, { actor: actorOf(principal), action: "proof.added", object: { type: "proof", id: row.id }, partnerId: args.partnerId, after: { kind: "link", verifyUrl: row.verifyUrl }, at: args.now });
    return row;
  });
}

/** A proof file (screenshot, report), stored with the `proof` upload policy. Audited. */
export async function addProofFile(args: {
  principal: Principal | null;
  partnerId: string;
  input: unknown;
  file: { bytes: Uint8Array; filename: string; declaredType: string } | null;
  now: Date;
}): Promise<ProofRow> {
  assertPartner(args.principal, "marketing:write", args.partnerId);
  const input = parseOrThrow(addProofFileSchema, args.input);
  if (!args.file) throw new AppError({ code: "validation_failed", message: "Choose a file to upload", fields: { file: ["Choose a file to upload"] } });
  checkUpload({ purpose: "proof", ...args.file });
  const principal = args.principal!;
  const userId = principal.kind === "user" ? principal.viewer.userId : null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const upload = await saveUpload({ partnerId: args.partnerId, uploadedBy: userId, purpose: "proof", ...args.file! }, args.now, tx);
    const row = await insertProof(tx, { id: newId("proof"), partnerId: args.partnerId, kind: "file", title: input.title, uploadId: upload.id, createdBy: userId, createdAt: args.now });
    await audit(tx, { actor: actorOf(principal), action: "proof.added", object: { type: "proof", id: row.id }, partnerId: args.partnerId, after: { kind: "file", uploadId: upload.id, filename: upload.filename }, at: args.now });
    return row;
  });
}

export async function removeProof(args: { principal: Principal | null; partnerId: string; proofId: string; now: Date }): Promise<void> {
  assertPartner(args.principal, "marketing:write", args.partnerId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await findProof(tx, args.proofId);
    if (!row || row.partnerId !== args.partnerId) throw notFound("Proof");
    await deleteProof(tx, row.id);
    await audit(tx, { actor: actorOf(args.principal!), action: "proof.removed", object: { type: "proof", id: row.id }, partnerId: args.partnerId, before: { kind: row.kind, title: row.title, verifyUrl: row.verifyUrl, uploadId: row.uploadId }, at: args.now });
  });
}
