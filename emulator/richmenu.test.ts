import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { api, control, followingUser, startEmulator, startReceiver, TOKEN, type Receiver } from "./test-support";

let emulator: Emulator;
let receiver: Receiver;

beforeEach(async () => {
  receiver = await startReceiver();
  emulator = await startEmulator(receiver.url);
});

afterEach(async () => {
  await emulator.close();
  await receiver.close();
});

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

const menu = (chatBarText = "メニュー") => ({
  size: { width: 2500, height: 843 },
  selected: true,
  name: "soudan-main",
  chatBarText,
  areas: [
    { bounds: { x: 0, y: 0, width: 1250, height: 843 }, action: { type: "uri", label: "相談を開始する", uri: "https://liff.line.me/1234567890-abcdefgh/chat" } },
    { bounds: { x: 1250, y: 0, width: 1250, height: 843 }, action: { type: "postback", label: "窓口の時間", data: "action=hours", displayText: "窓口の時間" } },
  ],
});

const upload = (id: string, body: Buffer, contentType: string) =>
  fetch(`${emulator.url}/v2/bot/richmenu/${id}/content`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": contentType },
    body: new Uint8Array(body),
  });

describe("rich menu", () => {
  it("creates, uploads the image, sets the default and lists it", async () => {
    const created = await api(emulator, "POST", "/v2/bot/richmenu", menu());
    expect(created.status).toBe(200);
    const { richMenuId } = created.body;
    expect(richMenuId).toMatch(/^richmenu-[0-9a-f]{32}$/);

    expect((await upload(richMenuId, PNG, "image/png")).status).toBe(200);
    expect((await api(emulator, "POST", `/v2/bot/user/all/richmenu/${richMenuId}`)).status).toBe(200);

    const def = await api(emulator, "GET", "/v2/bot/user/all/richmenu");
    expect(def.body).toEqual({ richMenuId });
    const list = await api(emulator, "GET", "/v2/bot/richmenu/list");
    expect(list.body.richmenus).toEqual([{ richMenuId, ...menu() }]);
    const image = await api(emulator, "GET", `/v2/bot/richmenu/${richMenuId}/content`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(Buffer.compare(image.body as Buffer, PNG)).toBe(0);

    const { userId } = await followingUser(emulator);
    const phone = await control(emulator, "GET", `/users/${userId}/richmenu`);
    expect(phone.body.richMenu).toMatchObject({ richMenuId, chatBarText: "メニュー", imageUrl: `/_emulator/richmenus/${richMenuId}/image` });
  });

  it("refuses a default without an image, a second image and unsupported image types", async () => {
    const { richMenuId } = (await api(emulator, "POST", "/v2/bot/richmenu", menu())).body;
    const early = await api(emulator, "POST", `/v2/bot/user/all/richmenu/${richMenuId}`);
    expect(early.status).toBe(400);
    expect((await upload(richMenuId, PNG, "image/gif")).status).toBe(415);
    expect((await upload(richMenuId, PNG, "image/jpeg")).status).toBe(200);
    const again = await upload(richMenuId, PNG, "image/png");
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ message: "An image has already been uploaded to the richmenu" });
  });

  it("validates the rich menu object", async () => {
    const res = await api(emulator, "POST", "/v2/bot/richmenu", { ...menu("とても長いチャットバーのテキストです"), size: { width: 2500, height: 2500 } });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { message: "Length must be between 0 and 14", property: "chatBarText" },
        { message: expect.stringMatching(/Aspect ratio/), property: "size" },
      ]),
    );
    expect((await api(emulator, "GET", "/v2/bot/richmenu/list")).body.richmenus).toEqual([]);
  });

  it("prefers a user's linked menu over the default, and forgets a deleted default", async () => {
    const a = (await api(emulator, "POST", "/v2/bot/richmenu", menu("既定"))).body.richMenuId;
    const b = (await api(emulator, "POST", "/v2/bot/richmenu", menu("個別"))).body.richMenuId;
    await upload(a, PNG, "image/png");
    await upload(b, PNG, "image/png");
    await api(emulator, "POST", `/v2/bot/user/all/richmenu/${a}`);
    const { userId } = await followingUser(emulator);
    expect((await api(emulator, "POST", `/v2/bot/user/${userId}/richmenu/${b}`)).status).toBe(200);
    expect((await api(emulator, "GET", `/v2/bot/user/${userId}/richmenu`)).body).toEqual({ richMenuId: b });
    expect((await control(emulator, "GET", `/users/${userId}/richmenu`)).body.richMenu.chatBarText).toBe("個別");

    expect((await api(emulator, "DELETE", `/v2/bot/richmenu/${a}`)).status).toBe(200);
    expect((await api(emulator, "GET", "/v2/bot/user/all/richmenu")).status).toBe(404);
    expect((await api(emulator, "DELETE", `/v2/bot/richmenu/${a}`)).status).toBe(404);
  });
});
