import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

const t = ja.forms.errors;

/**
 * The kinds of versioned form: what a youth answers on arrival, what a counselor records at closing,
 * and the survey a youth may answer once the consultation ended.
 */
export const formKinds = ["intake", "record", "survey"] as const;
export type FormKind = (typeof formKinds)[number];

/**
 * LINE shows at most 13 quick-reply buttons; the line-mode intake offers one per active choice and
 * keeps one for 「これで全部」, so a field may have at most 12 choices in use.
 */
export const MAX_ACTIVE_CHOICES = 12;
/** A quick-reply button's label is at most 20 characters in LINE. */
export const MAX_CHOICE_LABEL = 20;

/** The outcomes the database's record_outcome enum holds and the record rules refer to (referral, emergency). */
export const recordOutcomes = ["advice", "referral", "emergency", "phone", "continued", "ended_by_youth"] as const;

/**
 * A choice: a stable, machine-readable id (reports count ids, so an id is never renamed or removed,
 * only retired) and the Japanese label people see.
 */
export const choiceSchema = z.object({
  id: z.string({ error: t.choiceId }).regex(/^[a-z][a-z0-9_]{0,39}$/, { error: t.choiceId }),
  label: z.string({ error: t.label }).trim().min(1, { error: t.label }).max(MAX_CHOICE_LABEL, { error: t.choiceLabelTooLong }),
  retired: z.boolean().default(false),
});
export type Choice = z.infer<typeof choiceSchema>;

const text = (max: number) => z.string({ error: t.label }).trim().min(1, { error: t.label }).max(max, { error: t.tooLong(max) });

/**
 * The record form is never sent as LINE quick replies, so its fields may offer more choices than the
 * youth's forms (its topics list 自殺念慮・自傷 and メンタル不調 beside the issue-5 categories).
 */
export const MAX_RECORD_CHOICES = 20;

const choiceFieldWith = (maxActive: number) =>
  z.object({ label: text(40), choices: z.array(choiceSchema).min(1, { error: t.noChoices }).max(40) }).superRefine((field, ctx) => {
    const seen = new Set<string>();
    field.choices.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: "custom", path: ["choices", i, "id"], message: t.duplicateId });
      seen.add(c.id);
    });
    const active = field.choices.filter((c) => !c.retired).length;
    if (active === 0) ctx.addIssue({ code: "custom", path: ["choices"], message: t.noChoices });
    if (active > maxActive) ctx.addIssue({ code: "custom", path: ["choices"], message: t.tooManyChoices(maxActive) });
  });
export const choiceFieldSchema = choiceFieldWith(MAX_ACTIVE_CHOICES);
const recordChoiceFieldSchema = choiceFieldWith(MAX_RECORD_CHOICES);
export type ChoiceField = z.infer<typeof choiceFieldSchema>;

export const intakeDefinitionSchema = z.object({
  kind: z.literal("intake"),
  ageBand: choiceFieldSchema,
  gender: choiceFieldSchema,
  topics: choiceFieldSchema,
  /** 相談者の属性 (本人, 保護者, …), optional for the youth. Absent from versions saved before it existed. */
  requester: choiceFieldSchema.optional(),
  /** 「いちばん話したいこと」: optional free text. */
  note: z.object({ label: text(60), hint: z.string().trim().max(200, { error: t.tooLong(200) }).default("") }),
  /** The terms the youth agrees to: privacy, the emergency exception (R10), the consent rule (R11). */
  consent: z.object({ title: text(40), body: text(2000), agree: text(40) }),
});
export type IntakeDefinition = z.infer<typeof intakeDefinitionSchema>;

const outcomeFieldSchema = choiceFieldSchema.superRefine((field, ctx) => {
  field.choices.forEach((c, i) => {
    if (!(recordOutcomes as readonly string[]).includes(c.id)) ctx.addIssue({ code: "custom", path: ["choices", i, "id"], message: t.fixedOutcome });
  });
});

export const recordDefinitionSchema = z.object({
  kind: z.literal("record"),
  ageBand: choiceFieldSchema,
  gender: choiceFieldSchema,
  topics: recordChoiceFieldSchema,
  /** Ids are fixed (a database enum and the record's rules use them); labels may change and choices may retire. */
  outcome: outcomeFieldSchema,
  /** 相談者の属性; the intake's ids. Absent from versions saved before it existed (the form then does not ask). */
  requester: recordChoiceFieldSchema.optional(),
  /** 対応の内容 in detail, several may apply (傾聴・助言, 情報提供, 他機関紹介, …). Absent from older versions. */
  actions: recordChoiceFieldSchema.optional(),
});
export type RecordDefinition = z.infer<typeof recordDefinitionSchema>;

/**
 * 利用者アンケート: asked once after a consultation ends, every question optional. Its choices are
 * LINE quick replies in line mode, so they keep the youth forms' limits.
 */
export const surveyDefinitionSchema = z.object({
  kind: z.literal("survey"),
  /** The invitation: why we ask, that it is optional and anonymous. */
  intro: text(300),
  /** 満足度, five steps from best to worst. */
  satisfaction: choiceFieldSchema,
  /** 「また相談したいと思いますか」 */
  again: choiceFieldSchema,
  comment: z.object({ label: text(60), hint: z.string().trim().max(200, { error: t.tooLong(200) }).default("") }),
  /** Said once the youth answered (or answered before, or too late). */
  thanks: text(300),
});
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

export const formDefinitionSchema = z.discriminatedUnion("kind", [intakeDefinitionSchema, recordDefinitionSchema, surveyDefinitionSchema]);
export type FormDefinition = z.infer<typeof formDefinitionSchema>;
export type DefinitionOf<K extends FormKind> = K extends "intake" ? IntakeDefinition : K extends "record" ? RecordDefinition : SurveyDefinition;

/** The choice fields of each kind, in the order forms show them (optional ones may be absent from older versions). */
export const choiceFieldsOf = {
  intake: ["ageBand", "gender", "topics", "requester"],
  record: ["ageBand", "gender", "topics", "outcome", "requester", "actions"],
  survey: ["satisfaction", "again"],
} as const satisfies Record<FormKind, readonly string[]>;

/** The ids a person may pick now: retired choices stay readable in old answers but are no longer offered. */
export function activeChoiceIds(field: ChoiceField): string[] {
  return field.choices.filter((c) => !c.retired).map((c) => c.id);
}

/** The label of a stored answer; an id the version does not know is shown as itself rather than hidden. */
export function choiceLabel(field: ChoiceField, id: string): string {
  return field.choices.find((c) => c.id === id)?.label ?? id;
}

/** A zod enum over a field's active choices, with one message for "missing" and "not a choice". */
export function choiceEnum(field: ChoiceField, message: string) {
  const ids = activeChoiceIds(field);
  return z.enum(ids as [string, ...string[]], { error: message });
}
