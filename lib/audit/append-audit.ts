import { desc, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog } from "@/db/schema";
import { now } from "@/lib/clock";
import type { AuditAction } from "./actions";
import { GENESIS_HASH, hashAuditRow } from "./hash";

export interface AuditEntry {
  action: AuditAction;
  actor?: { id: string; loginId: string } | null;
  /** Free text the auditor reads; never message content or a youth's identifier in clear. */
  actorLabel?: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** An arbitrary constant: every appender takes this lock, so the chain is extended one row at a time. */
const AUDIT_LOCK_KEY = 0x50_0d_a4;

type DbOrTx = Pick<Db, "transaction">;

export async function appendAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    const fields = {
      seq: (last?.seq ?? 0) + 1,
      at: now(),
      actorId: entry.actor?.id ?? null,
      actorLogin: entry.actor?.loginId ?? entry.actorLabel ?? null,
      action: entry.action,
      target: entry.target ?? null,
      details: entry.details ?? {},
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    await tx.insert(auditLog).values({ ...fields, hash: hashAuditRow(fields) });
  });
}
