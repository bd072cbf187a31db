import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";

/**
 * Every table of the service, read from db/schema.ts itself so a table added later is destroyed and
 * counted without anyone remembering to list it. drizzle's own migrations bookkeeping lives outside
 * the schema (drizzle.__drizzle_migrations) and stays, so the emptied database is still a Soudan one.
 */
export function serviceTableNames(): string[] {
  const names: string[] = [];
  for (const value of Object.values(schema) as unknown[]) if (is(value, PgTable)) names.push(getTableName(value));
  return names.sort();
}
