"use client";

import { useState, useTransition } from "react";
import { tryPhraseAction } from "@/app/_actions/risk";
import { joinListText } from "@/components/ui/list-text";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import type { RiskAssessment } from "@/lib/risk";

const t = ja.riskAdmin;

/** Tries a phrase against the saved words: the level and which terms matched. */
export function TryPhrase() {
  const [text, setText] = useState("");
  const [result, setResult] = useState<RiskAssessment | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="mt-4 flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3"
      aria-labelledby="try-phrase-title"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => setResult(await tryPhraseAction({ text })));
      }}
    >
      <h3 id="try-phrase-title" className="font-semibold">
        {t.tryTitle}
      </h3>
      <label htmlFor="try-phrase" className={labelClass}>
        {t.tryLabel}
      </label>
      <input id="try-phrase" value={text} onChange={(e) => setText(e.target.value)} className={inputClass} />
      <div>
        <button type="submit" className={buttonClass} disabled={pending || text.trim() === ""}>
          {t.tryButton}
        </button>
      </div>
      {result ? (
        // The live region wraps the list: role=status on the <dl> itself took its list role away from the <dt>/<dd>.
        <div role="status">
          <dl className="text-sm" data-testid="try-phrase-result">
            <dt className="font-medium">{t.tryLevel}</dt>
            <dd data-testid="try-phrase-level">{t.resultLevels[result.level]}</dd>
            <dt className="font-medium">{t.tryMatched}</dt>
            <dd data-testid="try-phrase-matched">{result.matched.length > 0 ? joinListText(result.matched) : t.tryNone}</dd>
          </dl>
        </div>
      ) : null}
    </form>
  );
}
