import Link from "next/link";
import { requireStaff } from "@/app/_server/guard";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { auditActions, auditFilterSchema, AUDIT_PAGE_SIZE, searchAudit, verifyAuditChain } from "@/lib/audit";
import { listStaff } from "@/lib/auth";
import { ja } from "@/lib/i18n/ja";

const timeFormat = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "short", timeStyle: "medium" });
const t = ja.audit;

/** Which option group of the kind filter an action sits in, by the part before the dot. */
const groupOf: Record<string, string> = {
  auth: "auth", access: "auth", staff: "staff", consultation: "consultation", consent: "consultation", safety_plan: "consultation",
  records: "records", record: "records", report: "records", incident: "records", emergency: "emergency", alert: "emergency",
  keys: "data", retention: "data", handover: "data", audit: "data",
};
const groups = Object.keys(t.groups).map((group) => ({ group, actions: auditActions.filter((a) => (groupOf[a.split(".")[0]!] ?? "settings") === group) }));

const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
const buttonClass = "rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
const linkClass = "underline underline-offset-2 text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { staff } = await requireStaff("audit.view");
  const db = await getDb();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const parsed = auditFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : { page: 1 };
  const [result, people, chain] = await Promise.all([searchAudit(db, filter), listStaff(db), verifyAuditChain(db)]);
  const kept = Object.entries(filter).filter((e): e is [string, string] => e[0] !== "page" && typeof e[1] === "string");
  const query = (page: number) => `?${new URLSearchParams([...kept, ["page", String(page)]])}`;
  const first = (result.page - 1) * AUDIT_PAGE_SIZE + 1;
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <section aria-labelledby="chain" className="mt-4">
        <h2 id="chain" className="text-lg font-semibold">
          {t.chainTitle}
        </h2>
        <p data-testid="audit-chain" className={chain.ok ? "mt-1 text-green-800" : "mt-1 font-semibold text-red-800"} role={chain.ok ? undefined : "alert"}>
          {chain.ok ? t.chainOk(chain.rows) : t.chainBroken(chain.seq)}
        </p>
      </section>
      {/* Keyed by the query: a link to other conditions (条件を消す) is a client-side navigation, and React would keep the old inputs. */}
      <form key={new URLSearchParams(raw).toString()} method="get" action="/admin/audit" aria-labelledby="filter" className="mt-6 rounded-md border border-slate-200 bg-white p-4">
        <h2 id="filter" className="text-lg font-semibold">
          {t.filterTitle}
        </h2>
        {!parsed.success && (
          <p role="alert" className="mt-2 font-semibold text-red-800">
            {t.invalidFilter}
          </p>
        )}
        <div className="mt-3 grid grid-cols-1 gap-4 md:grid-cols-3">
          <label className="block text-sm font-medium">
            {t.filterAction}
            <select name="action" defaultValue={raw.action ?? ""} className={inputClass}>
              <option value="">{t.filterAnyAction}</option>
              {groups.map(({ group, actions }) => (
                <optgroup key={group} label={t.groups[group]}>
                  {actions.map((a) => (
                    <option key={a} value={a}>
                      {t.actions[a]}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium">
            {t.filterPerson}
            <select name="personId" defaultValue={raw.personId ?? ""} className={inputClass}>
              <option value="">{t.filterAnyPerson}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {`${p.displayName}（${p.loginId}）`}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium">
            {t.filterSearch}
            <input type="search" name="q" defaultValue={raw.q ?? ""} maxLength={100} aria-describedby="search-hint" className={inputClass} />
            <span id="search-hint" className="mt-1 block text-xs font-normal text-slate-600">
              {t.filterSearchHint}
            </span>
          </label>
          <label className="block text-sm font-medium">
            {t.filterFrom}
            <input type="date" name="from" defaultValue={raw.from ?? ""} className={inputClass} />
          </label>
          <label className="block text-sm font-medium">
            {t.filterTo}
            <input type="date" name="to" defaultValue={raw.to ?? ""} className={inputClass} />
          </label>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className={buttonClass}>
            {t.apply}
          </button>
          <Link href="/admin/audit" className={linkClass}>
            {t.clear}
          </Link>
        </div>
      </form>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-4">
        <p data-testid="audit-count" aria-live="polite">
          {t.count(result.total, first, first + result.entries.length - 1)}
        </p>
        <p className="text-sm">
          <a href={`/api/audit/export?${new URLSearchParams(kept)}`} className={linkClass} download>
            {t.download}
          </a>
          <span className="ml-2 text-slate-600">{t.downloadNote}</span>
        </p>
      </div>
      <div className="mt-2 overflow-x-auto rounded-md border border-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600" role="region" aria-label={t.tableLabel} tabIndex={0}>
        <table className="min-w-full border-collapse bg-white text-sm" data-testid="audit-table">
          <thead>
            <tr className="border-b text-left">
              <th scope="col" className="p-2 whitespace-nowrap">{t.seq}</th>
              <th scope="col" className="p-2 whitespace-nowrap">{t.at}</th>
              <th scope="col" className="p-2 whitespace-nowrap">{t.actor}</th>
              <th scope="col" className="p-2 whitespace-nowrap">{t.action}</th>
              <th scope="col" className="p-2 whitespace-nowrap">{t.target}</th>
              <th scope="col" className="p-2">{t.details}</th>
            </tr>
          </thead>
          <tbody>
            {result.entries.map((e) => (
              <tr key={e.seq} className="border-b align-top" data-testid="audit-row">
                <td className="p-2 tabular-nums">{e.seq}</td>
                <td className="p-2 whitespace-nowrap">{timeFormat.format(e.at)}</td>
                <td className="p-2">{e.actor}</td>
                <td className="p-2">{e.action}</td>
                <td className="p-2">{e.target}</td>
                <td className="p-2">
                  {e.details.length === 0 ? (
                    t.none
                  ) : (
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                      {e.details.map((d) => (
                        <div key={d.label} className="contents">
                          <dt className="text-slate-600">{d.label}</dt>
                          <dd>{d.value}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.pages > 1 && (
        <nav aria-label={t.pagination} className="mt-4 flex items-center gap-4">
          {result.page > 1 && (
            <Link href={query(result.page - 1)} className={linkClass}>
              {t.previous}
            </Link>
          )}
          <span>{t.page(result.page, result.pages)}</span>
          {result.page < result.pages && (
            <Link href={query(result.page + 1)} className={linkClass}>
              {t.next}
            </Link>
          )}
        </nav>
      )}
    </StaffShell>
  );
}
