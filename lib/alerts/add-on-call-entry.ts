import type { Db } from "@/db";
import { onCallEntries } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { onCallInputSchema, type OnCallInput } from "./on-call-input";

/** Adds a roster entry: that person gets the alerts raised between its start and end. */
export async function addOnCallEntry(db: Db, input: OnCallInput & { at: Date }, actor: { id: string; loginId: string }): Promise<string> {
  const entry = onCallInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(onCallEntries).values({ ...entry, createdAt: input.at, createdBy: actor.id }).returning({ id: onCallEntries.id });
    // The address is a staff contact, but the audit log keeps ids only.
    await appendAudit(tx, { action: "on_call.changed", actor, target: `on_call_entry:${row!.id}`, details: { added: true, startsAt: entry.startsAt.toISOString(), endsAt: entry.endsAt.toISOString() } });
    return row!.id;
  });
}
