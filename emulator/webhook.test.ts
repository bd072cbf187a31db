import { validateSignature, type webhook } from "@line/bot-sdk";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Emulator } from "./server";
import { api, control, followingUser, manualClock, SECRET, startEmulator, startReceiver, type Receiver } from "./test-support";

let emulator: Emulator;
let receiver: Receiver;

afterEach(async () => {
  await emulator?.close();
  await receiver?.close();
});

describe("webhook delivery", () => {
  it("signs the raw UTF-8 body so @line/bot-sdk's validateSignature accepts it", async () => {
    receiver = await startReceiver();
    emulator = await startEmulator(receiver.url);
    const { userId } = await followingUser(emulator);
    await control(emulator, "POST", `/users/${userId}/messages`, { type: "text", text: "こんにちは、相談したいです 😢" });

    expect(receiver.received).toHaveLength(2);
    for (const { raw, headers } of receiver.received) {
      const signature = String(headers["x-line-signature"]);
      expect(validateSignature(raw, SECRET, signature)).toBe(true);
      expect(validateSignature(raw, "another-secret", signature)).toBe(false);
      expect(headers["user-agent"]).toBe("LineBotWebhook/2.0");
    }
  });

  it("builds LINE-shaped follow, message, postback, unsend and unfollow events", async () => {
    receiver = await startReceiver();
    emulator = await startEmulator(receiver.url);
    const { userId } = await followingUser(emulator);
    const sent = await control(emulator, "POST", `/users/${userId}/messages`, { type: "text", text: "はじめまして" });
    await control(emulator, "POST", `/users/${userId}/postback`, { data: "action=intake&age=junior-high", displayText: "中学生" });
    await control(emulator, "POST", `/users/${userId}/unsend`, { messageId: sent.body.event.message.id });
    await control(emulator, "POST", `/users/${userId}/unfollow`);
    await control(emulator, "POST", `/users/${userId}/follow`);

    const [follow, message, postback, unsend, unfollow, refollow] = receiver.events() as [
      webhook.FollowEvent,
      webhook.MessageEvent,
      webhook.PostbackEvent,
      webhook.UnsendEvent,
      webhook.UnfollowEvent,
      webhook.FollowEvent,
    ];
    expect(receiver.received[0]?.body.destination).toMatch(/^U[0-9a-f]{32}$/);
    for (const event of receiver.events()) {
      expect(event.webhookEventId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(event.deliveryContext).toEqual({ isRedelivery: false });
      expect(event.mode).toBe("active");
      expect(event.source).toEqual({ type: "user", userId });
      expect(userId).toMatch(/^U[0-9a-f]{32}$/);
    }
    expect(follow).toMatchObject({ type: "follow", follow: { isUnblocked: false } });
    expect(follow.replyToken).toMatch(/^[0-9a-f]{32}$/);
    expect(message.message).toMatchObject({ type: "text", text: "はじめまして", id: expect.stringMatching(/^\d{18}$/) });
    expect(message.replyToken).not.toBe(follow.replyToken);
    expect(postback).toMatchObject({ type: "postback", postback: { data: "action=intake&age=junior-high" } });
    expect(unsend).toMatchObject({ type: "unsend", unsend: { messageId: message.message.id } });
    expect(unsend).not.toHaveProperty("replyToken");
    expect(unfollow).not.toHaveProperty("replyToken");
    expect(refollow.follow.isUnblocked).toBe(true);
  });

  it("sends an image message event without any content to download", async () => {
    receiver = await startReceiver();
    emulator = await startEmulator(receiver.url);
    const { userId } = await followingUser(emulator);
    await control(emulator, "POST", `/users/${userId}/messages`, { type: "image" });
    const event = receiver.events()[1] as webhook.MessageEvent;
    expect(event.message).toMatchObject({ type: "image", contentProvider: { type: "line" } });
  });

  it("redelivers automatically with isRedelivery after the app answered 500", async () => {
    receiver = await startReceiver([500]);
    emulator = await startEmulator(receiver.url, { redeliveryDelaysMs: [1, 1] });
    const created = await control(emulator, "POST", "/users", {});
    const first = await control(emulator, "POST", `/users/${created.body.userId}/follow`);
    expect(first.body).toMatchObject({ delivered: false, lastStatus: 500 });

    await receiver.waitFor(2);
    const [original, redelivered] = receiver.events();
    expect(redelivered?.webhookEventId).toBe(original?.webhookEventId);
    expect(original?.deliveryContext.isRedelivery).toBe(false);
    expect(redelivered?.deliveryContext.isRedelivery).toBe(true);
    expect((redelivered as webhook.FollowEvent).replyToken).toBe((original as webhook.FollowEvent).replyToken);

    await vi.waitFor(async () => {
      const { body } = await control(emulator, "GET", "/webhooks");
      expect(body.deliveries[0]).toMatchObject({ delivered: true, redeliveryPending: false });
      expect(body.deliveries[0].attempts.map((a: { status: number }) => a.status)).toEqual([500, 200]);
    });
  });

  it("stops redelivering after the configured number of attempts", async () => {
    receiver = await startReceiver([500, 503, 500, 500]);
    emulator = await startEmulator(receiver.url, { redeliveryDelaysMs: [1, 1] });
    const created = await control(emulator, "POST", "/users", {});
    await control(emulator, "POST", `/users/${created.body.userId}/follow`);

    await vi.waitFor(async () => {
      const { body } = await control(emulator, "GET", "/webhooks");
      expect(body.deliveries[0].attempts.map((a: { status: number }) => a.status)).toEqual([500, 503, 500]);
      expect(body.deliveries[0]).toMatchObject({ delivered: false, redeliveryPending: false });
    });
    expect(receiver.received).toHaveLength(3);
  });

  it("redelivers on demand and gives an unused reply token a fresh minute", async () => {
    const clock = manualClock();
    receiver = await startReceiver();
    emulator = await startEmulator(receiver.url, { now: clock.now });
    const { userId } = await followingUser(emulator);
    const sent = await control(emulator, "POST", `/users/${userId}/messages`, { type: "text", text: "返事ください" });
    const { webhookEventId, replyToken } = sent.body.event;

    clock.advance(50_000);
    const again = await control(emulator, "POST", `/redeliver/${webhookEventId}`);
    expect(again.body.attempts.map((a: { isRedelivery: boolean }) => a.isRedelivery)).toEqual([false, true]);
    expect(receiver.events().at(-1)).toMatchObject({ webhookEventId, deliveryContext: { isRedelivery: true } });

    clock.advance(50_000);
    const reply = await api(emulator, "POST", "/v2/bot/message/reply", { replyToken, messages: [{ type: "text", text: "受け付けました" }] });
    expect(reply.status).toBe(200);
  });

  it("records an unreachable webhook as a failed attempt", async () => {
    receiver = await startReceiver();
    const deadUrl = receiver.url;
    await receiver.close();
    emulator = await startEmulator(deadUrl);
    const created = await control(emulator, "POST", "/users", {});
    const follow = await control(emulator, "POST", `/users/${created.body.userId}/follow`);
    expect(follow.body).toMatchObject({ delivered: false, lastStatus: null });
    expect(follow.body.attempts[0].error).toEqual(expect.any(String));
  });

  it("rejects messages from a user who blocked the account", async () => {
    receiver = await startReceiver();
    emulator = await startEmulator(receiver.url);
    const { userId } = await followingUser(emulator);
    await control(emulator, "POST", `/users/${userId}/unfollow`);
    const res = await control(emulator, "POST", `/users/${userId}/messages`, { type: "text", text: "まだいますか" });
    expect(res.status).toBe(409);
    expect(receiver.received).toHaveLength(2);
  });
});
