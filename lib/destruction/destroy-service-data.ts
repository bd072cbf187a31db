import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditCheckpointFile, recordAuditCheckpoint } from "@/lib/audit";
import type { Keyring } from "@/lib/crypto";
import { countAppConnections } from "./count-app-connections";
import { countServiceRows } from "./count-service-rows";
import { emptyDataDir, isSafeDataDir, listDataDir, REPORT_FILE, SUMMARY_FILE, unknownDataDirEntries } from "./data-dir";
import type { DestructionSummary } from "./destruction-summary";
import { DestructionIncompleteError, DestructionRefusedError } from "./errors";
import { renderDestructionReportPdf } from "./render-destruction-report-pdf";
import { serviceTableNames } from "./service-tables";
import { surveyDestruction, type DestructionSurvey } from "./survey-destruction";

export interface DestructionInput {
  /** The code the dry run printed for this exact state. */
  confirm: string | null;
  /** Destroy although app instances are still connected (PostgreSQL) or DATA_DIR holds files Soudan never writes. */
  force: boolean;
  dataDir: string;
  /** Where the report and summary go; DATA_DIR by default. */
  outDir?: string;
  municipality: string | null;
  contract: string | null;
  operator: string | null;
  /**
   * The handover bundle's manifest.json, whose SHA-256 the report names, or that SHA-256 itself; without
   * either, the one the latest `handover.exported` audit row recorded.
   */
  handoverManifest: { file: string } | { sha256: string } | null;
  at: Date;
}

function sha256OfFile(file: string): string {
  try {
    return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  } catch {
    throw new DestructionRefusedError("manifest_unreadable", `The handover manifest ${file} cannot be read.`);
  }
}

/**
 * The end of a contract (R22, 仕様書 14(3)): deletes every row of every table of the service and
 * everything under DATA_DIR (on the embedded database, its files), proves nothing is left, and writes
 * the 廃棄報告書 and its JSON summary, the only files left. Refused, with nothing deleted, without the
 * dry run's code for the current state, or on PostgreSQL while app instances are connected (unless
 * forced); the embedded database's own lock already keeps it from running beside the app. A checkpoint
 * of the audit chain's head is written just before: the report names that head, and the operator's
 * copies of the checkpoint file (kept off the machine) show the same. Closes the database.
 */
export async function destroyServiceData(database: Database, input: DestructionInput, deps: { keyring: Keyring }): Promise<{ summary: DestructionSummary; survey: DestructionSurvey; reportPath: string; summaryPath: string }> {
  const { db } = database;
  const outDir = path.resolve(input.outDir ?? input.dataDir);
  if (!isSafeDataDir(input.dataDir)) throw new DestructionRefusedError("unsafe_data_dir", `DATA_DIR (${path.resolve(input.dataDir)}) is not a folder Soudan may empty.`);
  if (!input.confirm) throw new DestructionRefusedError("no_code", "No confirmation code: run `npm run destroy -- --dry-run` first and pass its code with --confirm.");
  const survey = await surveyDestruction(db, { dataDir: input.dataDir });
  const unknown = unknownDataDirEntries(survey.files);
  if (unknown.length > 0 && !input.force) {
    throw new DestructionRefusedError("unknown_files", `DATA_DIR (${path.resolve(input.dataDir)}) holds what Soudan never writes there: ${unknown.join(", ")}. Check DATA_DIR points at Soudan's own folder; pass --force to delete them too.`);
  }
  if (input.confirm.trim().toUpperCase() !== survey.code) {
    throw new DestructionRefusedError("wrong_code", "The confirmation code does not match the data as it is now (it changed since the dry run, or the code is mistyped). Run the dry run again.");
  }
  const handover = survey.handover;
  if (handover && handover.consultationsAfter + handover.messagesAfter > 0 && !input.force) {
    throw new DestructionRefusedError(
      "handover_stale",
      `${handover.consultationsAfter} consultation(s) and ${handover.messagesAfter} message(s) were written after the latest handover export (${handover.exportedAt.toISOString()}): they are not in the bundle. Export the handover again (or pass --force).`,
    );
  }
  const given = input.handoverManifest;
  const handoverManifestSha256 = given ? ("file" in given ? sha256OfFile(given.file) : given.sha256.toLowerCase()) : (handover?.manifestSha256 ?? null);
  if (database.kind === "postgres" && !input.force) {
    const connected = await countAppConnections(db);
    if (connected > 0) {
      throw new DestructionRefusedError("app_running", `${connected} connection(s) of running Soudan app instances or tools are open on this database. Stop every instance and tool first (or pass --force).`);
    }
  }
  const checkpoint = await recordAuditCheckpoint(db, { keyring: deps.keyring, file: auditCheckpointFile(input.dataDir), at: input.at });
  const tables = serviceTableNames().map((name) => sql.identifier(name));
  // The audit log refuses TRUNCATE (migration 0001) so nobody empties it by accident; destruction is the
  // one deliberate exception. Inside one transaction, no other session ever sees the trigger disabled.
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_truncate`);
    await tx.execute(sql`truncate table ${sql.join(tables, sql`, `)} restart identity cascade`);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_truncate`);
  });
  const rowsLeft = await countServiceRows(db);
  await database.close();
  emptyDataDir(input.dataDir);
  const filesLeft = listDataDir(input.dataDir).map((entry) => entry.name);
  const summary: DestructionSummary = {
    title: "廃棄報告書",
    destroyedAt: input.at.toISOString(),
    database: database.kind,
    municipality: input.municipality,
    contract: input.contract,
    operator: input.operator,
    destroyed: survey.counts,
    period: survey.period ? { first: survey.period.first.toISOString(), last: survey.period.last.toISOString() } : null,
    auditHead: { seq: checkpoint.seq, hash: checkpoint.hash },
    handoverManifestSha256,
    rowsLeft,
    filesLeft,
    report: REPORT_FILE,
  };
  // The summary goes first: whatever fails after the deletion, what was destroyed and what is left stays on record.
  fs.mkdirSync(outDir, { recursive: true });
  const reportPath = path.join(outDir, REPORT_FILE);
  const summaryPath = path.join(outDir, SUMMARY_FILE);
  fs.writeFileSync(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
  const tablesLeft = Object.entries(rowsLeft).filter(([, n]) => n > 0);
  if (tablesLeft.length > 0 || filesLeft.length > 0) {
    const left = [...tablesLeft.map(([table, n]) => `${n} row(s) in ${table}`), ...filesLeft.map((name) => `DATA_DIR/${name}`)];
    throw new DestructionIncompleteError(`Deletion ran but something is left (${left.join(", ")}); no report was written. What is left is in ${summaryPath}.`);
  }
  try {
    fs.writeFileSync(reportPath, await renderDestructionReportPdf(summary));
  } catch (error) {
    throw new DestructionIncompleteError(`Everything was deleted, but the report could not be written (${error instanceof Error ? error.message : String(error)}). The summary is in ${summaryPath}.`);
  }
  return { summary, survey, reportPath, summaryPath };
}
