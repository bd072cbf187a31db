"use client";

import { useState, useTransition } from "react";
import { addContactAction } from "@/app/_actions/emergency";
import { CityNotifiedForm } from "./CityNotifiedForm";
import { FieldError } from "@/components/ui/FieldError";
import { inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

const t = ja.emergency;

export interface ContactRow {
  id: string;
  kindLabel: string;
  contactedAt: string;
  contactedByName: string;
  number: string;
  result: string;
  cityNotifiedAt: string;
  /** The same time as an <input type="datetime-local"> value ("" when not yet told). */
  cityNotifiedAtInput: string;
}

const empty = (nowInput: string) => ({ kindId: "", contactedAt: nowInput, number: "", result: "", cityNotifiedAt: "" });

/**
 * Who was contacted, when, by whom, with which number and result, and when the city was told (editable on
 * each entry while the emergency is open); an add form below.
 */
export function ContactLog({ emergencyId, contacts, kinds, nowInput, disabled }: { emergencyId: string; contacts: ContactRow[]; kinds: { id: string; label: string }[]; nowInput: string; disabled: boolean }) {
  const [form, setForm] = useState(empty(nowInput));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const field = (name: keyof typeof form) => ({
    id: `contact-${name}`,
    value: form[name],
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `contact-${name}-error` : undefined,
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    className: inputClass,
  });
  return (
    <div className="flex flex-col gap-2">
      <h3 className="font-bold">{t.contactsTitle}</h3>
      {contacts.length === 0 ? (
        <p className="text-sm text-slate-600">{t.noContacts}</p>
      ) : (
        // The panel is a narrow column: the table scrolls sideways rather than squeezing the date fields.
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm" data-testid="emergency-contacts">
            <thead>
              <tr className="border-b text-left">
                <th className="p-1">{t.contactKind}</th>
                <th className="p-1">{t.contactedAt}</th>
                <th className="p-1">{t.contactedBy}</th>
                <th className="p-1">{t.number}</th>
                <th className="p-1">{t.result}</th>
                <th className="p-1">{t.cityNotifiedAt}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id} className="border-b align-top">
                  <td className="p-1">{c.kindLabel}</td>
                  <td className="p-1">{c.contactedAt}</td>
                  <td className="p-1">{c.contactedByName}</td>
                  <td className="p-1">{c.number}</td>
                  <td className="whitespace-pre-wrap p-1">{c.result}</td>
                  <td className="p-1" data-testid="city-notified">
                    {disabled ? c.cityNotifiedAt : <CityNotifiedForm contactId={c.id} value={c.cityNotifiedAtInput} label={t.cityNotifiedFor(c.kindLabel, c.contactedAt)} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {disabled ? null : (
        <form
          noValidate
          aria-label={t.addContact}
          className="grid gap-2 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            start(async () => {
              const result = await addContactAction(emergencyId, form);
              setErrors(result.fieldErrors ?? {});
              setMessage(result.message);
              if (result.ok) setForm(empty(nowInput));
            });
          }}
        >
          <div>
            <label htmlFor="contact-kindId" className={labelClass}>
              {t.contactKind}
            </label>
            <select {...field("kindId")}>
              <option value="">{t.chooseKind}</option>
              {kinds.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
            </select>
            <FieldError id="contact-kindId-error" message={errors.kindId} />
          </div>
          <div>
            <label htmlFor="contact-contactedAt" className={labelClass}>
              {t.contactedAt}
            </label>
            <input type="datetime-local" {...field("contactedAt")} />
            <FieldError id="contact-contactedAt-error" message={errors.contactedAt} />
          </div>
          <div>
            <label htmlFor="contact-number" className={labelClass}>
              {t.number}
            </label>
            <input type="tel" {...field("number")} />
            <FieldError id="contact-number-error" message={errors.number} />
          </div>
          <div>
            <label htmlFor="contact-cityNotifiedAt" className={labelClass}>
              {t.cityNotifiedAt}
            </label>
            <input type="datetime-local" {...field("cityNotifiedAt")} />
            <FieldError id="contact-cityNotifiedAt-error" message={errors.cityNotifiedAt} />
          </div>
          <div className="sm:col-span-2">
            <label htmlFor="contact-result" className={labelClass}>
              {t.result}
            </label>
            <textarea rows={2} {...field("result")} />
            <FieldError id="contact-result-error" message={errors.result} />
          </div>
          <div className="sm:col-span-2 flex items-center gap-2">
            <button type="submit" className={secondaryButtonClass} disabled={pending}>
              {t.addContact}
            </button>
            {message ? <p role="status" className="text-sm">{message}</p> : null}
          </div>
        </form>
      )}
    </div>
  );
}
