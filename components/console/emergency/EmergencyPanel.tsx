import { toJstDateTimeInput, type EmergencyView } from "@/lib/emergencies";
import { ja } from "@/lib/i18n/ja";
import { ChecklistForm } from "./ChecklistForm";
import { ContactLog } from "./ContactLog";
import { EndEmergencyForm } from "./EndEmergencyForm";
import { JoinEmergencyButton } from "./JoinEmergencyButton";

const t = ja.emergency;

/**
 * The emergency under way on a conversation (or ended): who started and joined, the checklist, the
 * contact log with its add form, and the end form. Responders (the holder, supervisors) edit it.
 */
export function EmergencyPanel({
  emergency,
  kinds,
  canAct,
  canJoin,
  nowInput,
  reportHref,
  format,
}: {
  emergency: EmergencyView;
  kinds: { id: string; label: string }[];
  canAct: boolean;
  canJoin: boolean;
  nowInput: string;
  reportHref: string | null;
  format: (at: Date | null) => string;
}) {
  const active = emergency.endedAt === null;
  const editable = active && canAct;
  return (
    <section aria-labelledby="emergency-title" className="flex flex-col gap-3 rounded-md border-2 border-red-600 bg-white p-3" data-testid="emergency-panel">
      <h2 id="emergency-title" className="text-lg font-bold text-red-800">
        {t.title}
      </h2>
      <ul className="text-sm">
        <li>{t.startedBy(emergency.startedByName, format(emergency.startedAt))}</li>
        {emergency.joinedByName ? <li data-testid="emergency-joined">{t.joinedBy(emergency.joinedByName, format(emergency.joinedAt))}</li> : active ? <li>{t.waitingForSupervisor}</li> : null}
        {emergency.endedAt ? <li>{t.ended(format(emergency.endedAt))}</li> : null}
      </ul>
      {canJoin && active && !emergency.joinedBy ? <JoinEmergencyButton emergencyId={emergency.id} label={`${t.join}（${emergency.pseudonym}）`} /> : null}
      <ChecklistForm emergencyId={emergency.id} checklist={emergency.checklist} disabled={!editable} />
      <ContactLog
        emergencyId={emergency.id}
        kinds={kinds}
        nowInput={nowInput}
        disabled={!editable}
        contacts={emergency.contacts.map((c) => ({ ...c, contactedAt: format(c.contactedAt), cityNotifiedAt: format(c.cityNotifiedAt), cityNotifiedAtInput: c.cityNotifiedAt ? toJstDateTimeInput(c.cityNotifiedAt) : "" }))}
      />
      {editable ? <EndEmergencyForm emergencyId={emergency.id} /> : null}
      {emergency.summary && !active ? (
        <p className="whitespace-pre-wrap text-sm">
          <span className="font-medium">{t.summary}: </span>
          {emergency.summary}
        </p>
      ) : null}
      {reportHref ? (
        <a href={reportHref} className="text-brand-700 underline" download>
          {t.report}
        </a>
      ) : null}
    </section>
  );
}
