// Re-encrypts stored secrets under the first key of ENCRYPTION_KEYS. Run after
// putting a new key first; when it reports 0 unreadable, the old keys can be
// removed from ENCRYPTION_KEYS. Safe to run again. Usage: npm run secrets:reencrypt
import { reencryptSecrets } from "@/lib/crypto/reencrypt";
import { closeConnections, envOrExit, fail } from "./cli";

const env = envOrExit();
if (!env.ENCRYPTION_KEYS) console.warn("ENCRYPTION_KEYS is not set: using the key generated in the data folder.");
try {
  const r = await reencryptSecrets();
  console.log(`Current key ${r.currentKeyId}: ${r.scanned} rows scanned, ${r.reencrypted} re-encrypted, ${r.unreadable.length} unreadable.`);
  for (const u of r.unreadable) console.log(`  unreadable (its key is no longer in ENCRYPTION_KEYS): ${u}`);
  await closeConnections();
  process.exitCode = r.unreadable.length ? 1 : 0;
} catch (error) {
  fail(error);
}
