import Link from "next/link";
import { ja } from "@/lib/i18n/ja";

const time = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });

type Closed = keyof typeof ja.console.closeReasons;

/** Consultations that ended before their record was written: each links to the form that finishes it. */
export function PendingRecordList({ items, showHolder }: { items: { id: string; pseudonym: string; closedAt: Date | null; closeReason: Closed | null; holderName: string | null }[]; showHolder: boolean }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{ja.console.pendingEmpty}</p>;
  return (
    <ul className="flex flex-col gap-1" data-testid="pending-records">
      {items.map((item) => (
        <li key={item.id}>
          <Link href={`/console/c/${item.id}`} className="flex flex-wrap gap-x-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm hover:bg-amber-100">
            <span className="font-semibold">{item.pseudonym}</span>
            <span>{item.closeReason ? ja.console.closeReasons[item.closeReason] : ""}</span>
            {item.closedAt ? <span>{time.format(item.closedAt)}</span> : null}
            {showHolder && item.holderName ? (
              <span>
                {ja.console.holder}: {item.holderName}
              </span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
