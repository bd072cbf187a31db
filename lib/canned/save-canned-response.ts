import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { cannedResponses } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { cannedInputSchema, type CannedInput } from "./canned-input";

/** Creates (no `id`) or updates a 定型文. Retired ones are made inactive rather than deleted. */
export async function saveCannedResponse(db: Db, input: CannedInput & { id?: string; at: Date }, actor: Actor | null): Promise<string> {
  const fields = cannedInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const values = { ...fields, updatedAt: input.at, updatedBy: actor?.id ?? null };
    const [row] = input.id
      ? await tx.update(cannedResponses).set(values).where(eq(cannedResponses.id, input.id)).returning({ id: cannedResponses.id })
      : await tx.insert(cannedResponses).values(values).returning({ id: cannedResponses.id });
    if (!row) throw new Error("canned response not found");
    await appendAudit(tx, {
      action: "canned_response.changed",
      actor,
      actorLabel: actor ? undefined : "seed",
      target: `canned_response:${row.id}`,
      details: { title: fields.title, active: fields.active, created: !input.id },
    });
    return row.id;
  });
}
