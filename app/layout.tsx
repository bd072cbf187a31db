import type { Metadata, Viewport } from "next";
import { ja } from "@/lib/i18n/ja";
import "./globals.css";

export const metadata: Metadata = { title: ja.appName, robots: { index: false, follow: false } };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ja">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
