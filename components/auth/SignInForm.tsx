"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FieldError } from "@/components/ui/FieldError";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { errorMessage, ja } from "@/lib/i18n/ja";

const schema = z.object({
  loginId: z.string().trim().min(1, ja.signIn.required),
  password: z.string().min(1, ja.signIn.required),
  code: z.string().trim().optional(),
});
type Values = z.infer<typeof schema>;

/** `returnTo`: the page the person was on when the idle timeout signed them out. */
export function SignInForm({ notice, returnTo = null }: { notice: string | null; returnTo?: string | null }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [showCode, setShowCode] = useState(false);
  const { register, handleSubmit, formState, setFocus } = useForm<Values>({ resolver: zodResolver(schema) });

  async function onSubmit(values: Values) {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok && !result.error) {
      router.replace(returnTo ?? "/");
      router.refresh();
      return;
    }
    const code = result?.error ?? "unexpected";
    if (code === "code_required" || code === "code_invalid") {
      setShowCode(true);
      setTimeout(() => setFocus("code"), 0);
    }
    setFailure(errorMessage(code));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4" aria-describedby="signin-status">
      <div id="signin-status" aria-live="polite">
        {failure ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-800">
            {failure}
          </p>
        ) : notice ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">{notice}</p>
        ) : null}
      </div>
      <div>
        <label htmlFor="loginId" className={labelClass}>
          {ja.signIn.loginId}
        </label>
        <input
          id="loginId"
          autoComplete="username"
          autoCapitalize="none"
          className={inputClass}
          aria-invalid={!!formState.errors.loginId}
          aria-describedby="loginId-error"
          {...register("loginId")}
        />
        <FieldError id="loginId-error" message={formState.errors.loginId?.message} />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          {ja.signIn.password}
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          className={inputClass}
          aria-invalid={!!formState.errors.password}
          aria-describedby="password-error"
          {...register("password")}
        />
        <FieldError id="password-error" message={formState.errors.password?.message} />
      </div>
      <div>
        {showCode ? null : (
          <button type="button" className="text-sm underline" onClick={() => setShowCode(true)}>
            {ja.signIn.code}
          </button>
        )}
        <div hidden={!showCode}>
          <label htmlFor="code" className={labelClass}>
            {ja.signIn.code}
          </label>
          <input id="code" inputMode="text" autoComplete="one-time-code" className={inputClass} {...register("code")} />
          <p className="mt-1 text-xs text-slate-600">{ja.signIn.codeHint}</p>
        </div>
      </div>
      <button type="submit" className={`${buttonClass} w-full`} disabled={formState.isSubmitting}>
        {formState.isSubmitting ? ja.signIn.submitting : ja.signIn.submit}
      </button>
    </form>
  );
}
