import { HTTPFetchError, type messagingApi } from "@line/bot-sdk";
import type { ChatMode } from "@/lib/consultations";
import { buildDefaultRichMenu, DEFAULT_RICH_MENU_NAME, DEFAULT_RICH_MENU_PREFIX } from "./definition";
import { readPngSize } from "./png";

/** LINE's limit for a rich menu image. */
export const MAX_RICH_MENU_IMAGE_BYTES = 1024 * 1024;

type Client = Pick<
  messagingApi.MessagingApiClient,
  "getRichMenuList" | "getDefaultRichMenuId" | "createRichMenu" | "setDefaultRichMenu" | "deleteRichMenu"
>;
type BlobClient = Pick<messagingApi.MessagingApiBlobClient, "setRichMenuImage">;

export interface SetupDefaultRichMenuInput {
  client: Client;
  blobClient: BlobClient;
  liffId: string;
  /** CHAT_MODE: what 相談する does (lib/line/rich-menu/definition.ts). */
  chatMode: ChatMode;
  /** A PNG drawn at the menu's size: assets/rich-menu/default.png. */
  image: Buffer;
}

export interface RichMenuSetupReport {
  /** created: new menu, image and default; set-default: the menu was there but not the default; unchanged: nothing to do. */
  outcome: "created" | "set-default" | "unchanged";
  name: string;
  richMenuId: string;
  /** Older (or outdated) soudan-default-* menus removed after the current one became the default. */
  deleted: { name: string; richMenuId: string }[];
}

/** One line an operator can act on; never carries the access token. */
export class RichMenuSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RichMenuSetupError";
  }
}

async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new RichMenuSetupError(describeFailure(what, error));
  }
}

/** LINE answers {"message": "..."}; otherwise the raw body, kept short so the report stays one line. */
function lineMessage(body: string): string {
  let message = body;
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === "string") message = parsed.message;
  } catch {
    // Not JSON (a proxy's HTML page, say): show the start of it.
  }
  return message.replace(/\s+/g, " ").slice(0, 200);
}

function describeFailure(what: string, error: unknown): string {
  if (error instanceof HTTPFetchError) {
    return `LINE refused to ${what}: HTTP ${error.status} ${lineMessage(error.body)}`.trimEnd();
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  return `Could not reach LINE to ${what}: ${detail}`;
}

/** Compares what users would see and what a tap does, so a changed LIFF ID or label replaces the menu. */
function fingerprint(menu: messagingApi.RichMenuRequest): string {
  return JSON.stringify({
    size: [menu.size?.width, menu.size?.height],
    chatBarText: menu.chatBarText,
    selected: menu.selected,
    areas: (menu.areas ?? []).map(({ bounds, action }) => {
      const a = (action ?? {}) as Record<string, unknown>;
      return [bounds?.x, bounds?.y, bounds?.width, bounds?.height, a.type, a.label, a.uri, a.data, a.displayText];
    }),
  });
}

async function defaultRichMenuId(client: Client): Promise<string | null> {
  try {
    return (await client.getDefaultRichMenuId()).richMenuId;
  } catch (error) {
    // LINE answers 404 when no default is set.
    if (error instanceof HTTPFetchError && error.status === 404) return null;
    throw new RichMenuSetupError(describeFailure("read the default rich menu", error));
  }
}

function checkImage(image: Buffer, size: { width: number; height: number }): void {
  const actual = readPngSize(image);
  if (!actual) throw new RichMenuSetupError("The rich menu image is not a PNG.");
  if (actual.width !== size.width || actual.height !== size.height) {
    throw new RichMenuSetupError(`The rich menu image is ${actual.width}x${actual.height}; the menu needs ${size.width}x${size.height}.`);
  }
  if (image.length > MAX_RICH_MENU_IMAGE_BYTES) {
    throw new RichMenuSetupError(`The rich menu image is ${image.length} bytes; LINE accepts at most ${MAX_RICH_MENU_IMAGE_BYTES}.`);
  }
}

/**
 * Makes the current version of Soudan's menu the account's default, doing only what is missing, so it is
 * safe to run on every deploy. Menus not named soudan-default-* (an operator's own) are never touched.
 */
export async function setupDefaultRichMenu({ client, blobClient, liffId, chatMode, image }: SetupDefaultRichMenuInput): Promise<RichMenuSetupReport> {
  const request = buildDefaultRichMenu(liffId, chatMode);
  const size = { width: request.size?.width ?? 0, height: request.size?.height ?? 0 };
  checkImage(image, size);
  const upload = (richMenuId: string) =>
    step("upload the rich menu image", () => blobClient.setRichMenuImage(richMenuId, new Blob([new Uint8Array(image)], { type: "image/png" })));

  const { richmenus } = await step("list rich menus", () => client.getRichMenuList());
  const ours = richmenus.filter((menu) => menu.name.startsWith(DEFAULT_RICH_MENU_PREFIX));
  const wanted = fingerprint(request);
  const defaultId = await defaultRichMenuId(client);
  const matching = ours.filter((menu) => menu.name === DEFAULT_RICH_MENU_NAME && fingerprint(menu) === wanted);
  const current = matching.find((menu) => menu.richMenuId === defaultId) ?? matching[0];

  let outcome: RichMenuSetupReport["outcome"];
  let richMenuId: string;
  if (current && current.richMenuId === defaultId) {
    outcome = "unchanged";
    richMenuId = current.richMenuId;
  } else if (current) {
    outcome = "set-default";
    richMenuId = current.richMenuId;
    try {
      await client.setDefaultRichMenu(richMenuId);
    } catch (error) {
      // A run that stopped between create and upload leaves a menu without an image, which LINE refuses (400).
      if (!(error instanceof HTTPFetchError && error.status === 400)) throw new RichMenuSetupError(describeFailure("set the default rich menu", error));
      await upload(richMenuId);
      await step("set the default rich menu", () => client.setDefaultRichMenu(richMenuId));
    }
  } else {
    outcome = "created";
    richMenuId = (await step("create the rich menu", () => client.createRichMenu(request))).richMenuId;
    await upload(richMenuId);
    await step("set the default rich menu", () => client.setDefaultRichMenu(richMenuId));
  }

  // Only after the new default is in place, so no youth is ever left without a menu.
  const deleted: RichMenuSetupReport["deleted"] = [];
  for (const stale of ours.filter((menu) => menu.richMenuId !== richMenuId)) {
    await step(`delete the old rich menu ${stale.richMenuId}`, () => client.deleteRichMenu(stale.richMenuId));
    deleted.push({ name: stale.name, richMenuId: stale.richMenuId });
  }
  return { outcome, name: DEFAULT_RICH_MENU_NAME, richMenuId, deleted };
}
