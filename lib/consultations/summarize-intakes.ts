import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { formVersions } from "@/db/schema";
import { describeIntake, intakeDefinitionSchema, storedIntakeSchema, type IntakeSummary } from "@/lib/forms";

/**
 * The intake answers of several consultations in words, each with the labels of the version it was
 * answered with. Each version is read and parsed once however many consultations share it.
 */
export async function summarizeIntakes(tx: DbOrTx, rows: { intake: unknown; intakeVersionId: string | null }[]): Promise<(IntakeSummary | null)[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.intakeVersionId ? [r.intakeVersionId] : [])))];
  const versions = ids.length === 0 ? [] : await tx.select().from(formVersions).where(inArray(formVersions.id, ids));
  const forms = new Map(versions.map((v) => [v.id, { version: v.version, definition: intakeDefinitionSchema.parse(v.definition) }]));
  return rows.map((row) => {
    const form = row.intakeVersionId ? forms.get(row.intakeVersionId) : undefined;
    if (!form) return null;
    const answers = storedIntakeSchema.safeParse(row.intake ?? {});
    return describeIntake(answers.success ? answers.data : null, form);
  });
}
