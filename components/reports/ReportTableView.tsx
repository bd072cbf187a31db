import { ja } from "@/lib/i18n/ja";
import { formatCell, type ReportTable } from "@/lib/reports";
import { BarChart } from "./BarChart";

export function ReportTableView({ table }: { table: ReportTable }) {
  const chartRows =
    table.chartColumn === undefined
      ? null
      : (table.totalRow ? table.rows.slice(0, -1) : table.rows).map((row) => ({ label: formatCell(row[0] ?? null), value: Number(row[table.chartColumn!] ?? 0) }));
  const headingId = `table-${table.key}`;
  return (
    <section aria-labelledby={headingId} className="mt-8 break-inside-avoid">
      <h2 id={headingId} className="text-lg font-semibold">
        {table.title}
      </h2>
      <div className={`mt-2 grid gap-4 ${chartRows && !table.wide ? "lg:grid-cols-2" : ""}`}>
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white" tabIndex={0} role="region" aria-label={ja.reports.page.scrollRegion.replace("{title}", table.title)}>
          <table className="min-w-full text-sm" data-testid={headingId}>
            <thead className="bg-slate-50 text-left">
              <tr>
                {table.columns.map((column, i) => (
                  <th key={i} scope="col" className={`whitespace-nowrap px-3 py-2 font-semibold ${i > 0 ? "text-right" : ""}`}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r} className={`border-t border-slate-100 ${table.totalRow && r === table.rows.length - 1 ? "font-semibold" : ""}`}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="whitespace-nowrap px-3 py-1.5 text-left font-normal">
                        {formatCell(cell)}
                      </th>
                    ) : (
                      <td key={i} className={`px-3 py-1.5 ${typeof cell === "string" && cell !== "" ? "text-left" : "text-right tabular-nums"}`}>
                        {formatCell(cell)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {chartRows && <BarChart rows={chartRows} />}
      </div>
    </section>
  );
}
