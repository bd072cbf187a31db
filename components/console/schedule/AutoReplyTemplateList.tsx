import type { AutoReplyTemplate } from "@/lib/autoreply";
import { templateVariables, type WaitingSettings } from "@/lib/autoreply/client";
import { ja } from "@/lib/i18n/ja";
import { TemplateEditor } from "./TemplateEditor";
import { WaitingSettingsForm } from "./WaitingSettingsForm";

const t = ja.scheduleAdmin.templates;

export function AutoReplyTemplateList({ templates, waiting }: { templates: AutoReplyTemplate[]; waiting: WaitingSettings }) {
  return (
    <div className="space-y-4">
      <WaitingSettingsForm initial={waiting} />
      <div className="rounded-md border border-slate-200 bg-white p-3">
        <h3 className="text-sm font-semibold">{t.variables}</h3>
        <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {(Object.keys(templateVariables) as (keyof typeof templateVariables)[]).map((name) => (
            <div key={name} className="contents">
              <dt className="font-mono">{templateVariables[name]}</dt>
              <dd className="text-slate-700">{t.variableHelp[name]}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {templates.map((template) => (
          <TemplateEditor key={template.kind} kind={template.kind} body={template.body} isDefault={template.isDefault} />
        ))}
      </div>
    </div>
  );
}
