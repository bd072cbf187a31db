import { ja } from "@/lib/i18n/ja";

const t = ja.audit;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const timeFormat = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "short", timeStyle: "medium" });

/** Names for the ids an entry mentions: staff display names and consultations' pseudonyms. */
export interface AuditNames {
  staff: Map<string, string>;
  consultations: Map<string, string>;
}

export interface AuditDetailLine {
  label: string;
  value: string;
}

export function labelAuditAction(action: string): string {
  return t.actions[action] ?? (t.targets.other as string);
}

export function formatAuditTime(at: Date): string {
  return timeFormat.format(at);
}

const actorWords: Record<string, string> = { system: t.system, "command line": t.commandLine, youth: t.youth, seed: t.seed, unknown: t.unknownPerson };

export function describeAuditActor(row: { actorId: string | null; actorLogin: string | null }, names: AuditNames): string {
  if (row.actorId) return names.staff.get(row.actorId) ?? row.actorLogin ?? t.none;
  if (!row.actorLogin) return t.none;
  return actorWords[row.actorLogin] ?? row.actorLogin;
}

/** "consultation:<uuid>" becomes 相談（仮名）; other kinds of target are named by their kind, never by an id. */
export function describeAuditTarget(target: string | null, names: AuditNames): string {
  if (!target) return t.none;
  const [kind = "", id = ""] = target.split(":");
  if (kind === "consultation") {
    const pseudonym = names.consultations.get(id);
    return pseudonym ? (t.targets.consultation as (n: string) => string)(pseudonym) : (t.targets.consultationGone as string);
  }
  if (kind === "staff") {
    const name = names.staff.get(id);
    return name ? (t.targets.staff as (n: string) => string)(name) : (t.targets.staffGone as string);
  }
  const rest = target.split(":").slice(1);
  if (kind === "form" || kind === "risk_lexicon") return `${t.targets[kind] as string}（${t.detailLabels.version} ${rest.at(-1)}）`;
  const label = t.targets[kind];
  return typeof label === "string" ? label : (t.targets.other as string);
}

function formatValue(value: unknown, names: AuditNames): string | null {
  if (value === null || value === undefined) return t.none;
  if (typeof value === "boolean") return value ? t.yes : t.no;
  if (typeof value === "number") return value.toLocaleString("ja-JP");
  if (typeof value === "string") {
    if (UUID.test(value)) return names.staff.get(value) ?? names.consultations.get(value) ?? null;
    if (ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) return formatAuditTime(new Date(value));
    return t.detailValues[value] ?? t.actions[value] ?? value;
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => formatValue(v, names)).filter((v) => v !== null);
    return items.length === 0 ? t.none : items.join("、");
  }
  if (typeof value === "object") {
    const tables = ja.destruction.tables as Record<string, string>;
    const parts = Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => {
      const label = t.detailLabels[key] ?? tables[key];
      const shown = typeof v === "object" && v !== null ? null : formatValue(v, names);
      return label && shown !== null ? [`${label} ${shown}`] : [];
    });
    return parts.length === 0 ? null : parts.join("、");
  }
  return null;
}

/**
 * The details as lines a clerk reads. Only fields with a Japanese name are shown, and ids appear only as the
 * name or pseudonym they stand for: the details never carry personal content, and the screen adds none.
 */
export function describeAuditDetails(details: Record<string, unknown>, names: AuditNames): AuditDetailLine[] {
  return Object.entries(details).flatMap(([key, value]) => {
    const label = t.detailLabels[key];
    const shown = label ? formatValue(value, names) : null;
    return label && shown !== null ? [{ label, value: shown }] : [];
  });
}
