import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { safetyContacts } from "@/db/schema";

export interface SafetyContact {
  id: string;
  label: string;
  number: string;
  note: string;
  sortOrder: number;
  active: boolean;
}

/** The numbers in display order; youth-facing callers take only the active ones. */
export async function listSafetyContacts(tx: DbOrTx, options: { includeInactive?: boolean } = {}): Promise<SafetyContact[]> {
  const columns = { id: safetyContacts.id, label: safetyContacts.label, number: safetyContacts.number, note: safetyContacts.note, sortOrder: safetyContacts.sortOrder, active: safetyContacts.active };
  const query = tx.select(columns).from(safetyContacts);
  return (options.includeInactive ? query : query.where(eq(safetyContacts.active, true))).orderBy(asc(safetyContacts.sortOrder), asc(safetyContacts.label));
}
