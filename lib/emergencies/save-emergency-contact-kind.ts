import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { emergencyContactKinds } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { ja } from "@/lib/i18n/ja";
import { contactKindInputSchema, contactKindKey } from "./contact-kind-input";

/** Savers serialise on this lock, so two admins adding the same name at once cannot both succeed. */
const CONTACT_KINDS_LOCK_KEY = 0x5c_f0_13;

export type SaveContactKindResult = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Adds a contact kind (no `id`) or renames, reorders, retires or reinstates one. Kinds are never
 * deleted: contact entries point at them, and a report printed again must name them as before. A name
 * that reads like another kind's (retired ones too) is refused with a Japanese message. Audited.
 */
export async function saveEmergencyContactKind(db: Db, input: { id?: string; kind: unknown; at: Date }, actor: Actor): Promise<SaveContactKindResult> {
  const parsed = contactKindInputSchema.safeParse(input.kind);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "_form")] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  const fields = parsed.data;
  return db.transaction(async (tx): Promise<SaveContactKindResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CONTACT_KINDS_LOCK_KEY})`);
    const existing = await tx.select({ id: emergencyContactKinds.id, label: emergencyContactKinds.label }).from(emergencyContactKinds);
    const previous = input.id ? existing.find((kind) => kind.id === input.id) : undefined;
    if (input.id && !previous) return { ok: false, fieldErrors: { _form: ja.emergency.kindsAdmin.errors.notFound } };
    const clash = existing.find((kind) => kind.id !== input.id && contactKindKey(kind.label) === contactKindKey(fields.label));
    if (clash) return { ok: false, fieldErrors: { label: ja.emergency.kindsAdmin.errors.duplicate(clash.label) } };
    const values = { ...fields, updatedAt: input.at, updatedBy: actor.id };
    const [row] = input.id
      ? await tx.update(emergencyContactKinds).set(values).where(eq(emergencyContactKinds.id, input.id)).returning({ id: emergencyContactKinds.id })
      : await tx.insert(emergencyContactKinds).values(values).returning({ id: emergencyContactKinds.id });
    await appendAudit(tx, {
      action: "emergency_contact_kind.changed",
      actor,
      target: `emergency_contact_kind:${row!.id}`,
      details: { label: fields.label, previousLabel: previous && previous.label !== fields.label ? previous.label : null, sortOrder: fields.sortOrder, active: fields.active, created: !input.id },
    });
    return { ok: true, id: row!.id };
  });
}
