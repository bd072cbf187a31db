import { HTTPFetchError, insight, messagingApi } from "@line/bot-sdk";
import { LineApiError, type LineApi } from "./api";

/** Retry-After in seconds (what LINE and the emulator send) or as an HTTP date; anything else is ignored. */
function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // LINE's error bodies describe the request, never the recipient; keep only the status and a short reason.
    if (error instanceof HTTPFetchError) {
      const retryAfter = parseRetryAfter(error.headers.get("retry-after"), Date.now());
      throw new LineApiError(error.status, `${what}: HTTP ${error.status} ${error.body.slice(0, 200)}`, retryAfter);
    }
    throw new LineApiError(null, `${what}: ${(error as Error).message}`);
  }
}

export function createSdkLineApi(options: { channelAccessToken: string; baseURL: string }): LineApi {
  const client = new messagingApi.MessagingApiClient(options);
  const insightClient = new insight.InsightClient(options);
  return {
    reply: async (replyToken, messages) => void (await call("reply", () => client.replyMessage({ replyToken, messages }))),
    push: async (to, messages, retryKey) => void (await call("push", () => client.pushMessage({ to, messages }, retryKey))),
    showLoading: async (chatId, loadingSeconds) => void (await call("loading", () => client.showLoadingAnimation({ chatId, loadingSeconds }))),
    markAsRead: async (markAsReadToken) => void (await call("markAsRead", () => client.markMessagesAsReadByToken({ markAsReadToken }))),
    linkRichMenu: async (userId, richMenuId) => void (await call("linkRichMenu", () => client.linkRichMenuIdToUser(userId, richMenuId))),
    async readQuota() {
      const quota = await call("quota", () => client.getMessageQuota());
      const consumption = await call("quota consumption", () => client.getMessageQuotaConsumption());
      return { limit: quota.type === "limited" ? (quota.value ?? null) : null, used: consumption.totalUsage };
    },
    async readFollowers(date) {
      const answer = await call("followers", () => insightClient.getNumberOfFollowers(date.replaceAll("-", "")));
      if (answer.status !== "ready" || answer.followers === undefined) return null;
      return { followers: answer.followers, blocks: answer.blocks ?? null };
    },
  };
}
