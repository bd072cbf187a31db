import { requireStaff } from "@/app/_server/guard";
import { FormEditor } from "@/components/console/admin/FormEditor";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { loadCurrentForm } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";

export const dynamic = "force-dynamic";

const at = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "short" });

/** The intake, the record form's categories and the post-consultation survey: each saved change is a new version. */
export default async function Page() {
  const { staff } = await requireStaff("forms.manage");
  const db = await getDb();
  const [intake, record, survey] = await Promise.all([loadCurrentForm(db, "intake"), loadCurrentForm(db, "record"), loadCurrentForm(db, "survey")]);
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{ja.formsAdmin.title}</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-700">{ja.formsAdmin.lead}</p>
      <div className="mt-6 flex flex-col gap-10">
        {[intake, record, survey].map((form) => (
          <section key={form.kind} aria-labelledby={`form-${form.kind}`} data-testid={`form-${form.kind}`}>
            <h2 id={`form-${form.kind}`} className="text-xl font-bold">
              {ja.formsAdmin.sections[form.kind]}
            </h2>
            <p className="text-sm text-slate-600" data-testid={`form-${form.kind}-version`}>
              {ja.formsAdmin.version(form.version, at.format(form.createdAt))}
            </p>
            <FormEditor kind={form.kind} version={form.version} definition={form.definition} />
          </section>
        ))}
      </div>
    </StaffShell>
  );
}
