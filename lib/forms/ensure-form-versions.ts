import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { formVersions } from "@/db/schema";
import { defaultIntakeDefinition, defaultRecordDefinition, defaultSurveyDefinition } from "./default-definitions";
import { intakeDefinitionSchema, recordDefinitionSchema, type ChoiceField } from "./definition";

/** Adds the choices of `added` this field lacks, before its 「その他」 when it has one, so old ids keep their places. */
function withChoices(field: ChoiceField, added: ChoiceField): ChoiceField {
  const known = new Set(field.choices.map((c) => c.id));
  const missing = added.choices.filter((c) => !known.has(c.id));
  const other = field.choices.findIndex((c) => c.id === "other");
  const at = other === -1 ? field.choices.length : other;
  return { ...field, choices: [...field.choices.slice(0, at), ...missing, ...field.choices.slice(at)] };
}

/**
 * A database made before 相談者の属性 and 対応の内容 existed gets them as a new version of its current
 * intake and record forms (never rewriting one), with the record's new topics; its admins' other
 * changes stay. Runs once: the new version has the fields.
 */
async function addIssue16Fields(db: DbOrTx): Promise<void> {
  for (const kind of ["intake", "record"] as const) {
    const [current] = await db.select().from(formVersions).where(eq(formVersions.kind, kind)).orderBy(desc(formVersions.version)).limit(1);
    if (!current) continue;
    if (kind === "intake") {
      const definition = intakeDefinitionSchema.parse(current.definition);
      if (definition.requester) continue;
      const next = { ...definition, requester: defaultIntakeDefinition.requester };
      await db.insert(formVersions).values({ kind, version: current.version + 1, definition: next, note: "相談者の属性を追加" }).onConflictDoNothing();
    } else {
      const definition = recordDefinitionSchema.parse(current.definition);
      if (definition.requester && definition.actions) continue;
      const next = {
        ...definition,
        topics: withChoices(definition.topics, defaultRecordDefinition.topics),
        requester: definition.requester ?? defaultRecordDefinition.requester,
        actions: definition.actions ?? defaultRecordDefinition.actions,
      };
      await db.insert(formVersions).values({ kind, version: current.version + 1, definition: next, note: "相談者の属性・対応の内容・分類（自殺念慮・自傷、メンタル不調）を追加" }).onConflictDoNothing();
    }
  }
}

/**
 * Inserts version 1 of each form when the database has none, so a fresh database (migrated by the
 * app, `npm run db:migrate` or a test) can take an intake and close a consultation at once. Several
 * instances starting together insert it once: (kind, version) is unique.
 */
export async function ensureFormVersions(db: DbOrTx): Promise<void> {
  await db
    .insert(formVersions)
    .values([
      { kind: "intake", version: 1, definition: defaultIntakeDefinition, note: "version 1" },
      { kind: "record", version: 1, definition: defaultRecordDefinition, note: "version 1" },
      { kind: "survey", version: 1, definition: defaultSurveyDefinition, note: "version 1" },
    ])
    .onConflictDoNothing();
  await addIssue16Fields(db);
}
