export function RoleHome({ title, body }: { title: string; body: string }) {
  return (
    <section>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-4 max-w-2xl rounded-md border border-slate-200 bg-white p-4 text-slate-700">{body}</p>
    </section>
  );
}
