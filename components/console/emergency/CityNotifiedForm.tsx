"use client";

import { useState, useTransition } from "react";
import { recordCityNotificationAction } from "@/app/_actions/emergency";
import { FieldError } from "@/components/ui/FieldError";
import { secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

const t = ja.emergency;

/** Sets or corrects, on a logged contact, when the city was told (often later than the call itself). */
export function CityNotifiedForm({ contactId, value, label }: { contactId: string; value: string; label: string }) {
  const [input, setInput] = useState(value);
  // Another responder's save arrives by live refresh: show it, without remounting away this form's message.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setInput(value);
  }
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const id = `city-notified-${contactId}`;
  return (
    <form
      noValidate
      className="flex flex-col gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await recordCityNotificationAction(contactId, input);
          setError(result.fieldErrors?.cityNotifiedAt);
          setMessage(result.fieldErrors ? null : result.message);
        });
      }}
    >
      <input
        id={id}
        type="datetime-local"
        aria-label={label}
        value={input}
        onChange={(e) => setInput(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="w-full rounded-md border border-slate-300 bg-white px-1 py-1 text-sm aria-invalid:border-red-600"
      />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {t.cityNotifiedSave}
      </button>
      <FieldError id={`${id}-error`} message={error} />
      {message ? (
        <p role="status" className="text-sm">
          {message}
        </p>
      ) : null}
    </form>
  );
}
