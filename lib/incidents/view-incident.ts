import type { Db } from "@/db";
import type { Keyring } from "@/lib/crypto";
import { selectIncidents, type IncidentView } from "./list-incidents";

/** One incident, decrypted, for its 事故報告書; null when there is none with that id. */
export async function viewIncident(db: Db, id: string, keyring: Keyring): Promise<IncidentView | null> {
  const [incident] = await selectIncidents(db, keyring, id);
  return incident ?? null;
}
