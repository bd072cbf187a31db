import { LineApiError, type LineApi, type LineFollowers, type LineMessage, type LineQuota } from "../api";

export type RecordedCall =
  | { op: "reply"; replyToken: string; messages: LineMessage[] }
  | { op: "push"; to: string; messages: LineMessage[]; retryKey: string }
  | { op: "loading"; chatId: string; seconds: number }
  | { op: "markAsRead"; markAsReadToken: string }
  | { op: "linkRichMenu"; userId: string; richMenuId: string };

/** Records every call; `failNext` makes the next calls of an operation fail with a given HTTP status. */
export function createFakeLineApi() {
  const calls: RecordedCall[] = [];
  let quota: LineQuota = { limit: null, used: 0 };
  let followers: LineFollowers | null = null;
  const failures: { op: RecordedCall["op"]; status: number | null }[] = [];
  function record(call: RecordedCall) {
    const i = failures.findIndex((f) => f.op === call.op);
    if (i >= 0) {
      const [failure] = failures.splice(i, 1);
      throw new LineApiError(failure!.status, `${call.op}: HTTP ${failure!.status}`);
    }
    calls.push(call);
  }
  const api: LineApi = {
    reply: async (replyToken, messages) => record({ op: "reply", replyToken, messages }),
    push: async (to, messages, retryKey) => record({ op: "push", to, messages, retryKey }),
    showLoading: async (chatId, seconds) => record({ op: "loading", chatId, seconds }),
    markAsRead: async (markAsReadToken) => record({ op: "markAsRead", markAsReadToken }),
    linkRichMenu: async (userId, richMenuId) => record({ op: "linkRichMenu", userId, richMenuId }),
    readQuota: async () => quota,
    readFollowers: async () => followers,
  };
  return { api, calls, setQuota: (q: LineQuota) => void (quota = q), setFollowers: (f: LineFollowers | null) => void (followers = f), failNext: (op: RecordedCall["op"], status: number | null, times = 1) => failures.push(...Array.from({ length: times }, () => ({ op, status }))) };
}
