import type { Tx } from "@/db";
import type { ChatMode } from "@/lib/consultations";
import type { Keyring } from "@/lib/crypto";
import type { StoredWebhookEvent } from "../inbox/webhook-schema";

export interface HandlerDeps {
  keyring: Keyring;
  /** The inbox worker's clock: it reads it once per event and hands the handlers that instant. */
  now: () => Date;
  /** CHAT_MODE; "secure" (the default) when not given. In line mode a new consultation gets the intake as quick replies. */
  chatMode?: ChatMode;
  /**
   * Present when the deployment runs the secure chat (CHAT_MODE=secure): text typed in the LINE talk is
   * still kept, and the youth is shown the way to the secure chat at `liffUrl`.
   */
  secureChat?: { liffUrl: string | null };
  /** Whether on-call paging is configured (lib/safety isOnCallPagingConfigured): only then does a safety reply say staff were told. */
  pagingConfigured?: boolean;
}

export interface HandlerContext extends Omit<HandlerDeps, "now"> {
  tx: Tx;
  receivedAt: Date;
  /** The instant the event is handled: everything one event stamps carries the same time. */
  at: Date;
}

/** `ignored`: stored, looked at, and deliberately not acted on (groups, unknown types). */
export type EventOutcome = "done" | "ignored";

export type EventHandler = (event: StoredWebhookEvent & { source: { type: "user"; userId: string } }, ctx: HandlerContext) => Promise<EventOutcome>;

export function replyTokenOf(event: StoredWebhookEvent): string | undefined {
  return typeof event.replyToken === "string" ? event.replyToken : undefined;
}
