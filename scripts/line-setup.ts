// npm run line:setup — makes Soudan's rich menu the LINE account's default. Safe to run on every deploy.
import { readFile } from "node:fs/promises";
import { messagingApi } from "@line/bot-sdk";
import { ConfigError, parseEnv, type Env } from "@/lib/config";
import { RichMenuSetupError, setupDefaultRichMenu, type RichMenuSetupReport } from "@/lib/line/rich-menu";

const IMAGE = new URL("../assets/rich-menu/default.png", import.meta.url);

/** Exit 2 for configuration the operator must fix before anything is sent to LINE, 1 when LINE refuses. */
function fail(message: string, code: 1 | 2): never {
  console.error(message);
  process.exit(code);
}

function readEnv(): Env {
  try {
    return parseEnv(process.env, { requireSecrets: false });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 2);
    throw error;
  }
}

function reportLines(report: RichMenuSetupReport): string[] {
  const menu = `Rich menu ${report.name}`;
  const first = {
    created: `${menu} created and set as default (${report.richMenuId}).`,
    "set-default": `${menu} already existed and is now set as default (${report.richMenuId}).`,
    unchanged: report.deleted.length === 0 ? `${menu} already set as default; nothing to do.` : `${menu} already set as default.`,
  }[report.outcome];
  return [first, ...report.deleted.map((old) => `Deleted older rich menu ${old.name} (${old.richMenuId}).`)];
}

const env = readEnv();
const channelAccessToken = env.LINE_CHANNEL_ACCESS_TOKEN;
if (!channelAccessToken) fail("LINE_CHANNEL_ACCESS_TOKEN is not set: copy the channel access token from the LINE Developers Console.", 2);
const liffId = env.LIFF_ID;
if (!liffId) fail("LIFF_ID is not set: the rich menu's 相談する button opens https://liff.line.me/{LIFF_ID}.", 2);

try {
  const report = await setupDefaultRichMenu({
    client: new messagingApi.MessagingApiClient({ channelAccessToken, baseURL: env.LINE_API_BASE_URL }),
    blobClient: new messagingApi.MessagingApiBlobClient({ channelAccessToken, baseURL: env.LINE_DATA_API_BASE_URL }),
    liffId,
    chatMode: env.CHAT_MODE,
    image: await readFile(IMAGE),
  });
  for (const line of reportLines(report)) console.log(line);
} catch (error) {
  if (error instanceof RichMenuSetupError) fail(error.message, 1);
  throw error;
}
