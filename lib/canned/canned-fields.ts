/**
 * Fields a 定型文 may contain, filled in when a counselor inserts it, so the youth never reads a
 * template's blank. The names are Japanese because the admin who writes the text types them.
 */
export const CANNED_FIELDS = ["相談員名", "今日の終了時刻"] as const;
type CannedField = (typeof CANNED_FIELDS)[number];
type CannedFieldValues = Partial<Record<CannedField, string>>;

const FIELD = /\{([^{}\n]{1,20})\}/g;

/** Replaces every known field that has a value; unknown fields and fields without a value stay as typed. */
export function fillCannedFields(text: string, values: CannedFieldValues): string {
  return text.replace(FIELD, (whole, name: string) => {
    const value = (values as Record<string, string | undefined>)[name.trim()];
    return value ? value : whole;
  });
}

/**
 * Blanks left for the counselor to fill: a `{…}` field, or a run of 〇, ○, ＊, asterisks or × that template
 * writers use for "name goes here". A single ○ or ＊ can be ordinary text (a bullet, a mark), so only runs of two count.
 */
const BLANK = /\{[^{}\n]{1,20}\}|[〇○◯]{2,}|[＊*]{2,}|[×✕]{2,}/g;

export function findUnfilledPlaceholders(text: string): string[] {
  return [...new Set(text.match(BLANK) ?? [])];
}
