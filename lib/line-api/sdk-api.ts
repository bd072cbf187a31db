import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import { LineApiError, type LineApi } from "./api";

async function call(what: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    // LINE's error bodies describe the request, never the recipient; keep only the status and a short reason.
    if (error instanceof HTTPFetchError) throw new LineApiError(error.status, `${what}: HTTP ${error.status} ${error.body.slice(0, 200)}`);
    throw new LineApiError(null, `${what}: ${(error as Error).message}`);
  }
}

export function createSdkLineApi(options: { channelAccessToken: string; baseURL: string }): LineApi {
  const client = new messagingApi.MessagingApiClient(options);
  return {
    reply: (replyToken, messages) => call("reply", () => client.replyMessage({ replyToken, messages })),
    push: (to, messages, retryKey) => call("push", () => client.pushMessage({ to, messages }, retryKey)),
    showLoading: (chatId, loadingSeconds) => call("loading", () => client.showLoadingAnimation({ chatId, loadingSeconds })),
    markAsRead: (userId) => call("markAsRead", () => client.markMessagesAsRead({ chat: { userId } })),
    linkRichMenu: (userId, richMenuId) => call("linkRichMenu", () => client.linkRichMenuIdToUser(userId, richMenuId)),
  };
}
