import QRCode from "qrcode";
import { requireStaff } from "@/app/_server/guard";
import { EnrolSecondFactor } from "@/components/console/EnrolSecondFactor";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { startSecondFactorEnrolment } from "@/lib/auth";
import { getKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";

export default async function AccountPage() {
  const session = await requireStaff("account.manage_own");
  const { staff } = session;
  const enrolment = staff.hasSecondFactor ? null : await startSecondFactorEnrolment(await getDb(), staff.id, getKeyring());
  const qr = enrolment ? await QRCode.toDataURL(enrolment.uri, { margin: 1, width: 220 }) : null;
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{ja.account.title}</h1>
      <p className="mt-2 text-slate-700">
        {staff.displayName}（{staff.loginId}・{ja.roles[staff.role]}）
      </p>
      <section aria-labelledby="second-factor" className="mt-6 max-w-xl rounded-md border border-slate-200 bg-white p-4">
        <h2 id="second-factor" className="text-lg font-semibold">
          {ja.account.secondFactorTitle}
        </h2>
        {!session.secondFactorDone ? (
          <p role="alert" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
            {ja.account.required}
          </p>
        ) : null}
        {enrolment && qr ? <EnrolSecondFactor qr={qr} secret={enrolment.secret} /> : <p className="mt-2">{ja.account.enabled}</p>}
      </section>
    </StaffShell>
  );
}
