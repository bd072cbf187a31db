"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createStaffAction } from "@/app/_actions/staff";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { createStaffInputSchema, qualificationSchema, roleSchema } from "@/lib/auth/client";
import { ja } from "@/lib/i18n/ja";

type Values = z.input<typeof createStaffInputSchema>;
type Field = "loginId" | "displayName" | "role" | "qualifications" | "password";

export function CreateStaffForm() {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values>({
    resolver: zodResolver(createStaffInputSchema),
    defaultValues: { role: "counselor", qualifications: [] },
  });

  async function onSubmit(values: Values) {
    const result = await createStaffAction(values);
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field as Field, { message });
    setStatus(result.message ? { ok: result.ok, message: result.message } : null);
    if (result.ok) reset();
  }

  const err = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="mt-3 space-y-4 rounded-md border border-slate-200 bg-white p-4">
      <div>
        <label htmlFor="new-loginId" className={labelClass}>
          {ja.staffAdmin.loginId}
        </label>
        <input id="new-loginId" autoComplete="off" className={inputClass} aria-describedby="new-loginId-error" {...register("loginId")} />
        <FieldError id="new-loginId-error" message={err.loginId?.message} />
      </div>
      <div>
        <label htmlFor="new-displayName" className={labelClass}>
          {ja.staffAdmin.displayName}
        </label>
        <input id="new-displayName" className={inputClass} aria-describedby="new-displayName-error" {...register("displayName")} />
        <FieldError id="new-displayName-error" message={err.displayName?.message} />
      </div>
      <div>
        <label htmlFor="new-role" className={labelClass}>
          {ja.staffAdmin.role}
        </label>
        <select id="new-role" className={inputClass} {...register("role")}>
          {roleSchema.options.map((r) => (
            <option key={r} value={r}>
              {ja.roles[r]}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className={labelClass}>{ja.staffAdmin.qualifications}</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {qualificationSchema.options.map((q) => (
            <label key={q} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={q} {...register("qualifications")} />
              {ja.qualifications[q]}
            </label>
          ))}
        </div>
        <FieldError id="new-qualifications-error" message={err.qualifications?.message} />
      </fieldset>
      <div>
        <label htmlFor="new-password" className={labelClass}>
          {ja.staffAdmin.password}
        </label>
        <input id="new-password" type="password" autoComplete="new-password" className={inputClass} aria-describedby="new-password-error" {...register("password")} />
        <FieldError id="new-password-error" message={err.password?.message} />
      </div>
      {status ? (
        <p role="status" className={status.ok ? "text-green-800" : "text-red-700"}>
          {status.message}
        </p>
      ) : null}
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {ja.staffAdmin.create}
      </button>
    </form>
  );
}
