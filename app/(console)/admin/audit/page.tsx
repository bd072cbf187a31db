import { requireStaff } from "@/app/_server/guard";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { listAudit } from "@/lib/audit";
import { ja } from "@/lib/i18n/ja";

const timeFormat = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "short", timeStyle: "medium" });

export default async function AuditPage() {
  const { staff } = await requireStaff("audit.view");
  const rows = await listAudit(await getDb(), 200);
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{ja.audit.title}</h1>
      <div className="mt-4 overflow-x-auto">
        <table className="min-w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b text-left">
              <th className="p-2">{ja.audit.seq}</th>
              <th className="p-2">{ja.audit.at}</th>
              <th className="p-2">{ja.audit.actor}</th>
              <th className="p-2">{ja.audit.action}</th>
              <th className="p-2">{ja.audit.target}</th>
              <th className="p-2">{ja.audit.details}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq} className="border-b align-top">
                <td className="p-2 tabular-nums">{r.seq}</td>
                <td className="p-2 whitespace-nowrap">{timeFormat.format(r.at)}</td>
                <td className="p-2">{r.actorLogin ?? "—"}</td>
                <td className="p-2 font-mono">{r.action}</td>
                <td className="p-2 font-mono">{r.target ?? "—"}</td>
                <td className="p-2 font-mono text-xs">{JSON.stringify(r.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffShell>
  );
}
