import { sql, type SQL } from "drizzle-orm";
import { consultations } from "@/db/schema";

/**
 * Whether the youth behind this consultation had an earlier one that was high-risk or recorded as an
 * emergency: the queue and the conversation mark them, so the next counselor starts from that.
 */
export function earlierAtRisk(): SQL<boolean> {
  return sql<boolean>`exists (select 1 from consultations e left join consultation_records r on r.consultation_id = e.id
    where e.youth_id = ${consultations.youthId} and e.id <> ${consultations.id} and e.status = 'closed' and (e.priority >= 2 or r.emergency is true))`;
}
