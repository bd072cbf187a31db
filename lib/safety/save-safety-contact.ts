import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { safetyContacts } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { safetyContactInputSchema, type SafetyContactInput } from "./contact-input";

/** Creates (no `id`) or updates a number; a retired one is made inactive rather than deleted. Audited. */
export async function saveSafetyContact(db: Db, input: SafetyContactInput & { id?: string }, actor: Actor, at: Date): Promise<string> {
  const fields = safetyContactInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const values = { ...fields, updatedAt: at, updatedBy: actor.id };
    const [row] = input.id
      ? await tx.update(safetyContacts).set(values).where(eq(safetyContacts.id, input.id)).returning({ id: safetyContacts.id })
      : await tx.insert(safetyContacts).values(values).returning({ id: safetyContacts.id });
    if (!row) throw new Error("safety contact not found");
    await appendAudit(tx, {
      action: "safety_contact.changed",
      actor,
      target: `safety_contact:${row.id}`,
      details: { label: fields.label, number: fields.number, active: fields.active, created: !input.id },
    });
    return row.id;
  });
}
