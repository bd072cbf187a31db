import { renderAutoReply } from "@/lib/autoreply";
import { fromRealTime } from "@/lib/clock";
import { enqueueReply } from "@/lib/line-api";
import { ensureYouth, setYouthFollowing } from "@/lib/youths";
import { recordReceptionEvent } from "../reception/record-reception-event";
import { replyTokenOf, type EventHandler } from "./context";

/** Adding the account, or unblocking it, is greeted the same way; the reception status counts them apart. */
export const handleFollow: EventHandler = async (event, ctx) => {
  const youth = await ensureYouth(ctx.tx, event.source.userId, ctx.keyring);
  await setYouthFollowing(ctx.tx, youth.id, true, ctx.at);
  const unblocked = (event.follow as { isUnblocked?: unknown } | undefined)?.isUnblocked === true;
  await recordReceptionEvent(ctx.tx, unblocked ? "unblock" : "follow", fromRealTime(event.timestamp));
  await enqueueReply(
    ctx.tx,
    { youthId: youth.id, replyToken: replyTokenOf(event), receivedAt: ctx.receivedAt, messages: [{ type: "text", text: await renderAutoReply(ctx.tx, "greeting", {}) }] },
    ctx.keyring,
  );
  return "done";
};
