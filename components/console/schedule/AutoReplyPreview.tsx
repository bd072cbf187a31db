import Form from "next/form";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import type { AutoReplyKind } from "@/lib/autoreply/client";
import { ja } from "@/lib/i18n/ja";

const t = ja.scheduleAdmin.preview;

/**
 * What a youth writing at the chosen JST date and time would be told. The choice travels in the
 * URL and the page computes the answer, so after any change of hours or wording the same preview
 * is recomputed from what is now in force.
 */
export function AutoReplyPreview(props: { month: string; date: string; time: string; badInput: boolean; result: { kind: AutoReplyKind; text: string } }) {
  const { month, date, time, badInput, result } = props;
  return (
    <div className="space-y-3">
      <Form action="/admin/schedule" scroll={false} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="month" value={month} />
        <div>
          <label htmlFor="preview-date" className={labelClass}>
            {t.date}
          </label>
          <input id="preview-date" name="date" type="date" required defaultValue={date} className={inputClass} />
        </div>
        <div>
          <label htmlFor="preview-time" className={labelClass}>
            {t.time}
          </label>
          <input id="preview-time" name="time" type="time" required defaultValue={time} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass}>
          {t.submit}
        </button>
      </Form>
      {badInput ? (
        <p role="alert" className="text-sm text-red-700">
          {t.badInput}
        </p>
      ) : null}
      <dl aria-live="polite" className="max-w-xl space-y-2" data-testid="preview">
        <div>
          <dt className="text-sm text-slate-600">{t.kind}</dt>
          <dd className="font-semibold" data-testid="preview-kind">
            {ja.scheduleAdmin.kinds[result.kind]}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t.text}</dt>
          <dd className="mt-1 rounded-2xl rounded-tl-sm bg-white p-3 whitespace-pre-wrap shadow-sm ring-1 ring-slate-200" data-testid="preview-text">
            {result.text}
          </dd>
        </div>
      </dl>
    </div>
  );
}
