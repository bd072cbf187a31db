"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { recordConsentAction, recordSharingExceptionAction, withdrawConsentAction, type SharingActionState } from "@/app/_actions/consents";
import { FieldError } from "@/components/ui/FieldError";
import { inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

const t = ja.consent;
const scopeItems = ["summary", "contact", "school", "safety"] as const;

export interface ShownConsent {
  id: string;
  recipient: string;
  scope: string;
  agreedAt: string;
  words: string;
  withdrawnAt: string | null;
  withdrawalNote: string | null;
}
export interface ShownException {
  id: string;
  recipient: string;
  reason: string;
  supervisorName: string;
  decidedAt: string;
}

/** Consents (R11) and R10 exceptions of one consultation: the list, and forms to add to it. Times are JST `datetime-local` values. */
export function ConsentPanel(props: { consultationId: string; agencies: { id: string; name: string }[]; consents: ShownConsent[]; exceptions: ShownException[]; canWrite: boolean; nowLocal: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [state, setState] = useState<SharingActionState | null>(null);
  const errors = state?.fieldErrors ?? {};
  const submit = (work: () => Promise<SharingActionState>, reset?: HTMLFormElement) =>
    start(async () => {
      const result = await work();
      setState(result);
      if (result.ok) {
        reset?.reset();
        router.refresh();
      }
    });
  const err = (key: string) => (errors[key] ? { "aria-invalid": true, "aria-describedby": `consent-err-${key}` } : {});

  return (
    <section aria-labelledby="consent-title" className="rounded-md border border-slate-300 bg-white p-3" data-testid="consent-panel">
      <h2 id="consent-title" className="font-bold">{t.title}</h2>
      <p className="text-sm text-slate-600">{t.hint}</p>
      {props.consents.length === 0 ? <p className="mt-2 text-sm">{t.none}</p> : null}
      <ul className="mt-2 flex flex-col gap-2 text-sm" data-testid="consents">
        {props.consents.map((c) => (
          <li key={c.id} className="rounded border border-slate-200 p-2">
            <div className="font-medium">{c.recipient}</div>
            <div>{t.scope}：{c.scope}</div>
            <div>{t.agreedAt}：{c.agreedAt}</div>
            <div className="whitespace-pre-wrap">{t.words}：{c.words}</div>
            {c.withdrawnAt ? (
              <div className="font-semibold text-red-800">{t.withdrawn(c.withdrawnAt)}{c.withdrawalNote ? `：${c.withdrawalNote}` : ""}</div>
            ) : (
              <form
                className="mt-1 flex flex-wrap items-end gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  const data = new FormData(e.currentTarget);
                  submit(() => withdrawConsentAction(props.consultationId, { consentId: c.id, withdrawnAt: data.get("withdrawnAt"), note: data.get("note") }));
                }}
              >
                <span className="text-green-800">{t.active}</span>
                <label className="text-xs">
                  {t.withdrawnAt}
                  <input type="datetime-local" name="withdrawnAt" defaultValue={props.nowLocal} className="ml-1 rounded border border-slate-300 px-1" />
                </label>
                <label className="text-xs">
                  {t.withdrawalNote}
                  <input name="note" className="ml-1 rounded border border-slate-300 px-1" />
                </label>
                <button type="submit" className={secondaryButtonClass} disabled={pending}>{t.withdraw}</button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {props.exceptions.length > 0 ? (
        <div className="mt-2 text-sm" data-testid="sharing-exceptions">
          <h3 className="font-semibold">{t.exceptions}</h3>
          <ul className="flex flex-col gap-1">
            {props.exceptions.map((x) => (
              <li key={x.id} className="rounded border border-amber-300 bg-amber-50 p-2">
                {x.recipient}／{t.reason}：{x.reason}／{t.supervisorName}：{x.supervisorName}／{x.decidedAt}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.canWrite ? (
        <>
          <details className="mt-3">
            <summary className="cursor-pointer font-semibold">{t.record}</summary>
            <form
              className="mt-2 flex flex-col gap-2"
              aria-label={t.record}
              onSubmit={(e) => {
                e.preventDefault();
                const form = e.currentTarget;
                const data = new FormData(form);
                submit(
                  () =>
                    recordConsentAction(props.consultationId, {
                      agencyId: data.get("agencyId"),
                      recipient: data.get("recipient"),
                      scopeItems: data.getAll("scopeItems"),
                      scopeNote: data.get("scopeNote"),
                      agreedAt: data.get("agreedAt"),
                      words: data.get("words"),
                    }),
                  form,
                );
              }}
            >
              <RecipientFields agencies={props.agencies} prefix="consent" errors={errors} err={err} />
              <fieldset {...err("scopeItems")}>
                <legend className={labelClass}>{t.scope}</legend>
                <div className="flex flex-wrap gap-3">
                  {scopeItems.map((item) => (
                    <label key={item} className="flex items-center gap-1 text-sm">
                      <input type="checkbox" name="scopeItems" value={item} />
                      {t.scopeItems[item]}
                    </label>
                  ))}
                </div>
                <label htmlFor="consent-scopeNote" className={labelClass}>{t.scopeNote}</label>
                <input id="consent-scopeNote" name="scopeNote" className={inputClass} />
                <FieldError id="consent-err-scopeItems" message={errors.scopeItems} />
              </fieldset>
              <label htmlFor="consent-agreedAt" className={labelClass}>{t.agreedAt}</label>
              <input id="consent-agreedAt" type="datetime-local" name="agreedAt" defaultValue={props.nowLocal} className={inputClass} {...err("agreedAt")} />
              <FieldError id="consent-err-agreedAt" message={errors.agreedAt} />
              <label htmlFor="consent-words" className={labelClass}>{t.words}</label>
              <textarea id="consent-words" name="words" rows={2} className={inputClass} {...err("words")} />
              <FieldError id="consent-err-words" message={errors.words} />
              <button type="submit" className={secondaryButtonClass} disabled={pending}>{t.record}</button>
            </form>
          </details>
          <details className="mt-2">
            <summary className="cursor-pointer font-semibold">{t.exceptionTitle}</summary>
            <p className="text-sm text-slate-600">{t.exceptionHint}</p>
            <form
              className="mt-2 flex flex-col gap-2"
              aria-label={t.recordException}
              onSubmit={(e) => {
                e.preventDefault();
                const form = e.currentTarget;
                const data = new FormData(form);
                submit(
                  () =>
                    recordSharingExceptionAction(props.consultationId, {
                      agencyId: data.get("agencyId"),
                      recipient: data.get("recipient"),
                      reason: data.get("reason"),
                      supervisorName: data.get("supervisorName"),
                      decidedAt: data.get("decidedAt"),
                    }),
                  form,
                );
              }}
            >
              <RecipientFields agencies={props.agencies} prefix="exception" errors={errors} err={err} />
              <label htmlFor="exception-reason" className={labelClass}>{t.reason}</label>
              <textarea id="exception-reason" name="reason" rows={2} className={inputClass} {...err("reason")} />
              <FieldError id="consent-err-reason" message={errors.reason} />
              <label htmlFor="exception-supervisorName" className={labelClass}>{t.supervisorName}</label>
              <input id="exception-supervisorName" name="supervisorName" className={inputClass} {...err("supervisorName")} />
              <FieldError id="consent-err-supervisorName" message={errors.supervisorName} />
              <label htmlFor="exception-decidedAt" className={labelClass}>{t.decidedAt}</label>
              <input id="exception-decidedAt" type="datetime-local" name="decidedAt" defaultValue={props.nowLocal} className={inputClass} {...err("decidedAt")} />
              <FieldError id="consent-err-decidedAt" message={errors.decidedAt} />
              <button type="submit" className={secondaryButtonClass} disabled={pending}>{t.recordException}</button>
            </form>
          </details>
        </>
      ) : null}
      {state?.message ? <p role="status" className="mt-2 text-sm">{state.message}</p> : null}
      {errors.consentId ? <p role="alert" className="text-sm text-red-700">{errors.consentId}</p> : null}
    </section>
  );
}

function RecipientFields({ agencies, prefix, errors, err }: { agencies: { id: string; name: string }[]; prefix: string; errors: Record<string, string>; err: (key: string) => object }) {
  return (
    <>
      <label htmlFor={`${prefix}-agencyId`} className={labelClass}>{t.agency}</label>
      <select id={`${prefix}-agencyId`} name="agencyId" defaultValue="" className={inputClass} {...err("agencyId")}>
        <option value="">{ja.console.choose}</option>
        {agencies.map((a) => (
          <option key={a.id} value={a.id}>{a.name}</option>
        ))}
      </select>
      <FieldError id="consent-err-agencyId" message={errors.agencyId} />
      <label htmlFor={`${prefix}-recipient`} className={labelClass}>{t.recipientText}</label>
      <input id={`${prefix}-recipient`} name="recipient" className={inputClass} {...err("recipient")} />
      <FieldError id="consent-err-recipient" message={errors.recipient} />
    </>
  );
}
