import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { consultations, staff } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { publishConsoleEvent } from "@/lib/realtime";
import type { ConsoleActor } from "./actor";
import { ConsoleError } from "./errors";
import { firstClaimColumns } from "./first-claim";
import { isActive } from "./phase";

/**
 * One click takes a waiting consultation. The UPDATE only matches while assigned_to is null, so when
 * several counselors click at once exactly one row is updated and the others are told it was taken.
 * The counselor's own row is locked first, so two of their own tabs cannot exceed `maxActive`.
 */
export async function claimConsultation(db: Db, consultationId: string, actor: ConsoleActor, options: { at: Date; maxActive: number }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.select({ id: staff.id }).from(staff).where(eq(staff.id, actor.id)).for("update");
    const [held] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(consultations)
      .where(and(isActive(), eq(consultations.assignedTo, actor.id)));
    if ((held?.n ?? 0) >= options.maxActive) throw new ConsoleError("limit_reached");
    const won = await tx
      .update(consultations)
      .set({ assignedTo: actor.id, claimedAt: options.at, ...firstClaimColumns(options.at, actor.id) })
      .where(and(eq(consultations.id, consultationId), eq(consultations.status, "open"), isNull(consultations.assignedTo)))
      .returning({ id: consultations.id });
    if (won.length === 0) {
      const [row] = await tx.select({ status: consultations.status }).from(consultations).where(eq(consultations.id, consultationId));
      throw new ConsoleError(!row ? "not_found" : row.status === "closed" ? "closed" : "taken");
    }
    await appendAudit(tx, { action: "consultation.claimed", actor, target: `consultation:${consultationId}` });
    await publishConsoleEvent(tx, { kind: "assignment", consultationId, staffId: actor.id });
  });
}
