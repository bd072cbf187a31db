import type { messagingApi } from "@line/bot-sdk";

export type LineMessage = messagingApi.Message;

/** The monthly message quota: `limit` null when the plan sets no target; `used` counts this month's paid messages. */
/** 友だち登録数 of one day as LINE's Insight API counts it (cumulative; blocked friends included). */
export interface LineFollowers {
  followers: number;
  blocks: number | null;
}

export interface LineQuota {
  limit: number | null;
  used: number;
}

/** The calls Soudan makes to LINE. Production uses the SDK (lib/line-api/sdk-api.ts); tests may pass their own. */
export interface LineApi {
  reply(replyToken: string, messages: LineMessage[]): Promise<void>;
  push(to: string, messages: LineMessage[], retryKey: string): Promise<void>;
  showLoading(chatId: string, seconds: number): Promise<void>;
  /** The public endpoint: marks the talk read up to the message whose webhook event carried the token. */
  markAsRead(markAsReadToken: string): Promise<void>;
  linkRichMenu(userId: string, richMenuId: string): Promise<void>;
  readQuota(): Promise<LineQuota>;
  /** The friends count of a past JST date "YYYY-MM-DD"; null while LINE has not counted that day (or no longer keeps it). */
  readFollowers(date: string): Promise<LineFollowers | null>;
}

/** LINE's answer when the month's messages are used up; no retry helps before the next month. */
export const MONTHLY_LIMIT_MESSAGE = "You have reached your monthly limit.";

/** `status` is null when no HTTP answer came back (network error, timeout). */
export class LineApiError extends Error {
  constructor(
    public readonly status: number | null,
    message: string,
    /** From LINE's Retry-After header: the next attempt waits at least this long. */
    public readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "LineApiError";
  }

  /** A 429 that is not a rate limit: the monthly quota is spent. */
  get monthlyLimit(): boolean {
    return this.status === 429 && this.message.includes(MONTHLY_LIMIT_MESSAGE);
  }

  /** Rate limits, server errors and lost answers are worth another try; other refusals (and a spent quota) are final. */
  get retryable(): boolean {
    if (this.monthlyLimit) return false;
    return this.status === null || this.status === 429 || this.status >= 500;
  }
}
