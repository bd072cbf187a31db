import Link from "next/link";
import { ja } from "@/lib/i18n/ja";

type Held = { id: string; pseudonym: string; priority: number; unread: number };

/**
 * One tab per consultation the counselor holds; the current one is marked for screen readers too. The
 * others carry a risk badge and their unread youth messages, kept live by the page's LiveRefresh.
 */
export function HeldTabs({ held, currentId }: { held: Held[]; currentId?: string }) {
  if (held.length === 0) return <p className="text-sm text-slate-600">{ja.console.heldEmpty}</p>;
  return (
    <nav aria-label={ja.console.tabsLabel} className="flex flex-wrap gap-1 border-b border-slate-200">
      {held.map((h) => (
        <Link
          key={h.id}
          href={`/console/c/${h.id}`}
          aria-current={h.id === currentId ? "page" : undefined}
          data-testid={`tab-${h.pseudonym}`}
          className={`flex items-center gap-1 rounded-t-md border border-b-0 px-3 py-2 text-sm ${h.id === currentId ? "border-slate-300 bg-white font-semibold" : "border-transparent bg-slate-100 hover:bg-slate-200"}`}
        >
          {h.priority >= 2 ? (
            <span className="rounded bg-red-700 px-1 text-xs font-bold text-white" data-testid="tab-risk">
              ⚠ {ja.console.riskBadge}
            </span>
          ) : null}
          {h.pseudonym}
          {h.id !== currentId && h.unread > 0 ? (
            <span className="rounded-full bg-brand-600 px-2 text-xs font-bold text-white" data-testid="tab-unread">
              {ja.console.unread(h.unread)}
            </span>
          ) : null}
        </Link>
      ))}
    </nav>
  );
}
