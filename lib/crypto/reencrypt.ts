import "server-only";
import { asc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { decryptWith, encryptionKeys, encryptWith, isStale, type EncryptionKey } from "./secrets";

// Key rotation, second half: after a new key is put first in ENCRYPTION_KEYS,
// this rewrites every stored secret that an older key encrypted, so the old
// key can then be removed. Batches of rows, each batch in one transaction with
// its rows locked; values already under the current key are left alone, so it
// can be run again (or on several instances) safely.
//
// Every column that holds an encrypted value is listed here.
const ENCRYPTED = [
  { table: "webhook_endpoints", columns: ["secretEncrypted", "previousSecretEncrypted"] as const },
] as const;

export interface ReencryptResult {
  scanned: number;
  reencrypted: number;
  /** Values no configured key opens (their key was dropped too early); left unchanged. */
  unreadable: string[];
  currentKeyId: string;
}

export async function reencryptSecrets(options: { keys?: EncryptionKey[]; batch?: number } = {}): Promise<ReencryptResult> {
  const keys = options.keys ?? encryptionKeys();
  const batch = options.batch ?? 200;
  const db = await getDb();
  const result: ReencryptResult = { scanned: 0, reencrypted: 0, unreadable: [], currentKeyId: keys[0]!.id };
  const [{ columns }] = ENCRYPTED;
  let after = "";
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: webhookEndpoints.id, secretEncrypted: webhookEndpoints.secretEncrypted, previousSecretEncrypted: webhookEndpoints.previousSecretEncrypted })
        .from(webhookEndpoints)
        .where(gt(webhookEndpoints.id, after))
        .orderBy(asc(webhookEndpoints.id))
        .limit(batch)
        .for("update");
      for (const row of rows) {
        result.scanned++;
        const patch: Partial<Record<(typeof columns)[number], string>> = {};
        for (const column of columns) {
          const stored = row[column];
          if (!stored || !isStale(keys, stored)) continue;
          try {
            patch[column] = encryptWith(keys, decryptWith(keys, stored));
          } catch {
            result.unreadable.push(`webhook_endpoints.${column} ${row.id}`);
          }
        }
        if (Object.keys(patch).length) {
          await tx.update(webhookEndpoints).set(patch).where(eq(webhookEndpoints.id, row.id));
          result.reencrypted++;
        }
      }
      if (rows.length) after = rows[rows.length - 1]!.id;
      return rows.length < batch;
    });
    if (done) break;
  }
  return result;
}
