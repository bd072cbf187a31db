"use client";

import { useState, useTransition } from "react";
import { transferAction } from "@/app/_actions/console";
import { secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

/**
 * Hand over to a colleague or back to the queue; supervisors use it to reassign. The holder who hands
 * over goes back to the console home (`leaveAfter`): the conversation is no longer theirs to read.
 */
export function TransferForm({
  consultationId,
  staff,
  label = ja.console.transfer,
  leaveAfter = false,
}: {
  consultationId: string;
  staff: { id: string; displayName: string }[];
  label?: string;
  leaveAfter?: boolean;
}) {

  const [to, setTo] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => setMessage((await transferAction(consultationId, to, leaveAfter)).message));
      }}
    >
      <label className="text-sm">
        {label}: {ja.console.transferTo}
        <select value={to} onChange={(e) => setTo(e.target.value)} className="ml-1 rounded border border-slate-300 px-1 py-1">
          <option value="">{ja.console.backToQueue}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {ja.console.transferSubmit}
      </button>
      {message ? <p role="status" className="text-sm">{message}</p> : null}
    </form>
  );
}
