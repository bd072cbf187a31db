import { ja } from "@/lib/i18n/ja";
import { telUri, type SafetyReply } from "@/lib/safety";

const t = ja.riskAdmin;

function Reply({ title, reply, testId }: { title: string; reply: SafetyReply; testId: string }) {
  return (
    <div className="max-w-sm rounded-2xl bg-white p-4 shadow" data-testid={testId}>
      <p className="text-xs font-semibold text-slate-500">{title}</p>
      <p className="mt-1 whitespace-pre-wrap">{reply.text}</p>
      <ul className="mt-3 flex flex-col gap-2">
        {reply.contacts.map((c) => (
          <li key={c.id}>
            <p className="text-xs text-slate-600">{c.note ? `${c.label}（${c.note}）` : c.label}</p>
            <a href={telUri(c.number)} className="block rounded-md bg-green-700 px-3 py-2 text-center text-sm font-semibold text-white">
              {ja.safetyNumbers.call(c.number)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The safety reply as a youth would see it in LINE, in and out of hours, with what is saved now. */
export function SafetyReplyPreview({ inHours, outOfHours }: { inHours: SafetyReply | null; outOfHours: SafetyReply }) {
  return (
    <section aria-labelledby="safety-preview" className="mt-6 rounded-md bg-slate-100 p-4">
      <h3 id="safety-preview" className="font-semibold">
        {t.previewTitle}
      </h3>
      <div className="mt-3 flex flex-wrap gap-4">
        {inHours ? <Reply title={t.previewInHours} reply={inHours} testId="safety-preview-in-hours" /> : null}
        <Reply title={t.previewOutOfHours} reply={outOfHours} testId="safety-preview-out-of-hours" />
      </div>
    </section>
  );
}
