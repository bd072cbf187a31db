/** Horizontal bars in plain CSS: the table beside it carries the same figures for screen readers. */
export function BarChart({ rows }: { rows: { label: string; value: number }[] }) {
  const max = Math.max(1, ...rows.map((row) => row.value));
  return (
    <div aria-hidden="true" className="space-y-1" data-testid="bar-chart">
      {rows.map((row, i) => (
        <div key={i} className="grid grid-cols-[minmax(6rem,10rem)_1fr_3rem] items-center gap-2 text-xs">
          <span className="truncate text-slate-600">{row.label}</span>
          <span className="h-3 rounded-sm bg-slate-100">
            <span className="block h-3 rounded-sm bg-brand-600" style={{ width: `${(row.value / max) * 100}%` }} />
          </span>
          <span className="text-right tabular-nums">{row.value.toLocaleString("ja-JP")}</span>
        </div>
      ))}
    </div>
  );
}
