import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { recordOutcomes, type RecordLabels } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";

const t = ja.records;

/** A plain GET form: the filter lives in the URL, so a view can be reloaded or shared within the office. */
export function RecordFilter({ month, outcome, labels }: { month: string; outcome: string | undefined; labels: RecordLabels }) {
  const exportQuery = (format: "csv" | "xlsx") => `/api/records/export?${new URLSearchParams({ month, ...(outcome ? { outcome } : {}), format })}`;
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <form method="get" action="/records" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="records-month" className={labelClass}>
            {t.month}
          </label>
          <input id="records-month" name="month" type="month" defaultValue={month} required className={inputClass} />
        </div>
        <div>
          <label htmlFor="records-outcome" className={labelClass}>
            {t.outcome}
          </label>
          <select id="records-outcome" name="outcome" defaultValue={outcome ?? ""} className={inputClass}>
            <option value="">{t.allOutcomes}</option>
            {recordOutcomes.map((o) => (
              <option key={o} value={o}>
                {labels.outcome[o] ?? o}
              </option>
            ))}
            <option value="none">{t.noRecord}</option>
          </select>
        </div>
        <button type="submit" className={buttonClass}>
          {t.filter}
        </button>
      </form>
      <div className="flex flex-wrap gap-2 sm:ml-auto">
        <a href={exportQuery("csv")} className={secondaryButtonClass} download>
          {t.exportCsv}
        </a>
        <a href={exportQuery("xlsx")} className={secondaryButtonClass} download>
          {t.exportXlsx}
        </a>
      </div>
    </div>
  );
}
