import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { onCallEntries } from "@/db/schema";
import { appendAudit } from "@/lib/audit";

/** Takes an entry off the roster; the row stays (removed), so who was on call stays answerable. */
export async function removeOnCallEntry(db: Db, input: { entryId: string; at: Date }, actor: { id: string; loginId: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(onCallEntries)
      .set({ removedAt: input.at })
      .where(and(eq(onCallEntries.id, input.entryId), isNull(onCallEntries.removedAt)))
      .returning({ id: onCallEntries.id });
    if (!row) return false;
    await appendAudit(tx, { action: "on_call.changed", actor, target: `on_call_entry:${row.id}`, details: { removed: true } });
    return true;
  });
}
