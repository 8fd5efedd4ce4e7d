import { randomBytes } from "node:crypto";
import { ID_PREFIXES, type IdKind } from "@/lib/ids";

// The payout run writes two ids per commission (its ledger entry and its payout
// line), a million of each for a large program. These are newId's ids (lib/ids.ts:
// the kind's prefix, "_", 20 base-36 characters, each equally likely by rejection
// sampling), made from one random buffer per batch instead of one per id.

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0));
const LENGTH = 20;
const LIMIT = 256 - (256 % ALPHABET.length);

/** `n` new ids of one kind, as newId(kind) makes them. */
export function newIds(kind: IdKind, n: number): string[] {
  const prefix = `${ID_PREFIXES[kind]}_`;
  const ids = new Array<string>(n);
  const codes = new Array<number>(LENGTH);
  // About 1.6% of bytes are rejected; the buffer is refilled if it runs out.
  let pool = randomBytes(Math.ceil(n * LENGTH * 1.05) + 32);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < LENGTH; ) {
      if (at === pool.length) {
        pool = randomBytes(Math.ceil((n - i) * LENGTH * 1.05) + 32);
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
