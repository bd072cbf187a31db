import { desc } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog } from "@/db/schema";
import { GENESIS_HASH } from "./hash";

export interface AuditHead {
  /** 0 while the log is empty. */
  seq: number;
  hash: string;
}

/** The newest row of the chain: what a checkpoint anchors and a report's footer names. */
export async function readAuditHead(db: Db): Promise<AuditHead> {
  const [last] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return last ?? { seq: 0, hash: GENESIS_HASH };
}
