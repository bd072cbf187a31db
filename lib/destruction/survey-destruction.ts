import { createHash } from "node:crypto";
import { max, min } from "drizzle-orm";
import type { Db } from "@/db";
import { consultations } from "@/db/schema";
import { readAuditHead, type AuditHead } from "@/lib/audit";
import { countServiceRows } from "./count-service-rows";
import { readHandoverStatus, type HandoverStatus } from "./handover-status";
import { listDataDir, unknownDataDirEntries, type DataDirEntry } from "./data-dir";

export interface DestructionSurvey {
  counts: Record<string, number>;
  /** The first and the last consultation's opening; null when there was none. */
  period: { first: Date; last: Date } | null;
  auditHead: AuditHead;
  files: DataDirEntry[];
  /** The latest handover export, if any, and what was written after it. */
  handover: HandoverStatus | null;
  /** Names among files Soudan never writes: destruction refuses them unless forced. */
  unknownFiles: string[];
  /** Derived from everything above: a code from an older dry run stops working once the data changed. */
  code: string;
}

/** The embedded database's lock is the running process's, not data: it changes with every open. */
const VOLATILE_FILES = new Set(["soudan.lock"]);

/** What `npm run destroy` would remove, and the confirmation code that names this exact state. */
export async function surveyDestruction(db: Db, options: { dataDir: string }): Promise<DestructionSurvey> {
  const counts = await countServiceRows(db);
  const [span] = await db.select({ first: min(consultations.openedAt), last: max(consultations.openedAt) }).from(consultations);
  const period = span?.first && span.last ? { first: new Date(span.first), last: new Date(span.last) } : null;
  const auditHead = await readAuditHead(db);
  const files = listDataDir(options.dataDir);
  const state = JSON.stringify([counts, period, auditHead, files.map((f) => f.name).filter((name) => !VOLATILE_FILES.has(name))]);
  const digest = createHash("sha256").update(state, "utf8").digest("hex").slice(0, 8).toUpperCase();
  return { counts, period, auditHead, files, handover: await readHandoverStatus(db), unknownFiles: unknownDataDirEntries(files), code: `${digest.slice(0, 4)}-${digest.slice(4)}` };
}
