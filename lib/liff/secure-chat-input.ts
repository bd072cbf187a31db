import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

/** Shorter than the counselors' limit: long enough to tell what is wrong, short enough to read at once. */
export const YOUTH_MESSAGE_MAX = 1000;

/** Text and nothing else: strict, so a page cannot smuggle media, stickers or a sender into the body. */
export const secureChatMessageSchema = z.strictObject(
  {
    text: z
      .string({ error: ja.liff.textOnly })
      .trim()
      .min(1, { error: ja.liff.emptyText })
      .max(YOUTH_MESSAGE_MAX, { error: ja.liff.tooLong }),
  },
  { error: ja.liff.textOnly },
);
