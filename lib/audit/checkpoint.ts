import { createHmac, timingSafeEqual } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { deriveSubkey, type Key, type Keyring } from "@/lib/crypto";
import type { AuditHead } from "./read-audit-head";

/**
 * One line of `DATA_DIR/audit-checkpoints`: the chain's head at a time, signed with a sub-key of the
 * encryption key. The database's own hashes are unkeyed, so a superuser can delete the newest rows or
 * rewrite the whole chain; a checkpoint kept outside the database, which only the key holder can sign,
 * says how far the chain reached and what its row there was.
 */
export const auditCheckpointSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  key: z.string().min(1),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

export type CheckpointReading =
  | { ok: true; checkpoints: AuditCheckpoint[] }
  | { ok: false; line: number; problem: "malformed" | "unknown-key" | "forged"; key?: string };

/** The file's one place: every instance writes it under its own DATA_DIR. */
export function auditCheckpointFile(dataDir: string): string {
  return path.join(dataDir, "audit-checkpoints");
}

function macOf(key: Key, checkpoint: Omit<AuditCheckpoint, "key" | "mac">): string {
  const material = JSON.stringify(["soudan-audit-checkpoint", checkpoint.seq, checkpoint.hash, checkpoint.at]);
  return createHmac("sha256", deriveSubkey(key, "audit-checkpoint")).update(material, "utf8").digest("hex");
}

export function signAuditCheckpoint(head: AuditHead, keyring: Keyring, at: Date): AuditCheckpoint {
  const fields = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  return { ...fields, key: keyring.current.id, mac: macOf(keyring.current, fields) };
}

/**
 * Parses a checkpoint file and checks every signature. A checkpoint signed with a key this process no
 * longer holds cannot be told from a forged one, so it is refused with its key id (keep rotated keys in
 * SOUDAN_ENCRYPTION_KEYS_OLD as long as their checkpoints are kept).
 */
export function readAuditCheckpoints(text: string, keyring: Keyring): CheckpointReading {
  const checkpoints: AuditCheckpoint[] = [];
  const lines = text.split("\n");
  for (const [index, raw] of lines.entries()) {
    if (raw.trim() === "") continue;
    const line = index + 1;
    let parsed;
    try {
      parsed = auditCheckpointSchema.safeParse(JSON.parse(raw));
    } catch {
      return { ok: false, line, problem: "malformed" };
    }
    if (!parsed.success) return { ok: false, line, problem: "malformed" };
    const checkpoint = parsed.data;
    const key = keyring.byId.get(checkpoint.key);
    if (!key) return { ok: false, line, problem: "unknown-key", key: checkpoint.key };
    const expected = Buffer.from(macOf(key, checkpoint), "hex");
    if (!timingSafeEqual(expected, Buffer.from(checkpoint.mac, "hex"))) return { ok: false, line, problem: "forged" };
    checkpoints.push(checkpoint);
  }
  return { ok: true, checkpoints };
}
