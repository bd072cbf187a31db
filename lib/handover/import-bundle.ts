import fs from "node:fs";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { appendAudit, readAuditHead, recordAuditCheckpoint, verifyAuditChain } from "@/lib/audit";
import { encryptField, lookupHash, type Keyring } from "@/lib/crypto";
import { HandoverBundleError, knownSchemaVersions, verifyHandoverBundle } from "./manifest";
import { parseJsonLines, type BundleRow } from "./rows";
import { bundleTables, type BundleTable } from "./schema-tables";

export interface ImportOptions {
  dir: string;
  keyring: Keyring;
  at: Date;
  checkpointFile: string;
  actorLabel: string;
}

export interface ImportSummary {
  rows: Record<string, number>;
  auditHead: { seq: number; hash: string };
}

/** The import refuses a Soudan that already holds data; the message says what it found. */
export class HandoverTargetError extends Error {}

/**
 * Rows every fresh Soudan gets at start (form version 1, the risk words, the safety and emergency
 * contact lists): the bundle's own rows replace them, since its consultations name its versions.
 */
const seededAtStart = new Set(["form_versions", "risk_lexicon_versions", "safety_contacts", "emergency_contact_kinds"]);

/** Not an argon2 hash, so no password verifies against it: an administrator sets each person's password anew. */
const NO_PASSWORD = "!handover: set a new password";

/** Values for columns the bundle leaves out; the others left out take their defaults. */
const omittedValues: Record<string, Record<string, (row: BundleRow, keyring: Keyring) => unknown>> = {
  staff: { password_hash: () => NO_PASSWORD },
  youths: { line_user_hash: (row, keyring) => lookupHash(keyring, String(row.line_user_id)) },
};

function toDatabaseRow(table: BundleTable, row: BundleRow, keyring: Keyring): Record<string, unknown> {
  const known = new Set(table.columns.map((c) => c.field));
  const unknown = Object.keys(row).find((field) => !known.has(field));
  if (unknown) throw new HandoverBundleError(`${table.name}.jsonl has a field this Soudan does not know: ${unknown}`);
  const values: Record<string, unknown> = {};
  for (const c of table.columns) {
    const value = row[c.field];
    if (value === undefined) continue;
    if (value === null) values[c.key] = null;
    else if (c.encrypted) values[c.key] = encryptField(keyring, String(value));
    else if (c.column.dataType === "date") values[c.key] = new Date(String(value));
    else values[c.key] = value;
  }
  for (const { key, column } of table.omitted) {
    const fill = omittedValues[table.name]?.[column.name];
    if (fill) values[key] = fill(row, keyring);
  }
  return values;
}

async function assertEmptyTarget(tx: Tx, tables: BundleTable[]): Promise<void> {
  const rowsIn = async (table: BundleTable) => (await tx.select({ n: count() }).from(table.table))[0]?.n ?? 0;
  const consultations = tables.find((t) => t.name === "consultations");
  if (consultations && (await rowsIn(consultations)) > 0) throw new HandoverTargetError("This Soudan already holds consultations: a bundle is imported only into an empty Soudan.");
  for (const table of tables) {
    if (seededAtStart.has(table.name)) continue;
    if ((await rowsIn(table)) > 0) throw new HandoverTargetError(`This Soudan is not empty: the table ${table.name} already has rows. Import into a freshly created Soudan, before any staff is created.`);
  }
}

/** Explicit ids were inserted into serial columns: their sequences continue after the highest one. */
async function advanceSequences(tx: Tx, table: BundleTable): Promise<void> {
  for (const { column } of table.columns) {
    if (!column.columnType.includes("Serial")) continue;
    const name = sql.identifier(column.name);
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${table.name}, ${column.name}), coalesce((select max(${name}) from ${sql.identifier(table.name)}), 0) + 1, false)`,
    );
  }
}

const BATCH = 200;

/**
 * The manifest's hashes only prove the files match a manifest anyone could rewrite; the imported audit
 * chain must verify on its own and end exactly at the head the manifest names.
 */
async function assertBundleAuditChain(tx: Tx, expected: { seq: number; hash: string }): Promise<void> {
  const chain = await verifyAuditChain(tx);
  if (!chain.ok) throw new HandoverBundleError(`The bundle's audit log does not verify (row ${chain.seq}: ${chain.problem}): the bundle was changed. Nothing was imported.`);
  const head = await readAuditHead(tx);
  if (head.seq !== expected.seq || head.hash !== expected.hash) {
    throw new HandoverBundleError(`The bundle's audit log ends at row ${head.seq} (hash ${head.hash}), not at the head its manifest names (row ${expected.seq}, hash ${expected.hash}). Nothing was imported.`);
  }
}

/**
 * Restores a verified bundle into an empty Soudan (R22), re-encrypting under this instance's key, in
 * one transaction: a refusal or failure leaves nothing behind. Audit rows keep their seq and hash, so
 * the chain verifies and continues from the bundle's head with this import's own row.
 */
export async function importHandoverBundle(db: Db, options: ImportOptions): Promise<ImportSummary> {
  const manifest = verifyHandoverBundle(options.dir);
  const known = knownSchemaVersions();
  if (!known.includes(manifest.schemaVersion)) {
    throw new HandoverBundleError(`The bundle was written by a newer Soudan (schema ${manifest.schemaVersion}); this one knows up to ${known.at(-1)}. Update Soudan first.`);
  }
  const tables = bundleTables();
  const data = new Map<string, BundleRow[]>();
  for (const table of tables) {
    const entry = manifest.files.find((f) => f.name === `${table.name}.jsonl`);
    // Tables are not versioned apart from the schema: a bundle without one is incomplete, not older.
    if (!entry) throw new HandoverBundleError(`${table.name}.jsonl is not listed in the manifest: the bundle is incomplete. Ask for a complete export.`);
    const rows = parseJsonLines(fs.readFileSync(path.join(options.dir, entry.name), "utf8"));
    if (rows.length !== entry.rows) throw new HandoverBundleError(`${entry.name} has ${rows.length} rows, its manifest entry says ${entry.rows}.`);
    data.set(table.name, rows);
  }

  const rows: Record<string, number> = {};
  await db.transaction(async (tx) => {
    await assertEmptyTarget(tx, tables);
    for (const table of [...tables].reverse()) if (seededAtStart.has(table.name)) await tx.delete(table.table);
    for (const table of tables) {
      const bundleRows = data.get(table.name) ?? [];
      for (let i = 0; i < bundleRows.length; i += BATCH) {
        await tx.insert(table.table).values(bundleRows.slice(i, i + BATCH).map((row) => toDatabaseRow(table, row, options.keyring)));
      }
      await advanceSequences(tx, table);
      rows[table.name] = bundleRows.length;
    }
    await assertBundleAuditChain(tx, manifest.auditHead);
    await appendAudit(tx, {
      action: "handover.imported",
      actorLabel: options.actorLabel,
      details: { rows, bundleExportedAt: manifest.exportedAt, bundleAuditHeadSeq: manifest.auditHead.seq, bundleAuditHeadHash: manifest.auditHead.hash },
    });
  });
  await recordAuditCheckpoint(db, { keyring: options.keyring, file: options.checkpointFile, at: options.at });
  return { rows, auditHead: manifest.auditHead };
}
