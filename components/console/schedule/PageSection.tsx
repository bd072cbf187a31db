/** One titled part of the schedule screen; its id is the in-page link target. */
export function PageSection({ id, title, hint, children }: { id: string; title: string; hint?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="mt-10 scroll-mt-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {hint ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{hint}</p> : null}
      <div className="mt-3">{children}</div>
    </section>
  );
}
