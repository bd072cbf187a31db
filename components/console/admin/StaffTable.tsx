import type { Qualification, Role } from "@/lib/auth";
import { joinListText } from "@/components/ui/list-text";
import { ja } from "@/lib/i18n/ja";
import { StaffRowActions } from "./StaffRowActions";

export interface StaffRow {
  id: string;
  loginId: string;
  displayName: string;
  role: Role;
  qualifications: string[];
  active: boolean;
  locked: boolean;
  hasSecondFactor: boolean;
  openSessions: number;
  grants: string[];
}

export function StaffTable({ rows, selfId }: { rows: StaffRow[]; selfId: string }) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="min-w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b text-left">
            <th className="p-2">{ja.staffAdmin.loginId}</th>
            <th className="p-2">{ja.staffAdmin.displayName}</th>
            <th className="p-2">{ja.staffAdmin.role}</th>
            <th className="p-2">{ja.staffAdmin.qualifications}</th>
            <th className="p-2">{ja.staffAdmin.status}</th>
            <th className="p-2">{ja.staffAdmin.secondFactor}</th>
            <th className="p-2">{ja.staffAdmin.sessions}</th>
            <th className="p-2">{ja.staffAdmin.actions}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b align-top" data-testid={`staff-row-${r.loginId}`}>
              <td className="p-2 font-mono">
                {r.loginId}
                {r.id === selfId ? ja.staffAdmin.you : null}
              </td>
              <td className="p-2">{r.displayName}</td>
              <td className="p-2">
                {ja.roles[r.role]}
                {r.grants.includes("records.inspect") ? <span className="block text-xs text-amber-800">{ja.staffAdmin.inspectionGranted}</span> : null}
              </td>
              <td className="p-2">{joinListText(r.qualifications.map((q) => ja.qualifications[q as Qualification] ?? q)) || "—"}</td>
              <td className="p-2">
                {r.active ? ja.staffAdmin.active : ja.staffAdmin.inactive}
                {r.locked ? `・${ja.staffAdmin.locked}` : null}
              </td>
              <td className="p-2">{r.hasSecondFactor ? ja.staffAdmin.secondFactorOn : ja.staffAdmin.secondFactorOff}</td>
              <td className="p-2 tabular-nums">{r.openSessions}</td>
              <td className="p-2">{r.id === selfId ? null : <StaffRowActions row={r} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
