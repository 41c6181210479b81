/**
 * CSV formula injection guard (OWASP's leading-apostrophe rule). A spreadsheet reads a
 * cell that begins with `=`, `+`, `-`, `@`, TAB or CR as a formula, and an end user's
 * HWID or a note can begin with anything. On export such a cell gets one leading `'`,
 * which spreadsheets show as plain text. So that import can undo exactly that, a cell
 * that already begins with `'` gets one too: export adds one apostrophe to every cell
 * beginning with a trigger or an apostrophe, import drops one leading apostrophe from
 * every cell that has one. The adapter's SQL-built CSV line builds its test from
 * `GUARDED_FIRST_CHARACTERS`, so both writers follow this one list.
 */
export const FORMULA_TRIGGERS = ["=", "+", "-", "@", "\t", "\r"] as const;

/** The escape a guarded cell starts with. */
export const CELL_ESCAPE = "'";

/** A cell starting with one of these is written with `CELL_ESCAPE` in front. */
export const GUARDED_FIRST_CHARACTERS: readonly string[] = [...FORMULA_TRIGGERS, CELL_ESCAPE];

/** The cell as written into an export. */
export function neutralizeCell(value: string): string {
  return value !== "" && GUARDED_FIRST_CHARACTERS.includes(value[0]!) ? CELL_ESCAPE + value : value;
}

/** The value an exported cell stood for (the inverse of `neutralizeCell`). */
export function restoreCell(cell: string): string {
  return cell.startsWith(CELL_ESCAPE) ? cell.slice(CELL_ESCAPE.length) : cell;
}
