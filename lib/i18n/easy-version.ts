import { easy } from "./easy";
import { ja } from "./ja";

/** Standard wording -> easy wording, found by walking ja and the easy dictionary side by side. */
function pairTexts(standard: unknown, easier: unknown, into: Map<string, string>): Map<string, string> {
  if (typeof standard === "string" && typeof easier === "string") into.set(standard, easier);
  else if (standard && easier && typeof standard === "object" && typeof easier === "object") {
    for (const [key, value] of Object.entries(easier)) pairTexts((standard as Record<string, unknown>)[key], value, into);
  }
  return into;
}

const versions = pairTexts(ja, easy, new Map());

/**
 * The easy wording of a standard text, or the text itself when the easy dictionary has none. Keyed by
 * the wording rather than the key, so a text that arrives as a string (a server's error, a form
 * version's label that still reads as the default) finds its easy version too; an admin's own wording
 * does not match and is shown as written.
 */
export function easyVersion(text: string): string {
  return versions.get(text) ?? text;
}
