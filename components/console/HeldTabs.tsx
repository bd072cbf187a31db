import Link from "next/link";
import { ja } from "@/lib/i18n/ja";

/** One tab per consultation the counselor holds; the current one is marked for screen readers too. */
export function HeldTabs({ held, currentId }: { held: { id: string; pseudonym: string; priority: number }[]; currentId?: string }) {
  if (held.length === 0) return <p className="text-sm text-slate-600">{ja.console.heldEmpty}</p>;
  return (
    <nav aria-label={ja.console.tabsLabel} className="flex flex-wrap gap-1 border-b border-slate-200">
      {held.map((h) => (
        <Link
          key={h.id}
          href={`/console/c/${h.id}`}
          aria-current={h.id === currentId ? "page" : undefined}
          className={`rounded-t-md border border-b-0 px-3 py-2 text-sm ${h.id === currentId ? "border-slate-300 bg-white font-semibold" : "border-transparent bg-slate-100 hover:bg-slate-200"}`}
        >
          {h.priority >= 2 ? "⚠ " : ""}
          {h.pseudonym}
        </Link>
      ))}
    </nav>
  );
}
