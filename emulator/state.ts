import type { messagingApi, webhook } from "@line/bot-sdk";
import type { OutgoingMessage } from "./message-schema";
import type { RichMenu } from "./richmenu";

export interface EmulatorOptions {
  channelSecret: string;
  channelAccessToken: string;
  webhookUrl: string;
  loginChannelId: string;
  liffId?: string;
  liffUrl?: string;
  port?: number;
  host?: string;
  /** Injectable clock (ms since epoch) so tests can expire reply tokens and ID tokens without waiting. */
  now?: () => number;
  /** Waits before each automatic webhook redelivery; its length bounds the attempts. */
  redeliveryDelaysMs?: number[];
  webhookTimeoutMs?: number;
  /** The channel's monthly target for paid messages (LINE's "target limit"); unset means none. */
  monthlyLimit?: number;
}

type UserStatus = "new" | "following" | "blocked";

export interface DeliveryAttempt {
  at: number;
  isRedelivery: boolean;
  status: number | null;
  error?: string;
}

export interface Delivery {
  webhookEventId: string;
  userId: string | null;
  event: webhook.Event;
  attempts: DeliveryAttempt[];
  delivered: boolean;
  timer?: NodeJS.Timeout;
}

interface EntryBase {
  seq: number;
  at: number;
}

export type UserEntry = EntryBase & {
  from: "user";
  webhookEventId: string;
} & (
    | { kind: "message"; message: webhook.MessageContent; unsent: boolean }
    | { kind: "postback"; data: string; displayText?: string }
    | { kind: "follow" | "unfollow" | "unsend" }
  );

type BotEntry = EntryBase & {
  from: "bot";
  via: "reply" | "push";
  messageId: string;
  message: OutgoingMessage;
};

export type TimelineEntry = UserEntry | BotEntry;

export interface User {
  userId: string;
  displayName: string;
  status: UserStatus;
  entries: TimelineEntry[];
  loadingUntil: number;
  readUpToSeq: number;
}

interface ReplyToken {
  userId: string;
  eventTimestamp: number;
  expiresAt: number;
  used: boolean;
}

interface AcceptedRetry {
  requestId: string;
  acceptedAt: number;
  sentMessages: messagingApi.SentMessage[];
}

export interface StoredRichMenu {
  menu: RichMenu;
  image?: { body: Buffer; contentType: string };
}

export interface RecordedRequest {
  id: string;
  time: string;
  method: string;
  path: string;
  query: string;
  operation: string | null;
  headers: Record<string, string>;
  body: string;
  status: number | null;
}

export interface Fault {
  id: number;
  path?: string;
  method?: string;
  status?: number;
  delayMs: number;
  remaining: number;
  retryAfter?: number;
  /** Run the real handler first, then answer with the fault: LINE may act on a request whose answer was lost. */
  processed: boolean;
}

export interface State {
  destination: string;
  users: Map<string, User>;
  seq: number;
  replyTokens: Map<string, ReplyToken>;
  markAsReadTokens: Map<string, { userId: string; seq: number }>;
  retryKeys: Map<string, AcceptedRetry>;
  richMenus: Map<string, StoredRichMenu>;
  defaultRichMenuId: string | null;
  userRichMenus: Map<string, string>;
  requests: RecordedRequest[];
  faults: Fault[];
  nextFaultId: number;
  deliveries: Map<string, Delivery>;
  /** Paid messages this month: one per push request that LINE accepted, whatever its message count. */
  pushCount: number;
  /** The Asia/Tokyo month (YYYY-MM) pushCount belongs to; a new month starts from zero. */
  usageMonth: string;
  monthlyLimit: number | null;
}

export interface Env {
  options: EmulatorOptions;
  state: State;
  now: () => number;
}

export function createState(destination: string, monthlyLimit: number | null = null): State {
  return {
    destination,
    users: new Map(),
    seq: 0,
    replyTokens: new Map(),
    markAsReadTokens: new Map(),
    retryKeys: new Map(),
    richMenus: new Map(),
    defaultRichMenuId: null,
    userRichMenus: new Map(),
    requests: [],
    faults: [],
    nextFaultId: 1,
    deliveries: new Map(),
    pushCount: 0,
    usageMonth: "",
    monthlyLimit,
  };
}

/** Forgets everything but the bot's identity, so one emulator can serve many tests. */
export function resetState(state: State): void {
  for (const delivery of state.deliveries.values()) clearTimeout(delivery.timer);
  Object.assign(state, createState(state.destination, state.monthlyLimit));
}

type NewEntry = TimelineEntry extends infer E ? (E extends TimelineEntry ? Omit<E, "seq" | "at"> : never) : never;

export function appendEntry(env: Env, user: User, entry: NewEntry): TimelineEntry {
  env.state.seq += 1;
  const full: TimelineEntry = { ...entry, seq: env.state.seq, at: env.now() };
  user.entries.push(full);
  return full;
}
