"use client";

import { useRef } from "react";
import { useFieldArray, type ArrayPath, type Control, type FieldArray, type FieldValues, type Path, type UseFormRegister } from "react-hook-form";
import { FieldError } from "@/components/ui/FieldError";
import { errorClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import { describedBy, type Issues } from "./issues";

const t = ja.scheduleAdmin.timeframes;
const timeInputClass = "mt-1 block w-24 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-base tabular-nums aria-invalid:border-red-600";

/**
 * One day's timeframes as editable rows. Each field's name says which day and row ("土曜日 2つ目の
 * 開始") while its visible label stays short. Times are text, not <input type="time">: the
 * evening shift ends at 24:00, which a time input cannot hold.
 */
export function TimeframeRows<T extends FieldValues>(props: {
  control: Control<T>;
  register: UseFormRegister<T>;
  name: ArrayPath<T>;
  label: string;
  idPrefix: string;
  issues: Issues;
}) {
  const { control, register, name, label, idPrefix, issues } = props;
  const { fields, append, remove } = useFieldArray({ control, name });
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <fieldset className="rounded-md border border-slate-200 bg-white p-3">
      <legend className="px-1 font-medium">{label}</legend>
      {fields.length === 0 ? <p className="text-sm text-slate-500">{t.none}</p> : null}
      <ul className="space-y-2">
        {fields.map((field, index) => {
          const row = `${name}.${index}`;
          const message = [issues[row], issues[`${row}.start`], issues[`${row}.end`]].filter(Boolean).join(" ") || undefined;
          const errorId = `${idPrefix}-${index}-error`;
          return (
            <li key={field.id}>
              <div className="flex flex-wrap items-end gap-2">
                <div>
                  <label htmlFor={`${idPrefix}-${index}-start`} className="text-xs text-slate-600">
                    {t.start}
                  </label>
                  <input
                    id={`${idPrefix}-${index}-start`}
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder={t.placeholderStart}
                    aria-label={t.fieldLabel(label, index + 1, t.start)}
                    className={timeInputClass}
                    {...describedBy(issues[row] ?? issues[`${row}.start`], errorId)}
                    {...register(`${row}.start` as Path<T>)}
                  />
                </div>
                <span aria-hidden="true" className="pb-2">
                  〜
                </span>
                <div>
                  <label htmlFor={`${idPrefix}-${index}-end`} className="text-xs text-slate-600">
                    {t.end}
                  </label>
                  <input
                    id={`${idPrefix}-${index}-end`}
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder={t.placeholderEnd}
                    aria-label={t.fieldLabel(label, index + 1, t.end)}
                    className={timeInputClass}
                    {...describedBy(issues[row] ?? issues[`${row}.end`], errorId)}
                    {...register(`${row}.end` as Path<T>)}
                  />
                </div>
                <button
                  type="button"
                  className={secondaryButtonClass}
                  aria-label={t.removeLabel(label, index + 1)}
                  onClick={() => {
                    remove(index);
                    // The removed row held the focus; keep keyboard users in this day's group.
                    addButton.current?.focus();
                  }}
                >
                  {t.remove}
                </button>
              </div>
              {message ? (
                <p id={errorId} role="alert" className={errorClass}>
                  {message}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <button
        ref={addButton}
        type="button"
        aria-label={t.addLabel(label)}
        className={`${secondaryButtonClass} mt-2`}
        onClick={() => append({ start: "", end: "" } as FieldArray<T, ArrayPath<T>>)}
      >
        {t.add}
      </button>
      <FieldError id={`${idPrefix}-error`} message={issues[name]} />
    </fieldset>
  );
}
