import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSdkLineApi } from "@/lib/line-api";
import type { Emulator } from "./server";
import { control, followingUser, startEmulator, startReceiver, TOKEN, type Receiver } from "./test-support";

// The app reaches LINE through @line/bot-sdk with `baseURL` pointed here; these calls must work unchanged.

let emulator: Emulator;
let receiver: Receiver;
let client: messagingApi.MessagingApiClient;
let blob: messagingApi.MessagingApiBlobClient;

beforeEach(async () => {
  receiver = await startReceiver();
  emulator = await startEmulator(receiver.url);
  client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: emulator.url });
  blob = new messagingApi.MessagingApiBlobClient({ channelAccessToken: TOKEN, baseURL: emulator.url });
});

afterEach(async () => {
  await emulator.close();
  await receiver.close();
});

describe("@line/bot-sdk against the emulator", () => {
  it("replies, shows the loading animation and pushes with a retry key", async () => {
    const { userId, replyToken } = await followingUser(emulator);
    await client.showLoadingAnimation({ chatId: userId, loadingSeconds: 5 });
    const replied = await client.replyMessage({ replyToken, messages: [{ type: "text", text: "こんにちは" }] });
    expect(replied.sentMessages).toHaveLength(1);

    const key = crypto.randomUUID();
    const pushed = await client.pushMessageWithHttpInfo({ to: userId, messages: [{ type: "text", text: "返信があります" }] }, key);
    const repeat = await client.pushMessage({ to: userId, messages: [{ type: "text", text: "返信があります" }] }, key).catch((e: unknown) => e);
    expect(repeat).toBeInstanceOf(HTTPFetchError);
    expect((repeat as HTTPFetchError).status).toBe(409);
    expect((repeat as HTTPFetchError).headers.get("x-line-accepted-request-id")).toBe(pushed.httpResponse.headers.get("x-line-request-id"));

    const { body } = await control(emulator, "GET", `/users/${userId}/timeline`);
    expect(body.entries.filter((e: { from: string }) => e.from === "bot").map((e: { via: string }) => e.via)).toEqual(["reply", "push"]);
  });

  it("sets up a default rich menu through the data API client", async () => {
    const { richMenuId } = await client.createRichMenu({
      size: { width: 2500, height: 843 },
      selected: true,
      name: "soudan",
      chatBarText: "相談する",
      areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: "postback", label: "相談", data: "action=start" } }],
    });
    await blob.setRichMenuImage(richMenuId, new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" }));
    await client.setDefaultRichMenu(richMenuId);
    expect(await client.getDefaultRichMenuId()).toEqual({ richMenuId });
    expect((await client.getRichMenuList()).richmenus.map((m) => m.richMenuId)).toEqual([richMenuId]);
  });
});

describe("LINE's Insight API through Soudan's LINE port", () => {
  it("answers the friends count for a past day, so the reports' 友だち登録数 works in the demo", async () => {
    await followingUser(emulator);
    await followingUser(emulator);
    const api = createSdkLineApi({ channelAccessToken: TOKEN, baseURL: emulator.url });
    expect(await api.readFollowers("2024-08-30")).toEqual({ followers: 2, blocks: 0 });
    const { body } = await control(emulator, "GET", "/requests?operation=getNumberOfFollowers");
    expect(body.requests[0]).toMatchObject({ method: "GET", status: 200 });
  });
});
