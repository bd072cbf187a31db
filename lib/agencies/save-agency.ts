import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { supportAgencies } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { agencyInputSchema, type AgencyInput } from "./agency-input";

/**
 * Creates (no `id`) or updates an agency. Agencies are never deleted, only made inactive: closed
 * records keep pointing at the agency they referred to. Saving by an admin clears the "example" mark
 * unless the form keeps it.
 */
export async function saveAgency(db: Db, input: AgencyInput & { id?: string; at: Date }, actor: Actor | null): Promise<string> {
  const fields = agencyInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const values = { ...fields, phone: fields.phone ?? null, hours: fields.hours ?? null, url: fields.url ?? null, updatedAt: input.at, updatedBy: actor?.id ?? null };
    const [row] = input.id
      ? await tx.update(supportAgencies).set(values).where(eq(supportAgencies.id, input.id)).returning({ id: supportAgencies.id })
      : await tx.insert(supportAgencies).values(values).returning({ id: supportAgencies.id });
    if (!row) throw new Error("support agency not found");
    await appendAudit(tx, {
      action: "support_agency.changed",
      actor,
      actorLabel: actor ? undefined : "seed",
      target: `support_agency:${row.id}`,
      details: { name: fields.name, active: fields.active, created: !input.id },
    });
    return row.id;
  });
}
