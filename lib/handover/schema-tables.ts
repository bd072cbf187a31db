import { getTableColumns } from "drizzle-orm";
import { getTableConfig, PgTable, type PgColumn } from "drizzle-orm/pg-core";
import { encryptedColumns } from "@/db/encrypted-columns";
import * as schema from "@/db/schema";
import { handoverTables, type ExportedTable } from "./tables";

export interface BundleColumn {
  /** The drizzle property (camelCase) used to read and insert. */
  key: string;
  column: PgColumn;
  /** The name in the bundle: the column's, without `_enc` when it is exported decrypted. */
  field: string;
  encrypted: boolean;
}

export interface BundleTable {
  name: string;
  table: PgTable;
  spec: ExportedTable;
  /** The exported columns, in the schema's order. */
  columns: BundleColumn[];
  /** Columns the bundle leaves out (staff secrets, lookup hashes), with their drizzle property. */
  omitted: { key: string; column: PgColumn }[];
}

/** Every table the schema module declares, by its SQL name. */
export function schemaTables(): Map<string, PgTable> {
  const tables = new Map<string, PgTable>();
  for (const value of Object.values(schema)) if (value instanceof PgTable) tables.set(getTableConfig(value).name, value);
  return tables;
}

const encryptedByTable = new Map(encryptedColumns.map((spec) => [spec.table, new Set(spec.columns)]));

function fieldName(column: string, encrypted: boolean): string {
  return encrypted ? column.replace(/_enc$/, "") : column;
}

/**
 * The exported tables, parents before children (foreign keys), so an import inserts each row after
 * the rows it references. Throws when the schema and the classification in tables.ts disagree.
 */
export function bundleTables(): BundleTable[] {
  const tables = schemaTables();
  const unclassified = [...tables.keys()].filter((name) => !handoverTables[name]);
  if (unclassified.length > 0) throw new Error(`Tables not classified for the handover bundle (lib/handover/tables.ts): ${unclassified.join(", ")}`);
  const described: BundleTable[] = [];
  for (const [name, table] of tables) {
    const spec = handoverTables[name];
    if (spec?.kind !== "exported") continue;
    const encrypted = encryptedByTable.get(name) ?? new Set<string>();
    const columns: BundleColumn[] = [];
    const omitted: BundleTable["omitted"] = [];
    for (const [key, column] of Object.entries(getTableColumns(table))) {
      if (spec.omitted?.[column.name] !== undefined) omitted.push({ key, column });
      else columns.push({ key, column, field: fieldName(column.name, encrypted.has(column.name)), encrypted: encrypted.has(column.name) });
    }
    described.push({ name, table, spec, columns, omitted });
  }
  return inDependencyOrder(described);
}

function inDependencyOrder(tables: BundleTable[]): BundleTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: BundleTable[] = [];
  const placed = new Set<string>();
  const visit = (table: BundleTable, path: string[]) => {
    if (placed.has(table.name)) return;
    if (path.includes(table.name)) throw new Error(`Foreign keys form a cycle: ${[...path, table.name].join(" → ")}`);
    for (const fk of getTableConfig(table.table).foreignKeys) {
      const parent = byName.get(getTableConfig(fk.reference().foreignTable).name);
      if (parent && parent.name !== table.name) visit(parent, [...path, table.name]);
    }
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, []);
  return ordered;
}
