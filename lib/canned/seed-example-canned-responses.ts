import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { cannedResponses } from "@/db/schema";
import type { CannedInput } from "./canned-input";
import { saveCannedResponse } from "./save-canned-response";

/** A few starting phrases for the demo; the service's own wording replaces them. */
export const exampleCannedResponses: CannedInput[] = [
  { title: "はじめのあいさつ", body: "メッセージをありがとう。相談員の{相談員名}です。ここでは、あなたが話したいことを、話したいペースで話して大丈夫です。" },
  { title: "話してくれてありがとう", body: "話してくれてありがとう。つらい気持ちを言葉にするのは、とても勇気がいることだと思います。" },
  { title: "安全の確認", body: "いま、あなたは安全な場所にいますか？けがをしていたり、こわい思いをしていたりしたら教えてください。" },
  { title: "終わりのあいさつ", body: "今日は話してくれてありがとう。また話したくなったら、いつでもメッセージを送ってください。" },
  { title: "終了時刻のお知らせ", body: "今日の相談は{今日の終了時刻}までです。時間までは、ここで一緒に考えます。" },
];

/** Idempotent: seeds only into an empty list. */
export async function seedExampleCannedResponses(db: Db, options: { at: Date }): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(cannedResponses);
  if ((row?.n ?? 0) > 0) return 0;
  for (const canned of exampleCannedResponses) await saveCannedResponse(db, { ...canned, at: options.at }, null);
  return exampleCannedResponses.length;
}
