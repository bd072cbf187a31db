import { desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db";
import { formVersions } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { ja } from "@/lib/i18n/ja";
import { choiceFieldsOf, intakeDefinitionSchema, recordDefinitionSchema, surveyDefinitionSchema, type ChoiceField, type FormKind } from "./definition";

/** Savers of one kind serialise on this lock, so two admins saving at once get versions n and n+1 (or a stale refusal). */
const FORM_LOCK_KEY = { intake: 0x5c_f0_01, record: 0x5c_f0_02, survey: 0x5c_f0_03 } as const;
const schemas = { intake: intakeDefinitionSchema, record: recordDefinitionSchema, survey: surveyDefinitionSchema } as const;

export type FormFieldErrors = Record<string, string>;
export type SaveFormResult = { ok: true; version: number; id: string } | { ok: false; fieldErrors: FormFieldErrors };

/** Errors keyed by their dotted path (`topics.choices.3.label`), the first per path, as the editor shows them. */
export function formFieldErrors(error: z.ZodError): FormFieldErrors {
  const errors: FormFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

function describeChange(before: ChoiceField | undefined, after: ChoiceField) {
  const old = new Map((before?.choices ?? []).map((c) => [c.id, c]));
  return {
    added: after.choices.filter((c) => !old.has(c.id)).map((c) => c.id),
    retired: after.choices.filter((c) => c.retired && old.get(c.id)?.retired === false).map((c) => c.id),
    restored: after.choices.filter((c) => !c.retired && old.get(c.id)?.retired === true).map((c) => c.id),
    renamed: after.choices.filter((c) => old.has(c.id) && old.get(c.id)!.label !== c.label).map((c) => c.id),
  };
}

/**
 * Saves an edited form as its next version (never rewriting one), audited. Refused with field errors
 * when the definition is invalid, when it drops a choice an earlier version had (answers and reports
 * name those ids: retire them instead), or when it was edited from a version that is no longer current.
 */
export async function saveFormVersion(
  db: Db,
  input: { kind: FormKind; definition: unknown; basedOnVersion: number; note?: string | null },
  actor: Actor,
  at: Date,
): Promise<SaveFormResult> {
  const schema = schemas[input.kind];
  const parsed = schema.safeParse(input.definition);
  if (!parsed.success) return { ok: false, fieldErrors: formFieldErrors(parsed.error) };
  const definition = parsed.data;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FORM_LOCK_KEY[input.kind]})`);
    const [current] = await tx.select().from(formVersions).where(eq(formVersions.kind, input.kind)).orderBy(desc(formVersions.version)).limit(1);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.basedOnVersion) return { ok: false as const, fieldErrors: { _form: ja.forms.errors.stale } };
    const previous = current ? (schema.safeParse(current.definition).data as Record<string, ChoiceField> | undefined) : undefined;
    const fieldErrors: FormFieldErrors = {};
    const changes: Record<string, ReturnType<typeof describeChange>> = {};
    for (const name of choiceFieldsOf[input.kind]) {
      const after = (definition as unknown as Record<string, ChoiceField | undefined>)[name];
      const before = previous?.[name];
      if (!after) {
        // An optional field (相談者の属性, 対応の内容) stays once a version had it: answers name its ids.
        if (before) fieldErrors[`${name}.choices`] = ja.forms.errors.removedChoice;
        continue;
      }
      const kept = new Set(after.choices.map((c) => c.id));
      if (before?.choices.some((c) => !kept.has(c.id))) fieldErrors[`${name}.choices`] = ja.forms.errors.removedChoice;
      changes[name] = describeChange(before, after);
    }
    if (Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors };
    const version = currentVersion + 1;
    const note = input.note?.trim() || null;
    const [row] = await tx
      .insert(formVersions)
      .values({ kind: input.kind, version, definition, createdAt: at, createdBy: actor.id, note })
      .returning({ id: formVersions.id });
    await appendAudit(tx, { action: "form.changed", actor, target: `form:${input.kind}:${version}`, details: { kind: input.kind, version, note, changes } });
    return { ok: true as const, version, id: row!.id };
  });
}
