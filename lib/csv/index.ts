/**
 * Excel (and LibreOffice) run a cell that starts like a formula: = + - @, or a tab or carriage return
 * before one. Every CSV the product writes (reports, audit log, handover bundle) passes its cells
 * through here, so the rule has one owner; a leading ' makes the spreadsheet show the text as it is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvSafeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
