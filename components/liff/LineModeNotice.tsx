import { ja } from "@/lib/i18n/ja";

/** CHAT_MODE=line: /liff has no chat; the youth is sent back to the LINE talk, where the counselor answers. */
export function LineModeNotice() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col bg-slate-50">
      <header className="border-b border-slate-200 bg-white px-4 py-3">
        <h1 className="text-lg font-bold">{ja.liff.title}</h1>
      </header>
      <p className="m-4 rounded-xl bg-white p-4 text-base leading-relaxed">{ja.liff.lineMode}</p>
    </main>
  );
}
