import type { webhook } from "@line/bot-sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { api, control, followingUser, manualClock, startEmulator, startReceiver, type Receiver } from "./test-support";

let emulator: Emulator;
let receiver: Receiver;
let clock: ReturnType<typeof manualClock>;

beforeEach(async () => {
  clock = manualClock();
  receiver = await startReceiver();
  emulator = await startEmulator(receiver.url, { now: clock.now });
});

afterEach(async () => {
  await emulator.close();
  await receiver.close();
});

const text = (t: string) => ({ type: "text", text: t });
const botMessages = async (userId: string) => {
  const { body } = await control(emulator, "GET", `/users/${userId}/timeline`);
  return body.entries.filter((e: { from: string }) => e.from === "bot");
};
const RETRY_KEY = "123e4567-e89b-12d3-a456-426614174000";

describe("authentication", () => {
  it("answers 401 without the channel access token, or with a wrong one", async () => {
    const none = await fetch(`${emulator.url}/v2/bot/message/quota/consumption`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { message: string }).message).toMatch(/Authorization header required/);
    const wrong = await api(emulator, "GET", "/v2/bot/message/quota/consumption", undefined, { authorization: "Bearer nope" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toMatch(/^Authentication failed/);
    const right = await api(emulator, "GET", "/v2/bot/message/quota/consumption");
    expect(right.status).toBe(200);
  });

  it("records requests with the authorization header redacted", async () => {
    await api(emulator, "GET", "/v2/bot/message/quota/consumption");
    const { body } = await control(emulator, "GET", "/requests");
    expect(body.requests).toHaveLength(1);
    expect(body.requests[0]).toMatchObject({ method: "GET", operation: "getMessageQuotaConsumption", status: 200 });
    expect(body.requests[0].headers.authorization).toBe("Bearer [redacted]");
    expect(JSON.stringify(body)).not.toContain("test-channel-access-token");
  });
});

describe("reply", () => {
  it("accepts a reply token once", async () => {
    const { userId, replyToken } = await followingUser(emulator);
    const first = await api(emulator, "POST", "/v2/bot/message/reply", { replyToken, messages: [text("友だち追加ありがとう")] });
    expect(first.status).toBe(200);
    expect(first.body.sentMessages).toEqual([{ id: expect.any(String), quoteToken: expect.any(String) }]);
    const second = await api(emulator, "POST", "/v2/bot/message/reply", { replyToken, messages: [text("もう一度")] });
    expect(second.status).toBe(400);
    expect(second.body).toEqual({ message: "Invalid reply token" });
    expect(await botMessages(userId)).toMatchObject([{ via: "reply", message: text("友だち追加ありがとう") }]);
  });

  it("refuses a reply token after one minute", async () => {
    const { replyToken } = await followingUser(emulator);
    clock.advance(60_001);
    const late = await api(emulator, "POST", "/v2/bot/message/reply", { replyToken, messages: [text("遅れました")] });
    expect(late.status).toBe(400);
    expect(late.body.message).toBe("Invalid reply token");
  });

  it("validates message objects like LINE, without spending the token", async () => {
    const { replyToken } = await followingUser(emulator);
    const six = await api(emulator, "POST", "/v2/bot/message/reply", { replyToken, messages: Array(6).fill(text("x")) });
    expect(six.status).toBe(400);
    expect(six.body.details).toEqual([{ message: "Size must be between 1 and 5", property: "messages" }]);
    const long = await api(emulator, "POST", "/v2/bot/message/reply", { replyToken, messages: [text("あ".repeat(5001)), { type: "fax" }] });
    expect(long.body).toEqual({
      message: "The request body has 2 error(s)",
      details: [
        { message: "Length must be between 0 and 5000", property: "messages[0].text" },
        { message: expect.stringMatching(/^Must be one of the following values/), property: "messages[1].type" },
      ],
    });
    const buttons = {
      type: "template",
      altText: "相談の種類",
      template: { type: "buttons", text: "どれですか", actions: [{ type: "postback", label: "いじめ", data: "topic=bullying" }] },
      quickReply: { items: [{ type: "action", action: { type: "message", label: "その他", text: "その他" } }] },
    };
    const ok = await api(emulator, "POST", "/v2/bot/message/reply", { replyToken, messages: [buttons, { type: "flex", altText: "案内", contents: { type: "bubble" } }] });
    expect(ok.status).toBe(200);
  });

  it("rejects X-Line-Retry-Key on reply, which LINE supports only for push-like APIs", async () => {
    const { replyToken } = await followingUser(emulator);
    const res = await api(emulator, "POST", "/v2/bot/message/reply", { replyToken, messages: [text("x")] }, { "x-line-retry-key": RETRY_KEY });
    expect(res.status).toBe(400);
  });
});

describe("push", () => {
  it("delivers once per X-Line-Retry-Key and answers a repeat with 409", async () => {
    const { userId } = await followingUser(emulator);
    const body = { to: userId, messages: [text("相談員から返信があります")] };
    const first = await api(emulator, "POST", "/v2/bot/message/push", body, { "x-line-retry-key": RETRY_KEY });
    const second = await api(emulator, "POST", "/v2/bot/message/push", body, { "x-line-retry-key": RETRY_KEY });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.headers.get("x-line-accepted-request-id")).toBe(first.headers.get("x-line-request-id"));
    expect(second.body).toEqual({ message: "The retry key is already accepted", sentMessages: first.body.sentMessages });
    expect(await botMessages(userId)).toHaveLength(1);

    clock.advance(24 * 60 * 60 * 1000);
    const dayLater = await api(emulator, "POST", "/v2/bot/message/push", body, { "x-line-retry-key": RETRY_KEY });
    expect(dayLater.status).toBe(200);
    expect(await botMessages(userId)).toHaveLength(2);
  });

  it("answers 400 for an unknown user and 200 without delivery for a user who blocked", async () => {
    const unknown = await api(emulator, "POST", "/v2/bot/message/push", { to: `U${"0".repeat(32)}`, messages: [text("x")] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe("Failed to send messages");
    const { userId } = await followingUser(emulator);
    await control(emulator, "POST", `/users/${userId}/unfollow`);
    const blocked = await api(emulator, "POST", "/v2/bot/message/push", { to: userId, messages: [text("x")] });
    expect(blocked.status).toBe(200);
    expect(await botMessages(userId)).toHaveLength(0);
  });

  it("counts accepted pushes in the quota consumption", async () => {
    const { userId } = await followingUser(emulator);
    await api(emulator, "POST", "/v2/bot/message/push", { to: userId, messages: [text("1"), text("2")] });
    const { body } = await api(emulator, "GET", "/v2/bot/message/quota/consumption");
    expect(body).toEqual({ totalUsage: 1 });
  });
});

describe("fault injection", () => {
  it("answers 429 for the next matching request, then behaves", async () => {
    const { userId } = await followingUser(emulator);
    const fault = await control(emulator, "POST", "/faults", { path: "/v2/bot/message/push", status: 429, count: 1, retryAfter: 2 });
    expect(fault.status).toBe(201);
    const body = { to: userId, messages: [text("お待たせしました")] };
    const limited = await api(emulator, "POST", "/v2/bot/message/push", body);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(limited.body.message).toMatch(/rate limit/);
    expect(await botMessages(userId)).toHaveLength(0);
    const later = await api(emulator, "POST", "/v2/bot/message/push", body);
    expect(later.status).toBe(200);
    expect(await botMessages(userId)).toHaveLength(1);
  });

  it("can lose the answer of a processed push, which the retry key then settles with 409", async () => {
    const { userId } = await followingUser(emulator);
    await control(emulator, "POST", "/faults", { path: "/v2/bot/message/push", status: 500, processed: true });
    const body = { to: userId, messages: [text("返信です")] };
    const lost = await api(emulator, "POST", "/v2/bot/message/push", body, { "x-line-retry-key": RETRY_KEY });
    expect(lost.status).toBe(500);
    const retried = await api(emulator, "POST", "/v2/bot/message/push", body, { "x-line-retry-key": RETRY_KEY });
    expect(retried.status).toBe(409);
    expect(await botMessages(userId)).toHaveLength(1);
  });

  it("leaves requests to other paths alone", async () => {
    await control(emulator, "POST", "/faults", { path: "/v2/bot/richmenu", status: 500, count: 3 });
    const res = await api(emulator, "GET", "/v2/bot/message/quota/consumption");
    expect(res.status).toBe(200);
    const { body } = await control(emulator, "GET", "/faults");
    expect(body.faults[0].remaining).toBe(3);
  });
});

describe("calls the product must never make", () => {
  it("records profile and content downloads", async () => {
    const { userId } = await followingUser(emulator);
    const image = await control(emulator, "POST", `/users/${userId}/messages`, { type: "image" });
    const profile = await api(emulator, "GET", `/v2/bot/profile/${userId}`);
    const content = await api(emulator, "GET", `/v2/bot/message/${image.body.event.message.id}/content`);
    expect(profile.status).toBe(200);
    expect(content.status).toBe(200);
    const profiles = await control(emulator, "GET", "/requests?operation=getProfile");
    const contents = await control(emulator, "GET", "/requests?operation=getMessageContent");
    expect(profiles.body.requests.map((r: { path: string }) => r.path)).toEqual([`/v2/bot/profile/${userId}`]);
    expect(contents.body.requests).toHaveLength(1);
    await control(emulator, "DELETE", "/requests");
    expect((await control(emulator, "GET", "/requests")).body.requests).toEqual([]);
  });
});

describe("chat state", () => {
  it("shows the loading animation until the bot answers", async () => {
    const { userId } = await followingUser(emulator);
    const bad = await api(emulator, "POST", "/v2/bot/chat/loading/start", { chatId: userId, loadingSeconds: 7 });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ message: "must be a multiple of five", property: "loadingSeconds" }]);
    const ok = await api(emulator, "POST", "/v2/bot/chat/loading/start", { chatId: userId, loadingSeconds: 10 });
    expect(ok.status).toBe(202);
    expect((await control(emulator, "GET", `/users/${userId}/timeline`)).body.loading).toBe(true);
    await api(emulator, "POST", "/v2/bot/message/push", { to: userId, messages: [text("こんばんは")] });
    expect((await control(emulator, "GET", `/users/${userId}/timeline`)).body.loading).toBe(false);
  });

  it("marks a user's message as read with its markAsReadToken", async () => {
    const { userId } = await followingUser(emulator);
    await control(emulator, "POST", `/users/${userId}/messages`, text("読んでくれた?"));
    const event = receiver.events().at(-1) as webhook.MessageEvent;
    const token = (event.message as webhook.TextMessageContent).markAsReadToken;
    const ok = await api(emulator, "POST", "/v2/bot/chat/markAsRead", { markAsReadToken: token });
    expect(ok.status).toBe(200);
    const { body } = await control(emulator, "GET", `/users/${userId}/timeline`);
    expect(body.readUpToSeq).toBe(body.entries.at(-1).seq);
    const forged = await api(emulator, "POST", "/v2/bot/chat/markAsRead", { markAsReadToken: "forged" });
    expect(forged.status).toBe(400);
  });
});
