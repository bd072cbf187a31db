import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { lineOutbox } from "@/db/schema";
import type { Keyring } from "@/lib/crypto";
import { enqueueLineCall } from "@/lib/line-api";
import type { ConsoleActor } from "./actor";
import { loadConsultationForUpdate } from "./load-consultation-for-update";

/** LINE shows the animation for up to this long; the console asks again while the counselor keeps typing. */
export const TYPING_SECONDS = 20;

/**
 * In line mode, the LINE loading animation while the holder types, so the youth knows someone is
 * answering. One call per TYPING_SECONDS at most, however fast the keys go. Returns whether one was queued.
 */
export async function showTypingIndicator(db: Db, input: { consultationId: string }, actor: ConsoleActor, keyring: Keyring): Promise<boolean> {
  // created_at is the database's clock, so the interval is measured on it too (the app clock may be shifted in demos).
  return db.transaction(async (tx) => {
    const consultation = await loadConsultationForUpdate(tx, input.consultationId, actor, { supervisorToo: false, secondResponderToo: true });
    if (consultation.channel !== "line") return false;
    const [recent] = await tx
      .select({ id: lineOutbox.id })
      .from(lineOutbox)
      .where(and(eq(lineOutbox.youthId, consultation.youthId), eq(lineOutbox.kind, "loading"), gt(lineOutbox.createdAt, sql`now() - make_interval(secs => ${TYPING_SECONDS})`)))
      .limit(1);
    if (recent) return false;
    await enqueueLineCall(tx, { youthId: consultation.youthId, kind: "loading", payload: { seconds: TYPING_SECONDS } }, keyring);
    return true;
  });
}
