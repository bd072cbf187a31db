import { asc, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditLog } from "@/db/schema";
import { digestExportedFile } from "./digest-exported-file";

export type ExportedFileVerdict =
  | { known: true; sha256: string; at: Date; by: string | null; action: string; target: string | null }
  | { known: false; sha256: string };

/**
 * Whether a file is one Soudan exported, as it left: its SHA-256 is looked up in the audit log, where
 * every export recorded it. A changed byte, or a file Soudan never made, is unknown.
 */
export async function verifyExportedFile(db: DbOrTx, body: Uint8Array): Promise<ExportedFileVerdict> {
  const sha256 = digestExportedFile(body);
  const [row] = await db
    .select({ at: auditLog.at, by: auditLog.actorLogin, action: auditLog.action, target: auditLog.target })
    .from(auditLog)
    .where(sql`${auditLog.details} ->> 'sha256' = ${sha256}`)
    .orderBy(asc(auditLog.seq))
    .limit(1);
  return row ? { known: true, sha256, ...row } : { known: false, sha256 };
}
