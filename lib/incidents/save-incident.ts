import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { incidents } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { encryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { IncidentNotFoundError } from "./errors";
import { incidentInputSchema, type IncidentInput } from "./incident-input";

/**
 * Records a new incident (no `id`) or saves a change to one (the time the city was told, more actions…).
 * The audit names the kind in Japanese, the times and which fields changed, never the scope or actions.
 */
export async function saveIncident(db: Db, input: IncidentInput & { id?: string }, actor: Actor, deps: { keyring: Keyring; at: Date }): Promise<string> {
  const fields = incidentInputSchema.parse(input);
  const values = {
    kind: fields.kind,
    discoveredAt: fields.discoveredAt,
    scopeEnc: encryptField(deps.keyring, fields.scope),
    actionsEnc: encryptField(deps.keyring, fields.actions),
    cityNotifiedAt: fields.cityNotifiedAt,
    updatedAt: deps.at,
    updatedBy: actor.id,
  };
  return db.transaction(async (tx) => {
    const [row] = input.id
      ? await tx.update(incidents).set(values).where(eq(incidents.id, input.id)).returning({ id: incidents.id })
      : await tx.insert(incidents).values({ ...values, recordedAt: deps.at, recordedBy: actor.id }).returning({ id: incidents.id });
    if (!row) throw new IncidentNotFoundError();
    await appendAudit(tx, {
      action: input.id ? "incident.updated" : "incident.recorded",
      actor,
      target: `incident:${row.id}`,
      details: {
        種類: ja.incidents.kinds[fields.kind],
        発見: fields.discoveredAt.toISOString(),
        市へ報告: fields.cityNotifiedAt?.toISOString() ?? null,
      },
    });
    return row.id;
  });
}
