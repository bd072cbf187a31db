import type { messagingApi } from "@line/bot-sdk";

export type LineMessage = messagingApi.Message;

/** The calls Soudan makes to LINE. Production uses the SDK (lib/line/sdk-api.ts); tests may pass their own. */
export interface LineApi {
  reply(replyToken: string, messages: LineMessage[]): Promise<void>;
  push(to: string, messages: LineMessage[], retryKey: string): Promise<void>;
  showLoading(chatId: string, seconds: number): Promise<void>;
  markAsRead(userId: string): Promise<void>;
  linkRichMenu(userId: string, richMenuId: string): Promise<void>;
}

/** `status` is null when no HTTP answer came back (network error, timeout). */
export class LineApiError extends Error {
  constructor(
    public readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = "LineApiError";
  }

  /** Rate limits, server errors and lost answers are worth another try; other refusals are final. */
  get retryable(): boolean {
    return this.status === null || this.status === 429 || this.status >= 500;
  }
}
