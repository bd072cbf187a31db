import { stringify } from "csv-stringify/sync";
import { csvSafeCell } from "@/lib/csv";
import type { BundleTable } from "./schema-tables";

export type BundleRow = Record<string, unknown>;

/** A row as the bundle writes it: dates as ISO 8601 UTC, everything else as JSON has it. */
function toBundleValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

export function toJsonLines(table: BundleTable, rows: BundleRow[]): string {
  return rows.map((row) => JSON.stringify(Object.fromEntries(table.columns.map((c) => [c.field, toBundleValue(row[c.field])])))).join("\n") + (rows.length > 0 ? "\n" : "");
}

export function toCell(value: unknown): string {
  const plain = toBundleValue(value);
  if (plain === null) return "";
  const text = typeof plain === "object" ? JSON.stringify(plain) : String(plain);
  // In the CSVs only: JSON Lines stays exact.
  return csvSafeCell(text);
}

/** UTF-8 with a BOM so Excel on a city clerk's PC opens the Japanese text as it is. */
export function toCsv(table: BundleTable, rows: BundleRow[]): string {
  const header = table.columns.map((c) => c.field);
  return stringify(
    rows.map((row) => header.map((field) => toCell(row[field]))),
    { bom: true, header: true, columns: header, record_delimiter: "\r\n" },
  );
}

export function parseJsonLines(text: string): BundleRow[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as BundleRow);
}
