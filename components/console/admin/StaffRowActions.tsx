"use client";

import { useActionState } from "react";
import {
  changeStaffRoleAction,
  deactivateStaffAction,
  grantRecordsInspectionAction,
  reactivateStaffAction,
  resetSecondFactorAction,
  revokeRecordsInspectionAction,
  type StaffActionState,
} from "@/app/_actions/staff";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { roleSchema, type Role } from "@/lib/auth/client";
import { ja } from "@/lib/i18n/ja";

const initial: StaffActionState = { ok: true, message: null };

export function StaffRowActions({ row }: { row: { id: string; loginId: string; role: Role; active: boolean; grants: string[] } }) {
  const inspects = row.grants.includes("records.inspect");
  const [activeState, toggleActive, togglePending] = useActionState(row.active ? deactivateStaffAction : reactivateStaffAction, initial);
  const [roleState, changeRole, rolePending] = useActionState(changeStaffRoleAction, initial);
  const [resetState, reset, resetPending] = useActionState(resetSecondFactorAction, initial);
  const [inspectState, toggleInspect, inspectPending] = useActionState(inspects ? revokeRecordsInspectionAction : grantRecordsInspectionAction, initial);
  const states = [activeState, roleState, resetState, inspectState];
  const message = states.find((s) => s.message)?.message;
  const failed = states.some((s) => !s.ok);
  return (
    <div className="flex flex-col gap-2">
      <form
        action={toggleActive}
        onSubmit={(e) => {
          if (row.active && !window.confirm(ja.staffAdmin.confirmDeactivate)) e.preventDefault();
        }}
      >
        <input type="hidden" name="staffId" value={row.id} />
        <button type="submit" className={row.active ? dangerButtonClass : secondaryButtonClass} disabled={togglePending}>
          {row.active ? ja.staffAdmin.deactivate : ja.staffAdmin.reactivate}
        </button>
      </form>
      <form action={changeRole} className="flex gap-1">
        <input type="hidden" name="staffId" value={row.id} />
        <label className="sr-only" htmlFor={`role-${row.id}`}>
          {ja.staffAdmin.role}
        </label>
        <select id={`role-${row.id}`} name="role" defaultValue={row.role} className="rounded border border-slate-300 px-1 text-sm">
          {roleSchema.options.map((r) => (
            <option key={r} value={r}>
              {ja.roles[r]}
            </option>
          ))}
        </select>
        <button type="submit" className={secondaryButtonClass} disabled={rolePending}>
          {ja.staffAdmin.changeRole}
        </button>
      </form>
      <form action={reset}>
        <input type="hidden" name="staffId" value={row.id} />
        <button type="submit" className={secondaryButtonClass} disabled={resetPending}>
          {ja.staffAdmin.resetSecondFactor}
        </button>
      </form>
      {row.active ? (
        <form
          action={toggleInspect}
          onSubmit={(e) => {
            if (!inspects && !window.confirm(ja.staffAdmin.confirmGrantInspection)) e.preventDefault();
          }}
        >
          <input type="hidden" name="staffId" value={row.id} />
          <button type="submit" className={secondaryButtonClass} disabled={inspectPending}>
            {inspects ? ja.staffAdmin.revokeInspection : ja.staffAdmin.grantInspection}
          </button>
        </form>
      ) : null}
      {message ? (
        <p role="status" className={failed ? "text-sm text-red-700" : "text-sm text-green-800"}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
