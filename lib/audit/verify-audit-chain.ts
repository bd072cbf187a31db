import { asc, gt } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog } from "@/db/schema";
import { GENESIS_HASH, hashAuditRow } from "./hash";

export type AuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; seq: number; problem: "tampered" | "missing" | "broken-link" };

const BATCH = 5000;

/** Walks the whole chain in order and names the first row that was changed, removed or re-linked. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const batch = await db.select().from(auditLog).where(gt(auditLog.seq, expectedSeq - 1)).orderBy(asc(auditLog.seq)).limit(BATCH);
    for (const row of batch) {
      if (row.seq !== expectedSeq) return { ok: false, rows, seq: expectedSeq, problem: "missing" };
      if (row.prevHash !== prevHash) return { ok: false, rows, seq: row.seq, problem: "broken-link" };
      if (hashAuditRow(row) !== row.hash) return { ok: false, rows, seq: row.seq, problem: "tampered" };
      prevHash = row.hash;
      expectedSeq++;
      rows++;
    }
    if (batch.length < BATCH) return { ok: true, rows };
  }
}
