import { fromRealTime } from "@/lib/clock";
import { abandonWaitingConsultations } from "@/lib/consultations";
import { cancelPendingCalls } from "@/lib/line-api";
import { ensureYouth, setYouthFollowing } from "@/lib/youths";
import { recordReceptionEvent } from "../reception/record-reception-event";
import type { EventHandler } from "./context";

export const handleUnfollow: EventHandler = async (event, ctx) => {
  const youth = await ensureYouth(ctx.tx, event.source.userId, ctx.keyring);
  await setYouthFollowing(ctx.tx, youth.id, false, ctx.at);
  await cancelPendingCalls(ctx.tx, youth.id);
  await recordReceptionEvent(ctx.tx, "unfollow", fromRealTime(event.timestamp));
  // Blocking while still in the queue is leaving it: counted as abandoned, and no counselor claims a youth who cannot be reached.
  await abandonWaitingConsultations(ctx.tx, { youthId: youth.id, at: ctx.at }, ctx.keyring);
  return "done";
};
