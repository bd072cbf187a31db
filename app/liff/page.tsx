import type { Metadata } from "next";
import { SecureChat } from "@/components/liff/SecureChat";
import { ja } from "@/lib/i18n/ja";

export const metadata: Metadata = { title: ja.liff.title };

/** The secure chat LINE opens from the rich menu (相談する). The youth signs in with LINE's ID token. */
export default function LiffPage() {
  return <SecureChat />;
}
