import type { QueueItem } from "@/lib/consultations";
import { ja } from "@/lib/i18n/ja";
import { ClaimButton } from "./ClaimButton";

/** The waiting youth, as the server ordered them (priority, then waiting time). Content never appears here. */
export function QueueList({ items, at }: { items: QueueItem[]; at: Date }) {
  if (items.length === 0) return <p className="text-slate-600">{ja.console.queueEmpty}</p>;
  return (
    <ul className="flex flex-col gap-2" data-testid="queue">
      {items.map((item) => {
        const waited = Math.max(0, Math.floor((at.getTime() - item.openedAt.getTime()) / 60_000));
        const topics = item.intake?.topics.join(ja.inlineSeparator);
        return (
          <li
            key={item.id}
            data-testid={`queue-item-${item.pseudonym}`}
            className={`flex flex-wrap items-center gap-3 rounded-md border bg-white p-3 ${item.priority >= 2 ? "border-red-500" : item.priority === 1 ? "border-amber-500" : "border-slate-200"}`}
          >
            {item.priority > 0 ? (
              <span className={`rounded px-2 py-0.5 text-sm font-bold text-white ${item.priority >= 2 ? "bg-red-700" : "bg-amber-700"}`} title={ja.console.riskLabel}>
                {ja.console.priority[item.priority]}
              </span>
            ) : null}
            <span className="font-semibold">{item.pseudonym}</span>
            <span className="text-sm text-slate-700">
              {ja.console.ageBand}: {item.intake?.ageBand ?? ja.console.unanswered} / {ja.console.gender}: {item.intake?.gender ?? ja.console.unanswered} / {ja.console.topics}:{" "}
              {topics || ja.console.unanswered}
            </span>
            <span className="text-sm">{ja.console.channel[item.channel]}</span>
            <span className="text-sm">{item.earlierCount > 0 ? `${ja.console.repeat}（${item.earlierCount}）` : ja.console.firstTime}</span>
            {item.earlierAtRisk ? (
              <span className="rounded border border-red-700 px-2 text-sm font-bold text-red-800" title={ja.console.earlierAtRiskHint} data-testid="earlier-at-risk">
                {ja.console.earlierAtRisk}
              </span>
            ) : null}
            <span className="ml-auto text-sm font-medium">
              {ja.console.waitingFor} {waited}
              {ja.console.minutes}
            </span>
            <ClaimButton consultationId={item.id} label={item.pseudonym} />
          </li>
        );
      })}
    </ul>
  );
}
