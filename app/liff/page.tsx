import type { Metadata } from "next";
import { connection } from "next/server";
import { LineModeNotice } from "@/components/liff/LineModeNotice";
import { SecureChat } from "@/components/liff/SecureChat";
import { getConfig } from "@/lib/config";
import { ja } from "@/lib/i18n/ja";
import { getDb } from "@/app/_server/database";
import { describeLiffApp } from "@/lib/liff";
import { listSafetyContacts } from "@/lib/safety";

export const metadata: Metadata = { title: ja.liff.title };

/**
 * The secure chat LINE opens from the rich menu (相談する). The youth signs in with LINE's ID token.
 * In CHAT_MODE=line the conversation is the LINE talk, so the page says so instead. The admins'
 * emergency numbers come with the page, so 緊急のときは works before (and without) signing in.
 */
export default async function LiffPage() {
  // The deployment's settings, read when the page is asked for rather than baked in at build time.
  await connection();
  const config = getConfig();
  if (config.CHAT_MODE === "line") return <LineModeNotice />;
  const app = describeLiffApp(config);
  const contacts = (await listSafetyContacts(await getDb())).map(({ id, label, number, note }) => ({ id, label, number, note }));
  return <SecureChat liff={app.liffId ? { liffId: app.liffId, mock: app.mock } : null} contacts={contacts} />;
}
