import type { IntakeSummary } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";

/** The youth's intake answers in the labels of the version they answered, and their 「いちばん話したいこと」 as plain text. */
export function IntakePanel({ intake, note }: { intake: IntakeSummary | null; note: string | null }) {
  const t = ja.console;
  return (
    <section aria-labelledby="intake-title" className="text-sm" data-testid="intake">
      <h2 id="intake-title" className="font-bold">
        {t.intake}
      </h2>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 gap-y-1">
        <dt className="text-slate-600">{t.ageBand}</dt>
        <dd>{intake?.ageBand ?? t.unanswered}</dd>
        <dt className="text-slate-600">{t.gender}</dt>
        <dd>{intake?.gender ?? t.unanswered}</dd>
        <dt className="text-slate-600">{t.topics}</dt>
        <dd>{intake?.topics.length ? intake.topics.join(ja.inlineSeparator) : t.unanswered}</dd>
        <dt className="text-slate-600">{t.intakeConsent}</dt>
        <dd>{intake?.consent ? t.intakeConsentGiven : t.intakeConsentMissing}</dd>
        {note ? (
          <>
            <dt className="text-slate-600">{t.intakeNote}</dt>
            <dd className="whitespace-pre-wrap" data-testid="intake-note">
              {note}
            </dd>
          </>
        ) : null}
      </dl>
      {intake ? <p className="mt-1 text-xs text-slate-500">{t.intakeVersion(intake.version)}</p> : null}
    </section>
  );
}
