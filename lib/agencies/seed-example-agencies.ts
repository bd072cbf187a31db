import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { supportAgencies } from "@/db/schema";
import { saveAgency } from "./save-agency";
import type { AgencyInput } from "./agency-input";

/**
 * National numbers that exist everywhere, plus the prefecture's child guidance centre, as EXAMPLES:
 * each is marked isExample and the admin page says so until the city confirms or replaces it.
 */
export const exampleAgencies: AgencyInput[] = [
  { name: "児童相談所 虐待対応ダイヤル", phone: "189", hours: "24時間", url: "https://www.cfa.go.jp/policies/jidougyakutai/gyakutai-hotline", topics: ["児童虐待"] },
  { name: "警察（緊急）", phone: "110", hours: "24時間", topics: ["緊急"] },
  { name: "24時間子供SOSダイヤル", phone: "0120-0-78310", hours: "24時間", url: "https://www.mext.go.jp/a_menu/shotou/seitoshidou/06112210.htm", topics: ["いじめ", "不登校"] },
  // The number is deliberately left for the city to fill in: a wrong number here would be worse than none.
  { name: "佐賀県の児童相談所（番号は市が確認して登録）", topics: ["児童虐待", "家族"] },
  { name: "よりそいホットライン", phone: "0120-279-338", hours: "24時間", url: "https://www.since2011.net/yorisoi/", topics: ["心身の健康", "性"] },
].map((a) => ({ ...a, isExample: true }));


/** Idempotent: seeds only into an empty directory. */
export async function seedExampleAgencies(db: Db, options: { at: Date }): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(supportAgencies);
  if ((row?.n ?? 0) > 0) return 0;
  for (const agency of exampleAgencies) await saveAgency(db, { ...agency, at: options.at }, null);
  return exampleAgencies.length;
}
