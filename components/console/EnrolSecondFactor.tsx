"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { confirmEnrolmentAction } from "@/app/_actions/account";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

export function EnrolSecondFactor({ qr, secret }: { qr: string; secret: string }) {
  const router = useRouter();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [pending, setPending] = useState(false);

  if (recoveryCodes) {
    return (
      <div className="mt-3">
        <h3 className="font-semibold">{ja.account.recoveryTitle}</h3>
        <p className="mt-1 text-sm">{ja.account.recoveryBody}</p>
        <ul className="mt-2 grid grid-cols-2 gap-1 font-mono" data-testid="recovery-codes">
          {recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <button type="button" className={`${buttonClass} mt-4`} onClick={() => router.push("/")}>
          {ja.account.continue}
        </button>
      </div>
    );
  }

  return (
    <form
      className="mt-3 space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        const result = await confirmEnrolmentAction(code);
        setPending(false);
        if (result.ok) setRecoveryCodes(result.recoveryCodes);
        else setError(result.message);
      }}
    >
      <p className="text-sm">{ja.account.steps}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server */}
      <img src={qr} alt={ja.account.qrAlt} width={220} height={220} />
      <p className="text-sm">
        {ja.account.secretLabel}: <code data-testid="totp-secret" className="break-all">{secret}</code>
      </p>
      <div>
        <label htmlFor="totp-code" className={labelClass}>
          {ja.account.code}
        </label>
        <input
          id="totp-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          className={inputClass}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-describedby="totp-code-error"
        />
        {error ? (
          <p id="totp-code-error" role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {ja.account.confirm}
      </button>
    </form>
  );
}
