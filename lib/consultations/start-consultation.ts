import type { DbOrTx } from "@/db";
import { publishConsoleEvent } from "@/lib/realtime";
import { openConsultation, type Channel, type Consultation } from "./open-consultation";

/**
 * A youth asks to talk before writing anything (line mode's 相談する): a consultation opens and joins
 * the queue at once, so a counselor can greet them; their first message then lands in it.
 */
export async function startConsultation(tx: DbOrTx, input: { youthId: string; channel: Channel; at: Date }): Promise<Consultation> {
  const consultation = await openConsultation(tx, input.youthId, input.channel, input.at);
  await publishConsoleEvent(tx, { kind: "queue", consultationId: consultation.id });
  return consultation;
}
