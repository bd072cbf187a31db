import { asc, gt } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog } from "@/db/schema";
import type { AuditCheckpoint } from "./checkpoint";
import { GENESIS_HASH, hashAuditRow } from "./hash";

export type AuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; seq: number; problem: "tampered" | "missing" | "broken-link" }
  /** truncated: rows a checkpoint covered are gone from the end (or all of them); seq is the first missing one. */
  | { ok: false; rows: number; seq: number; problem: "truncated" | "checkpoint-mismatch"; checkpoint: AuditCheckpoint };

const BATCH = 5000;

/**
 * Walks the whole chain in order and names the first row that was changed, removed or re-linked. With
 * checkpoints (already signature-checked), it also fails when the row at a checkpoint's seq is not the
 * one the checkpoint saw, or when the chain now ends before a checkpoint's seq: deleting the newest rows
 * leaves a chain that is intact on its own.
 */
export async function verifyAuditChain(db: Pick<Db, "select">, options: { checkpoints?: AuditCheckpoint[] } = {}): Promise<AuditVerification> {
  const checkpointsAt = new Map<number, AuditCheckpoint[]>();
  for (const checkpoint of options.checkpoints ?? []) checkpointsAt.set(checkpoint.seq, [...(checkpointsAt.get(checkpoint.seq) ?? []), checkpoint]);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const batch = await db.select().from(auditLog).where(gt(auditLog.seq, expectedSeq - 1)).orderBy(asc(auditLog.seq)).limit(BATCH);
    for (const row of batch) {
      if (row.seq !== expectedSeq) return { ok: false, rows, seq: expectedSeq, problem: "missing" };
      if (row.prevHash !== prevHash) return { ok: false, rows, seq: row.seq, problem: "broken-link" };
      if (hashAuditRow(row) !== row.hash) return { ok: false, rows, seq: row.seq, problem: "tampered" };
      const differing = checkpointsAt.get(row.seq)?.find((checkpoint) => checkpoint.hash !== row.hash);
      if (differing) return { ok: false, rows, seq: row.seq, problem: "checkpoint-mismatch", checkpoint: differing };
      prevHash = row.hash;
      expectedSeq++;
      rows++;
    }
    if (batch.length < BATCH) break;
  }
  const furthest = [...checkpointsAt.values()].flat().reduce<AuditCheckpoint | undefined>((best, c) => (!best || c.seq > best.seq ? c : best), undefined);
  if (furthest && furthest.seq > rows) return { ok: false, rows, seq: rows + 1, problem: "truncated", checkpoint: furthest };
  return { ok: true, rows };
}
