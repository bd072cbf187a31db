import { ja } from "@/lib/i18n/ja";

const separators = new RegExp(`[${ja.listSeparator},，]`);

/** A list an admin types in one field, items apart by 「、」 or a comma: the items, trimmed, blanks dropped. */
export function splitListText(text: string): string[] {
  return text
    .split(separators)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The items as one field's or sentence's text, joined the way `splitListText` reads them. */
export function joinListText(items: readonly string[]): string {
  return items.join(ja.listSeparator);
}
