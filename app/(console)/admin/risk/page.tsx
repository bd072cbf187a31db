import { requireStaff } from "@/app/_server/guard";
import { RiskLexiconEditor } from "@/components/console/admin/RiskLexiconEditor";
import { SafetyContactForm } from "@/components/console/admin/SafetyContactForm";
import { SafetyReplyPreview } from "@/components/console/admin/SafetyReplyPreview";
import { SafetyTemplateEditor } from "@/components/console/admin/SafetyTemplateEditor";
import { TryPhrase } from "@/components/console/admin/TryPhrase";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { ja } from "@/lib/i18n/ja";
import { loadRiskLexicon } from "@/lib/risk";
import { isOnCallPagingConfigured, listSafetyContacts, listSafetyTemplates, previewSafetyReplies } from "@/lib/safety";

export const dynamic = "force-dynamic";

const at = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "short" });
const t = ja.riskAdmin;

/** The risk words (versioned), a phrase tester, the numbers and the wording of the safety reply, with its preview. */
export default async function Page() {
  const { staff } = await requireStaff("risk.manage");
  const db = await getDb();
  const pagingConfigured = isOnCallPagingConfigured(getConfig());
  const [lexicon, contacts, templates, preview] = await Promise.all([
    loadRiskLexicon(db),
    listSafetyContacts(db, { includeInactive: true }),
    listSafetyTemplates(db),
    previewSafetyReplies(db, { at: now(), pagingConfigured }),
  ]);
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-700">{t.lead}</p>
      <div className="mt-6 flex flex-col gap-10">
        <section aria-labelledby="risk-lexicon" data-testid="risk-lexicon">
          <h2 id="risk-lexicon" className="text-xl font-bold">
            {t.lexiconTitle}
          </h2>
          <p className="text-sm text-slate-600" data-testid="risk-lexicon-version">
            {t.version(lexicon.version, at.format(lexicon.createdAt))}
          </p>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{t.lexiconLead}</p>
          <TryPhrase />
          <RiskLexiconEditor version={lexicon.version} entries={lexicon.entries} />
        </section>
        <section aria-labelledby="safety-contacts" data-testid="safety-contacts">
          <h2 id="safety-contacts" className="text-xl font-bold">
            {t.contactsTitle}
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{t.contactsLead}</p>
          <div className="mt-3 flex flex-col gap-3">
            <SafetyContactForm nextOrder={(contacts.at(-1)?.sortOrder ?? 0) + 10} />
            {contacts.map((c) => (
              <SafetyContactForm key={c.id} initial={c} />
            ))}
          </div>
        </section>
        <section aria-labelledby="safety-templates" data-testid="safety-templates">
          <h2 id="safety-templates" className="text-xl font-bold">
            {t.templatesTitle}
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{t.templatesLead}</p>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{pagingConfigured ? t.pagingOn : t.pagingOff}</p>
          <div className="mt-3 flex flex-col gap-3">
            {templates.map((template) => (
              <SafetyTemplateEditor key={template.kind} {...template} />
            ))}
          </div>
          <SafetyReplyPreview inHours={preview.inHours} outOfHours={preview.outOfHours} />
        </section>
      </div>
    </StaffShell>
  );
}
