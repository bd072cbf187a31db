import fs from "node:fs";
import path from "node:path";
import { asc } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "@/db";
import { appendAudit, readAuditHead, recordAuditCheckpoint } from "@/lib/audit";
import { decryptField, type Keyring } from "@/lib/crypto";
import { encryptTo } from "./encryption";
import { checksumFile, knownSchemaVersions, manifestFile, readmeFile, sha256, type HandoverManifest } from "./manifest";
import { renderReadme } from "./readme";
import { toCsv, toJsonLines, type BundleRow } from "./rows";
import { bundleTables, type BundleTable } from "./schema-tables";

export interface ExportOptions {
  outDir: string;
  keyring: Keyring;
  at: Date;
  /** age X25519 recipients: every file is written encrypted to them (`<name>.age`), nothing in clear. */
  recipients?: string[];
  /** Where the checkpoint after the export is appended (DATA_DIR/audit-checkpoints). */
  checkpointFile: string;
  /** Who ran it, for the audit log (the command line names itself). */
  actorLabel: string;
}

export class HandoverOutputError extends Error {}

/** Reads one table, decrypting its encrypted columns, in primary-key order so two exports of the same data are the same bytes. */
async function readTable(tx: DbOrTx, table: BundleTable, keyring: Keyring): Promise<BundleRow[]> {
  const config = getTableConfig(table.table);
  const keyColumns = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary);
  const rows = (await tx
    .select()
    .from(table.table)
    .orderBy(...keyColumns.map((c) => asc(c)))) as Record<string, unknown>[];
  return rows.map((row) =>
    Object.fromEntries(
      table.columns.map((c) => {
        const value = row[c.key];
        return [c.field, c.encrypted && typeof value === "string" ? decryptField(keyring, value) : value];
      }),
    ),
  );
}

function assertEmptyOutput(outDir: string): void {
  if (fs.existsSync(outDir)) {
    if (!fs.statSync(outDir).isDirectory()) throw new HandoverOutputError(`${outDir} exists and is not a folder.`);
    if (fs.readdirSync(outDir).length > 0) throw new HandoverOutputError(`${outDir} is not empty: choose a new or empty folder, so no older file mixes into the bundle.`);
  }
}

/**
 * Writes the handover bundle (R22): every exported table as JSON Lines and CSV, decrypted, a Japanese
 * README, the manifest and SHA256SUMS. The data is read in one repeatable-read transaction together with
 * the audit head the manifest names. Audited with counts only, then a checkpoint anchors the head.
 */
export async function exportHandoverBundle(db: Db, options: ExportOptions): Promise<{ manifest: HandoverManifest; manifestSha256: string }> {
  const outDir = path.resolve(options.outDir);
  assertEmptyOutput(outDir);
  const tables = bundleTables();
  const { data, head } = await db.transaction(
    async (tx) => {
      const data = new Map<string, BundleRow[]>();
      for (const table of tables) data.set(table.name, await readTable(tx, table, options.keyring));
      return { data, head: await readAuditHead(tx) };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );

  const exportedAt = options.at.toISOString();
  const schemaVersion = knownSchemaVersions().at(-1) ?? "none";
  const files: { name: string; table?: string; rows?: number; content: Buffer }[] = [];
  const rowCounts = new Map<string, number>();
  for (const table of tables) {
    const rows = data.get(table.name) ?? [];
    rowCounts.set(table.name, rows.length);
    files.push({ name: `${table.name}.jsonl`, table: table.name, rows: rows.length, content: Buffer.from(toJsonLines(table, rows), "utf8") });
    files.push({ name: `${table.name}.csv`, table: table.name, rows: rows.length, content: Buffer.from(toCsv(table, rows), "utf8") });
  }
  files.push({ name: readmeFile, content: Buffer.from(renderReadme(tables, rowCounts, { exportedAt, schemaVersion, auditHead: head }), "utf8") });

  const manifest: HandoverManifest = {
    format: "soudan-handover",
    formatVersion: 1,
    exportedAt,
    schemaVersion,
    auditHead: { seq: head.seq, hash: head.hash },
    files: files.map((f) => ({ name: f.name, ...(f.table ? { table: f.table, rows: f.rows } : {}), sha256: sha256(f.content) })),
  };
  const manifestContent = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8");
  // Of the clear manifest.json, also when every file is encrypted: what the destruction report names.
  const manifestSha256 = sha256(manifestContent);
  const everything = [...files, { name: manifestFile, content: manifestContent }];
  const sums = everything.map((f) => `${sha256(f.content)}  ${f.name}\n`).join("");
  everything.push({ name: checksumFile, content: Buffer.from(sums, "utf8") });

  fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
  for (const file of everything) {
    if (options.recipients) fs.writeFileSync(path.join(outDir, `${file.name}.age`), await encryptTo(options.recipients, file.content), { mode: 0o600 });
    else fs.writeFileSync(path.join(outDir, file.name), file.content, { mode: 0o600 });
  }

  await appendAudit(db, {
    action: "handover.exported",
    actorLabel: options.actorLabel,
    details: { rows: Object.fromEntries(rowCounts), encrypted: Boolean(options.recipients), auditHeadSeq: head.seq, manifestSha256 },
  });
  await recordAuditCheckpoint(db, { keyring: options.keyring, file: options.checkpointFile, at: options.at });
  return { manifest, manifestSha256 };
}
