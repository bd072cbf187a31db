import type { messagingApi } from "@line/bot-sdk";
import type { ChatMode } from "@/lib/consultations";
import { ja } from "@/lib/i18n/ja";
import { liffUrlOf } from "@/lib/liff";

/** Every version of the default menu is named with this prefix, so setup can find and retire the old ones. */
export const DEFAULT_RICH_MENU_PREFIX = "soudan-default-";
/**
 * Bump whenever the areas or assets/rich-menu/default.png change: LINE cannot replace a menu's image,
 * so a new version is a new menu, and setup swaps it in and deletes the old one.
 */
export const DEFAULT_RICH_MENU_VERSION = 1;
export const DEFAULT_RICH_MENU_NAME = `${DEFAULT_RICH_MENU_PREFIX}v${DEFAULT_RICH_MENU_VERSION}`;

/** LINE's compact full-width size; assets/rich-menu/default.png is drawn at exactly this size. */
export const DEFAULT_RICH_MENU_SIZE = { width: 2500, height: 843 } as const;

const HALF_WIDTH = DEFAULT_RICH_MENU_SIZE.width / 2;
const TOP_HEIGHT = Math.floor(DEFAULT_RICH_MENU_SIZE.height / 2);

/**
 * 相談する takes the whole left half because it is what a youth came for; the right half stacks the two
 * answers the bot gives without a counselor. The postback data is what lib/line/handlers/postback.ts reads.
 * In secure mode 相談する opens the secure chat; in line mode the conversation is the talk itself, so it
 * posts back and the consultation starts there (a page saying "close this" would be a dead end).
 */
export function buildDefaultRichMenu(liffId: string, chatMode: ChatMode): messagingApi.RichMenuRequest {
  const { width, height } = DEFAULT_RICH_MENU_SIZE;
  return {
    size: { width, height },
    selected: true,
    name: DEFAULT_RICH_MENU_NAME,
    chatBarText: ja.richMenu.chatBarText,
    areas: [
      {
        bounds: { x: 0, y: 0, width: HALF_WIDTH, height },
        action:
          chatMode === "line"
            ? { type: "postback", label: ja.richMenu.consult, data: "action=consult", displayText: ja.richMenu.consult }
            : { type: "uri", label: ja.richMenu.consult, uri: liffUrlOf(liffId) },
      },
      {
        bounds: { x: HALF_WIDTH, y: 0, width: width - HALF_WIDTH, height: TOP_HEIGHT },
        action: { type: "postback", label: ja.richMenu.hours, data: "action=hours", displayText: ja.richMenu.hours },
      },
      {
        bounds: { x: HALF_WIDTH, y: TOP_HEIGHT, width: width - HALF_WIDTH, height: height - TOP_HEIGHT },
        action: { type: "postback", label: ja.richMenu.emergency, data: "action=emergency", displayText: ja.richMenu.emergency },
      },
    ],
  };
}
