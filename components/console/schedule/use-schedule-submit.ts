"use client";

import { useState } from "react";
import type { ScheduleActionState } from "@/app/_actions/schedule";
import { ja } from "@/lib/i18n/ja";
import type { Issues } from "./issues";

export type SubmitStatus = { ok: boolean; message: string } | null;

/**
 * The schedule forms' shared flow: check on the client first (instant messages, no request), then
 * let the server decide; its messages land on the same field paths. Resolves to whether it saved.
 */
export function useScheduleSubmit<V>(validate: (values: V) => Issues | null, action: (values: V) => Promise<ScheduleActionState>) {
  const [issues, setIssues] = useState<Issues>({});
  const [status, setStatus] = useState<SubmitStatus>(null);

  async function submit(values: V): Promise<boolean> {
    const local = validate(values);
    if (local) {
      setIssues(local);
      setStatus({ ok: false, message: ja.fieldErrorSummary });
      return false;
    }
    const result = await action(values);
    setIssues(result.fieldErrors ?? {});
    setStatus(result.message ? { ok: result.ok, message: result.message } : null);
    return result.ok;
  }

  return { issues, status, submit };
}
