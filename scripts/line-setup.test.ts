import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { messagingApi } from "@line/bot-sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "@/emulator/server";
import { api, control, SECRET, TOKEN } from "@/emulator/test-support";
import { buildDefaultRichMenu, DEFAULT_RICH_MENU_NAME, RichMenuSetupError, setupDefaultRichMenu } from "@/lib/line/rich-menu";

// The use case's tests live here, not in lib/line/rich-menu, because they run against the emulator and lib/
// never imports emulator/ (eslint enforces it). The CLI runs in its own process, as operators run it.

const script = fileURLToPath(new URL("./line-setup.ts", import.meta.url));
const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const image = readFileSync(new URL("../assets/rich-menu/default.png", import.meta.url));
const LIFF_ID = "1234567890-abcdefgh";

let emulator: Emulator;

beforeEach(async () => {
  emulator = await createEmulator({
    channelSecret: SECRET,
    channelAccessToken: TOKEN,
    // No user acts in these tests, so no webhook is ever sent.
    webhookUrl: "http://127.0.0.1:1/api/line/webhook",
    loginChannelId: "1234567890",
    liffId: LIFF_ID,
    liffUrl: "http://127.0.0.1:3000/liff",
    port: 0,
  });
});

afterEach(async () => {
  await emulator.close();
});

function setup(liffId = LIFF_ID, token = TOKEN) {
  return setupDefaultRichMenu({
    client: new messagingApi.MessagingApiClient({ channelAccessToken: token, baseURL: emulator.url }),
    blobClient: new messagingApi.MessagingApiBlobClient({ channelAccessToken: token, baseURL: emulator.url }),
    liffId,
    chatMode: "secure",
    image,
  });
}

async function operations(): Promise<string[]> {
  const { body } = await control(emulator, "GET", "/requests");
  return (body.requests as { operation: string | null }[]).map((r) => r.operation ?? "unknown");
}

const clearRequests = () => control(emulator, "DELETE", "/requests");
const defaultMenuId = async () => (await api(emulator, "GET", "/v2/bot/user/all/richmenu")).body.richMenuId as string | undefined;
const listedMenus = async () => (await api(emulator, "GET", "/v2/bot/richmenu/list")).body.richmenus as { richMenuId: string; name: string }[];

/** Creates a menu by hand, as an older Soudan or an operator would have; with an image and as default when asked. */
async function existingMenu(name: string, options: { image?: boolean; setDefault?: boolean } = {}): Promise<string> {
  const { richMenuId } = (await api(emulator, "POST", "/v2/bot/richmenu", { ...buildDefaultRichMenu(LIFF_ID, "secure"), name })).body as { richMenuId: string };
  if (options.image ?? true) {
    const res = await fetch(`${emulator.url}/v2/bot/richmenu/${richMenuId}/content`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "image/png" },
      body: new Uint8Array(image),
    });
    expect(res.status).toBe(200);
  }
  if (options.setDefault) expect((await api(emulator, "POST", `/v2/bot/user/all/richmenu/${richMenuId}`)).status).toBe(200);
  return richMenuId;
}

async function cli(env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base: NodeJS.ProcessEnv = { ...process.env, LINE_API_BASE_URL: emulator.url, LINE_DATA_API_BASE_URL: emulator.url };
  for (const name of ["LINE_CHANNEL_ACCESS_TOKEN", "LIFF_ID", "LINE_CHANNEL_SECRET", "SOUDAN_TIME_ORIGIN"]) delete base[name];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", script], { cwd: projectRoot, env: { ...base, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { code: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run line:setup", () => {
  it("creates the menu, uploads the image and sets it as default; a second run changes nothing", async () => {
    const first = await cli({ LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LIFF_ID });
    expect(first).toMatchObject({ code: 0, stderr: "" });
    const id = /^Rich menu soudan-default-v1 created and set as default \((richmenu-[0-9a-f]{32})\)\.\n$/.exec(first.stdout)?.[1];
    expect(id).toBeDefined();
    expect(await operations()).toEqual(["getRichMenuList", "getDefaultRichMenuId", "createRichMenu", "setRichMenuImage", "setDefaultRichMenu"]);
    expect(await defaultMenuId()).toBe(id);
    const stored = await api(emulator, "GET", `/v2/bot/richmenu/${id}`);
    expect(stored.body).toEqual({ richMenuId: id, ...buildDefaultRichMenu(LIFF_ID, "secure") });
    const content = await api(emulator, "GET", `/v2/bot/richmenu/${id}/content`);
    expect(content.headers.get("content-type")).toBe("image/png");
    expect(Buffer.compare(content.body as Buffer, image)).toBe(0);

    await clearRequests();
    const second = await cli({ LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LIFF_ID });
    expect(second).toMatchObject({ code: 0, stdout: "Rich menu soudan-default-v1 already set as default; nothing to do.\n", stderr: "" });
    expect(await operations()).toEqual(["getRichMenuList", "getDefaultRichMenuId"]);
    expect((await listedMenus()).map((m) => m.richMenuId)).toEqual([id]);
  });

  it("names a missing LINE_CHANNEL_ACCESS_TOKEN in one line, exits 2 and calls nothing", async () => {
    const result = await cli({ LIFF_ID });
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^LINE_CHANNEL_ACCESS_TOKEN is not set/)]);
    expect(await operations()).toEqual([]);
  });

  it("names a missing LIFF_ID in one line and exits 2", async () => {
    const result = await cli({ LINE_CHANNEL_ACCESS_TOKEN: TOKEN });
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^LIFF_ID is not set/)]);
  });

  it("reports LINE's refusal in one line, without the token, and exits 1", async () => {
    const result = await cli({ LINE_CHANNEL_ACCESS_TOKEN: "not-the-token", LIFF_ID });
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^LINE refused to list rich menus: HTTP 401 Authentication failed/)]);
    expect(result.stderr).not.toContain("not-the-token");
  });
});

describe("setupDefaultRichMenu", () => {
  it("replaces an older version and deletes it, leaving an operator's own menus alone", async () => {
    const old = await existingMenu("soudan-default-v0", { setDefault: true });
    const operatorsOwn = await existingMenu("campaign-2025");

    const report = await setup();
    expect(report).toMatchObject({ outcome: "created", name: DEFAULT_RICH_MENU_NAME, deleted: [{ name: "soudan-default-v0", richMenuId: old }] });
    expect(await defaultMenuId()).toBe(report.richMenuId);
    expect((await listedMenus()).map((m) => m.richMenuId).sort()).toEqual([operatorsOwn, report.richMenuId].sort());
    // The new default was in place before the old menu went, so users always had a menu.
    const ops = await operations();
    expect(ops.indexOf("setDefaultRichMenu")).toBeLessThan(ops.indexOf("deleteRichMenu"));
  });

  it("sets the existing current menu as default again without creating another", async () => {
    const first = await setup();
    await existingMenu("campaign-2025", { setDefault: true });
    await clearRequests();

    expect(await setup()).toEqual({ outcome: "set-default", name: DEFAULT_RICH_MENU_NAME, richMenuId: first.richMenuId, deleted: [] });
    expect(await operations()).toEqual(["getRichMenuList", "getDefaultRichMenuId", "setDefaultRichMenu"]);
    expect(await defaultMenuId()).toBe(first.richMenuId);
  });

  it("finishes a menu that an interrupted run left without its image", async () => {
    const halfDone = await existingMenu(DEFAULT_RICH_MENU_NAME, { image: false });
    await clearRequests();

    expect(await setup()).toMatchObject({ outcome: "set-default", richMenuId: halfDone, deleted: [] });
    // LINE refuses the first setDefault (no image); setup uploads and tries again instead of creating a duplicate.
    expect(await operations()).toEqual(["getRichMenuList", "getDefaultRichMenuId", "setDefaultRichMenu", "setRichMenuImage", "setDefaultRichMenu"]);
    expect(await defaultMenuId()).toBe(halfDone);
    expect(Buffer.compare((await api(emulator, "GET", `/v2/bot/richmenu/${halfDone}/content`)).body as Buffer, image)).toBe(0);
  });

  it("replaces a same-named menu whose 相談する points at another LIFF app", async () => {
    const before = await setup("1111111111-oldliffa");
    const after = await setup(LIFF_ID);

    expect(after).toMatchObject({ outcome: "created", deleted: [{ name: DEFAULT_RICH_MENU_NAME, richMenuId: before.richMenuId }] });
    const stored = await api(emulator, "GET", `/v2/bot/richmenu/${after.richMenuId}`);
    expect(stored.body.areas[0].action.uri).toBe(`https://liff.line.me/${LIFF_ID}`);
  });

  it("turns a failed LINE call into one line naming the step", async () => {
    await control(emulator, "POST", "/faults", { path: "/v2/bot/richmenu/list", status: 500 });
    await expect(setup()).rejects.toThrow(new RichMenuSetupError("LINE refused to list rich menus: HTTP 500 Internal server error"));
  });

  it("refuses an image of the wrong size before calling LINE", async () => {
    const onePixel = Buffer.from(image);
    onePixel.writeUInt32BE(1, 16);
    await expect(
      setupDefaultRichMenu({
        client: new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: emulator.url }),
        blobClient: new messagingApi.MessagingApiBlobClient({ channelAccessToken: TOKEN, baseURL: emulator.url }),
        liffId: LIFF_ID,
        chatMode: "secure",
        image: onePixel,
      }),
    ).rejects.toThrow("The rich menu image is 1x843; the menu needs 2500x843.");
    expect(await operations()).toEqual([]);
  });
});
