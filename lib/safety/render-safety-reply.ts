import type { DbOrTx } from "@/db";
import { fillTemplate } from "@/lib/autoreply";
import { findCurrentSession, findNextOpening, formatSessionJa } from "@/lib/schedule";
import { loadCurrentSchedule } from "@/lib/schedule/store";
import { listSafetyContacts, type SafetyContact } from "./list-safety-contacts";
import { listSafetyTemplates } from "./list-safety-templates";
import { safetyTemplateTokens } from "./templates";

export interface SafetyReply {
  /** What happens next, in the admins' wording; never anything the youth wrote. */
  text: string;
  /** The active numbers, in order: LINE shows them as dial buttons, the secure chat as tel: links. */
  contacts: SafetyContact[];
}

/**
 * The safety reply for a youth writing at `at`: in hours a counselor answers first; out of hours it
 * names the next session and, only when on-call paging is configured, that staff have been told.
 */
export async function renderSafetyReply(tx: DbOrTx, input: { at: Date; pagingConfigured: boolean }): Promise<SafetyReply> {
  const [stored, templates, contacts] = await Promise.all([loadCurrentSchedule(tx), listSafetyTemplates(tx), listSafetyContacts(tx)]);
  const body = Object.fromEntries(templates.map((t) => [t.kind, t.body])) as Record<(typeof templates)[number]["kind"], string>;
  const schedule = stored?.schedule ?? null;
  const staffTold = input.pagingConfigured ? body.staff_told : "";
  if (schedule && findCurrentSession(schedule, input.at)) return { text: fillTemplate(body.in_hours, { [safetyTemplateTokens.staffTold]: staffTold }), contacts };
  const next = schedule ? findNextOpening(schedule, input.at) : null;
  const text = next
    ? fillTemplate(body.out_of_hours, { [safetyTemplateTokens.nextOpening]: formatSessionJa(next, input.at), [safetyTemplateTokens.staffTold]: staffTold })
    : fillTemplate(body.no_session, { [safetyTemplateTokens.nextOpening]: "", [safetyTemplateTokens.staffTold]: staffTold });
  return { text, contacts };
}
