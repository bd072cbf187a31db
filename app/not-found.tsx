import Link from "next/link";
import { ja } from "@/lib/i18n/ja";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-xl font-bold">{ja.notFound.title}</h1>
      <Link href="/" className="mt-6 inline-block underline">
        {ja.forbidden.back}
      </Link>
    </main>
  );
}
