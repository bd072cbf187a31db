import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { formVersions } from "@/db/schema";
import { intakeDefinitionSchema, recordDefinitionSchema, surveyDefinitionSchema, type DefinitionOf, type FormKind } from "./definition";

export interface FormVersion<K extends FormKind = FormKind> {
  id: string;
  kind: K;
  version: number;
  createdAt: Date;
  definition: DefinitionOf<K>;
}

const schemas = { intake: intakeDefinitionSchema, record: recordDefinitionSchema, survey: surveyDefinitionSchema } as const;

function parse<K extends FormKind>(kind: K, row: typeof formVersions.$inferSelect): FormVersion<K> {
  // Stored versions were validated when saved; a failure here means the row was edited by hand.
  const definition = schemas[kind].parse(row.definition) as DefinitionOf<K>;
  return { id: row.id, kind, version: row.version, createdAt: row.createdAt, definition };
}

/** The version in force: the newest of its kind. */
export async function loadCurrentForm<K extends FormKind>(tx: DbOrTx, kind: K): Promise<FormVersion<K>> {
  const [row] = await tx.select().from(formVersions).where(eq(formVersions.kind, kind)).orderBy(desc(formVersions.version)).limit(1);
  if (!row) throw new Error(`no ${kind} form version: ensureFormVersions was not run on this database`);
  return parse(kind, row);
}

/** An id that names no version of that kind: a page's mistake, or a forgery. */
export class FormVersionNotFoundError extends Error {
  constructor(kind: FormKind, id: string) {
    super(`${kind} form version ${id} not found`);
    this.name = "FormVersionNotFoundError";
  }
}

/** A pinned version, as an answer or a record names it. */
export async function loadFormVersion<K extends FormKind>(tx: DbOrTx, kind: K, id: string): Promise<FormVersion<K>> {
  const [row] = await tx.select().from(formVersions).where(and(eq(formVersions.id, id), eq(formVersions.kind, kind)));
  if (!row) throw new FormVersionNotFoundError(kind, id);
  return parse(kind, row);
}
