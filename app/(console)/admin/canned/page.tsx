import { Fragment } from "react";
import { requireStaff } from "@/app/_server/guard";
import { CannedForm } from "@/components/console/admin/CannedForm";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { listCannedResponses } from "@/lib/canned";
import { CANNED_FIELDS } from "@/lib/canned/client";
import { ja } from "@/lib/i18n/ja";

export const dynamic = "force-dynamic";

export default async function Page() {
  const { staff } = await requireStaff("canned.manage");
  const rows = await listCannedResponses(await getDb(), { includeInactive: true });
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{ja.referenceAdmin.cannedTitle}</h1>
      <section aria-labelledby="fields-title" className="mt-4 rounded-md border border-slate-200 bg-white p-4" data-testid="canned-fields">
        <h2 id="fields-title" className="font-bold">
          {ja.referenceAdmin.fieldsTitle}
        </h2>
        <p className="mt-1 text-sm">{ja.referenceAdmin.fieldsIntro}</p>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {CANNED_FIELDS.map((field) => (
            <Fragment key={field}>
              <dt className="font-mono font-semibold">{`{${field}}`}</dt>
              <dd>{ja.referenceAdmin.fields[field]}</dd>
            </Fragment>
          ))}
        </dl>
      </section>
      <div className="mt-4 flex flex-col gap-3">
        <CannedForm />
        {rows.map((r) => (
          <CannedForm key={r.id} initial={{ id: r.id, title: r.title, body: r.body, active: r.active }} />
        ))}
      </div>
    </StaffShell>
  );
}
