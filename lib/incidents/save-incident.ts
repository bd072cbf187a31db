import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { incidents } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { decryptField, encryptField, type Keyring } from "@/lib/crypto";
import { IncidentChangedError, IncidentNotFoundError } from "./errors";
import { incidentInputSchema, type IncidentFields, type IncidentInput, type IncidentVersion } from "./incident-input";

const editableFields = ["kind", "discoveredAt", "scope", "actions", "cityNotifiedAt"] as const;

const sameValue = (a: string | Date | null, b: string | Date | null) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/**
 * Records a new incident (no `id`) or saves a change to one (the time the city was told, more actions…).
 * A change must carry the `updatedAt` its form was loaded with; if someone saved in between, it is refused.
 * The audit records the kind, the two times and, for a change, the names of the fields that changed;
 * never the scope or actions themselves.
 */
export async function saveIncident(
  db: Db,
  input: IncidentInput & IncidentVersion,
  actor: Actor,
  deps: { keyring: Keyring; at: Date },
): Promise<{ id: string; updatedAt: Date }> {
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
    let changed: string[] | undefined;
    if (input.id) {
      const [stored] = await tx.select().from(incidents).where(eq(incidents.id, input.id)).for("update");
      if (!stored) throw new IncidentNotFoundError();
      if (stored.updatedAt.getTime() !== input.updatedAt.getTime()) throw new IncidentChangedError();
      const before: IncidentFields = { ...stored, scope: decryptField(deps.keyring, stored.scopeEnc), actions: decryptField(deps.keyring, stored.actionsEnc) };
      changed = editableFields.filter((field) => !sameValue(before[field], fields[field]));
    }
    const [row] = input.id
      ? await tx.update(incidents).set(values).where(eq(incidents.id, input.id)).returning({ id: incidents.id })
      : await tx.insert(incidents).values({ ...values, recordedAt: deps.at, recordedBy: actor.id }).returning({ id: incidents.id });
    if (!row) throw new IncidentNotFoundError();
    await appendAudit(tx, {
      action: input.id ? "incident.updated" : "incident.recorded",
      actor,
      target: `incident:${row.id}`,
      details: {
        kind: fields.kind,
        discoveredAt: fields.discoveredAt.toISOString(),
        cityNotifiedAt: fields.cityNotifiedAt?.toISOString() ?? null,
        ...(changed ? { changed } : {}),
      },
    });
    return { id: row.id, updatedAt: deps.at };
  });
}
