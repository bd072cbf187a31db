"use client";

import { useActionState, useState, type FormEvent } from "react";
import {
  changeStaffRoleAction,
  deactivateStaffAction,
  grantRecordsInspectionAction,
  reactivateStaffAction,
  resetSecondFactorAction,
  resetStaffPasswordAction,
  revokeRecordsInspectionAction,
  unlockStaffAction,
  type StaffActionState,
} from "@/app/_actions/staff";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { roleSchema, type Role } from "@/lib/auth/client";
import { ja } from "@/lib/i18n/ja";

const initial: StaffActionState = { ok: true, message: null };

export function StaffRowActions({ row }: { row: { id: string; loginId: string; role: Role; active: boolean; locked: boolean; grants: string[] } }) {
  const inspects = row.grants.includes("records.inspect");
  const [activeState, toggleActive, togglePending] = useActionState(row.active ? deactivateStaffAction : reactivateStaffAction, initial);
  const [roleState, changeRole, rolePending] = useActionState(changeStaffRoleAction, initial);
  const [resetState, reset, resetPending] = useActionState(resetSecondFactorAction, initial);
  const [inspectState, toggleInspect, inspectPending] = useActionState(inspects ? revokeRecordsInspectionAction : grantRecordsInspectionAction, initial);
  const [unlockState, unlock, unlockPending] = useActionState(unlockStaffAction, initial);
  const [passwordState, resetPassword, passwordPending] = useActionState(resetStaffPasswordAction, initial);
  const states = [activeState, roleState, resetState, inspectState, unlockState, passwordState];
  // The answer shown is the one to the form last sent, not an older one still held by another form.
  const [last, setLast] = useState<number | null>(null);
  const submitted = (index: number, confirmText?: string) => (e: FormEvent) => {
    if (confirmText && !window.confirm(confirmText)) return e.preventDefault();
    setLast(index);
  };
  const message = last === null ? null : states[last]!.message;
  const failed = last !== null && !states[last]!.ok;
  return (
    <div className="flex flex-col gap-2">
      <form
        action={toggleActive}
        onSubmit={submitted(0, row.active ? ja.staffAdmin.confirmDeactivate : undefined)}
      >
        <input type="hidden" name="staffId" value={row.id} />
        <button type="submit" className={row.active ? dangerButtonClass : secondaryButtonClass} disabled={togglePending}>
          {row.active ? ja.staffAdmin.deactivate : ja.staffAdmin.reactivate}
        </button>
      </form>
      <form action={changeRole} className="flex gap-1" onSubmit={submitted(1)}>
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
      <form action={reset} onSubmit={submitted(2)}>
        <input type="hidden" name="staffId" value={row.id} />
        <button type="submit" className={secondaryButtonClass} disabled={resetPending}>
          {ja.staffAdmin.resetSecondFactor}
        </button>
      </form>
      {row.locked ? (
        <form action={unlock} onSubmit={submitted(4)}>
          <input type="hidden" name="staffId" value={row.id} />
          <button type="submit" className={secondaryButtonClass} disabled={unlockPending}>
            {ja.staffAdmin.unlock}
          </button>
        </form>
      ) : null}
      <form
        action={resetPassword}
        className="flex flex-col gap-1"
        onSubmit={submitted(5, ja.staffAdmin.confirmResetPassword)}
      >
        <input type="hidden" name="staffId" value={row.id} />
        <label className="text-xs" htmlFor={`password-${row.id}`}>
          {ja.staffAdmin.newPassword}
        </label>
        <input
          id={`password-${row.id}`}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          className="rounded border border-slate-300 px-1 text-sm"
        />
        <button type="submit" className={secondaryButtonClass} disabled={passwordPending}>
          {ja.staffAdmin.resetPassword}
        </button>
      </form>
      {row.active ? (
        <form
          action={toggleInspect}
          onSubmit={submitted(3, inspects ? undefined : ja.staffAdmin.confirmGrantInspection)}
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
