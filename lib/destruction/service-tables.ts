import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";

/**
 * Every table of the service, read from db/schema.ts itself so a table added later is destroyed and
 * counted without anyone remembering to list it. drizzle's own migrations bookkeeping lives outside
 * the schema (drizzle.__drizzle_migrations) and stays, so the emptied database is still a Soudan one.
 */
export function serviceTableNames(): string[] {
  return Object.values(schema)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableName(table))
    .sort();
}
